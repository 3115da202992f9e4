/** Inputs of the statistics, the monthly workbook and the list exports. */
import { z } from 'zod';
import { isoDate } from './fields';
import { ticketListInput } from './tickets.schema';
import { returnListInput } from './returns.schema';
import { receivablesInput } from './fees.schema';

export const periodInput = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to && Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, { error: 'validation.period', path: ['to'] });

/** The trend chart: received and closed per calendar month, for up to 24 months ending with `month`. */
export const trendInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' }),
  months: z.number().int().min(1).max(24).default(12),
});

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
const format = z.enum(EXPORT_FORMATS).default('xlsx');

/** A list's export: the same filter as the list on screen, every matching row (not just the page), as .xlsx or CSV. */
export const ticketExportInput = ticketListInput.omit({ page: true, pageSize: true }).extend({ format });
export const returnExportInput = returnListInput.omit({ page: true, pageSize: true }).extend({ format });
export const receivablesExportInput = receivablesInput.extend({ format });
