/** Inputs of loaners, defective stock, returns to the factory (返厂单) and the quality report (issue 19). */
import { z } from 'zod';
import { DEFECTIVE_KINDS, LOANER_CONDITIONS } from '../domain/factory';
import { id, isoDate, requiredText, serial, text, version } from './fields';

const fen = z.number().int().min(0).max(100_000_000);
const count = z.number().int({ error: 'validation.quantityPositive' }).min(1, { error: 'validation.quantityPositive' }).max(9999);

export const loanerListInput = z.strictObject({
  /** `out`: lent now; `overdue`: lent and past the due day. */
  show: z.enum(['all', 'out', 'overdue']).default('all'),
});

export const loanerCreateInput = z.strictObject({
  serial,
  modelId: id.nullable().default(null),
  condition: z.enum(LOANER_CONDITIONS).default('good'),
  note: text(200),
});

export const lendInput = z.strictObject({
  loanerId: id,
  ticketId: id,
  depositFen: fen,
  dueOn: isoDate,
});

export const giveBackInput = z.strictObject({
  loanId: id,
  condition: z.enum(LOANER_CONDITIONS),
  refundFen: fen,
  /** Why part of the deposit is kept (required when the refund is less than the deposit). */
  keptReason: text(200),
});

export const ticketLoansInput = z.strictObject({ ticketId: id });

export const defectiveListInput = z.strictObject({
  includeEmpty: z.boolean().default(false),
  ticketId: id.optional(),
});

export const defectiveReceiveInput = z.strictObject({
  kind: z.enum(DEFECTIVE_KINDS),
  ticketId: id.nullable().default(null),
  name: requiredText(80),
  serial: text(64),
  quantity: count.default(1),
  faultCode: text(200),
});

export const defectiveScrapInput = z.strictObject({
  id,
  quantity: count,
  reason: requiredText(500),
});

const line = z.strictObject({ defectiveId: id, quantity: count });

export const factoryReturnListInput = z.strictObject({ outstandingOnly: z.boolean().default(false) });

export const factoryReturnGetInput = z.union([z.strictObject({ id }), z.strictObject({ number: requiredText(40) })]);

export const factoryReturnCreateInput = z.strictObject({
  supplier: requiredText(80),
  note: text(500),
  lines: z.array(line).max(200).default([]),
});

export const factoryReturnAddLineInput = line.extend({ id });

const moveBase = { id, version };
export const factoryReturnMoveInput = z.discriminatedUnion('move', [
  z.strictObject({ ...moveBase, move: z.literal('send') }),
  z.strictObject({ ...moveBase, move: z.literal('receive') }),
  z.strictObject({ ...moveBase, move: z.literal('credit'), credits: z.array(z.strictObject({ lineId: id, creditFen: fen })).max(200) }),
  z.strictObject({ ...moveBase, move: z.literal('repairBack') }),
  z.strictObject({ ...moveBase, move: z.literal('reject'), reason: text(500) }),
]);

export const qualityReportInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.month' }),
});
