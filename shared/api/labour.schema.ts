/** Inputs of the labour log (工时登记): one visit's day and start and finish times, or its minutes. */
import { z } from 'zod';
import { id, isoDate, text, version } from './fields';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' });

export const logLabourInput = z.strictObject({
  ticketId: id,
  /** Staff log for an engineer; an engineer logs for themselves (null: the caller). */
  engineerId: id.nullable().default(null),
  workedOn: isoDate,
  start: time.nullable().default(null),
  finish: time.nullable().default(null),
  minutes: z.number().int().nullable().default(null),
  note: text(200),
});


/** A logged visit corrected (a wrong day, time or engineer): the same fields, on the entry as it was read. */
export const correctLabourInput = logLabourInput.omit({ ticketId: true }).extend({ id, version });
