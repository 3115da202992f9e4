/** Inputs of the engineer schedule (工作安排表). */
import { z } from 'zod';
import { id, isoDate, isoDateTime, text, version } from './fields';

export const scheduleListInput = z
  .strictObject({ from: isoDate, to: isoDate, engineerId: id.nullable().default(null) })
  .refine((v) => v.from <= v.to && Date.parse(v.to) - Date.parse(v.from) <= 42 * 86_400_000, { error: 'validation.range', path: ['to'] });

export const bookInput = z
  .strictObject({
    engineerId: id,
    ticketId: id.nullable().default(null),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    place: text(200),
    note: text(500),
  })
  .refine((v) => Date.parse(v.startsAt) < Date.parse(v.endsAt), { error: 'validation.range', path: ['endsAt'] });

export const unbookInput = z.strictObject({ id, version });
