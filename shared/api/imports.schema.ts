/** Inputs of the spreadsheet import (customers, devices): the file travels as base64, at most 10 MB. */
import { z } from 'zod';
import { IMPORT_KINDS } from '../domain/imports';
import { text } from './fields';

const MAX_BASE64 = Math.ceil((10 * 1024 * 1024) / 3) * 4;

export const importInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  fileName: text(200),
  dataBase64: z.string().min(1, { error: 'validation.required' }).max(MAX_BASE64, { error: 'validation.fileTooBig' }),
});
