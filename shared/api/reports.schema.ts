/** Inputs of the statistics and the monthly workbook. */
import { z } from 'zod';
import { isoDate } from './fields';

export const periodInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to && Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { error: 'validation.period', path: ['to'] });
