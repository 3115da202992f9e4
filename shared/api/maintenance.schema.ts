/** Inputs of preventive maintenance plans and the checklist filled on their tickets. */
import { z } from 'zod';
import { CHECK_KINDS, INTERVAL_UNITS } from '../domain/maintenance';
import { id, isoDate, requiredText, text, version } from './fields';

export const checklistItem = z.strictObject({
  id: z.string().trim().min(1).max(20).regex(/^[\w-]+$/, { error: 'validation.invalid' }),
  label: requiredText(120),
  kind: z.enum(CHECK_KINDS),
  unit: text(20),
});

const planBase = z.strictObject({
    name: requiredText(80),
    customerId: id,
    project: text(80),
    deviceId: id.nullable().default(null),
    unit: z.enum(INTERVAL_UNITS),
    every: z.number().int().min(1).max(366).default(1),
    startDate: isoDate,
    fixedDates: z.array(isoDate).max(366).default([]),
    leadDays: z.number().int().min(0).max(90).default(0),
    engineerId: id.nullable().default(null),
    checklist: z.array(checklistItem).max(60).default([]),
    active: z.boolean().default(true),
    notes: text(1000),
});

type PlanShape = { unit: string; fixedDates: string[]; checklist: { id: string }[] };
const refined = <S extends z.ZodType<PlanShape>>(schema: S) =>
  schema
    .refine((p) => p.unit !== 'fixed' || p.fixedDates.length > 0, { error: 'validation.fixedDates', path: ['fixedDates'] })
    .refine((p) => new Set(p.checklist.map((i) => i.id)).size === p.checklist.length, { error: 'validation.checklistIds', path: ['checklist'] });

export const planFields = refined(planBase);
export const planUpdateInput = refined(planBase.extend({ id, version }));

export const planListInput = z.strictObject({
  customerId: id.optional(),
  includeInactive: z.boolean().default(true),
});

export const checklistResult = z.strictObject({
  id: requiredText(20),
  pass: z.boolean().nullable().default(null),
  value: z.number().min(-1_000_000).max(1_000_000).nullable().default(null),
  note: text(200),
});

export const checklistSaveInput = z.strictObject({
  ticketId: id,
  version,
  results: z.array(checklistResult).max(60),
});

export const generateInput = z.strictObject({});
