/** Inputs of the ticket lifecycle: moves with what each one records, pauses, escalation, contact. */
import { z } from 'zod';
import { id, isoDateTime, requiredText, text, version } from './fields';
import { PART_UNITS } from '../domain/parts';

export const SERVICE_MODES = ['remote', 'onsite', 'depot'] as const;
export const SATISFACTION = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export const CONSENT_CHANNELS = ['onsite', 'phone', 'online', 'email'] as const;
export const PAUSE_REASONS = ['customer', 'parts'] as const;

/** A drawn signature as a PNG data URL (the canvas export), at most ~300 KB. */
export const signature = z
  .string()
  .max(400_000)
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { error: 'validation.signature' });

const target = { id, version };
const reason = { reason: requiredText(500) };

export const moveInput = z.discriminatedUnion('move', [
  z.strictObject({ ...target, move: z.literal('startDiagnosis'), remoteGuidance: text(2000) }),
  z.strictObject({
    ...target,
    move: z.literal('submitPlan'),
    remoteGuidance: text(2000),
    serviceMode: z.enum(SERVICE_MODES),
    eta: isoDateTime.nullable().default(null),
    diagnosis: requiredText(2000),
    rootCause: text(1000),
    repairPlan: requiredText(2000),
    partsNeeded: text(1000),
    touchesCoreParts: z.boolean().default(false),
    estimateFen: z.number().int().min(0).max(100_000_000).default(0),
  }),
  z.strictObject({ ...target, move: z.literal('approvePlan') }),
  z.strictObject({ ...target, move: z.literal('rejectPlan'), ...reason }),
  z.strictObject({ ...target, move: z.literal('dispatch'), engineerId: id }),
  z.strictObject({ ...target, move: z.literal('startService') }),
  z.strictObject({
    ...target,
    move: z.literal('accept'),
    satisfaction: z.enum(SATISFACTION),
    comments: text(1000),
    signature,
  }),
  z.strictObject({ ...target, move: z.literal('failAcceptance'), ...reason }),
  z.strictObject({ ...target, move: z.literal('followUpSolved'), attitudeOk: z.boolean(), satisfaction: z.enum(SATISFACTION), notes: text(1000) }),
  z.strictObject({ ...target, move: z.literal('followUpUnsolved'), ...reason }),
  z.strictObject({ ...target, move: z.literal('archive') }),
  z.strictObject({ ...target, move: z.literal('cancel'), ...reason }),
  z.strictObject({ ...target, move: z.literal('reopen'), ...reason }),
]);

/** A follow-up call that did not get its answers: nobody answered, or the customer asked to be called at another time. */
export const FOLLOW_UP_OUTCOMES = ['noAnswer', 'rescheduled'] as const;

export const followUpAttemptInput = z
  .strictObject({
    ...target,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    /** When to call again (required for a rescheduled call); the follow-up's due time moves there. */
    nextAt: isoDateTime.nullable().default(null),
    note: text(500),
  })
  .refine((v) => v.outcome !== 'rescheduled' || v.nextAt !== null, { error: 'validation.nextCallRequired', path: ['nextAt'] });

export const consentInput = z.strictObject({
  ...target,
  channel: z.enum(CONSENT_CHANNELS),
  /** Required when the customer is present (on site). */
  signature: signature.nullable().default(null),
  note: text(500),
}).refine((v) => v.channel !== 'onsite' || v.signature !== null, { error: 'validation.signatureRequired', path: ['signature'] });

export const pauseInput = z.strictObject({ ...target, reason: z.enum(PAUSE_REASONS), note: text(500) });
export const resumeInput = z.strictObject(target);
export const escalateInput = z.strictObject({ ...target, ...reason });
export const contactInput = z.strictObject({ ...target, note: text(500) });
export const noteInput = z.strictObject({ ...target, note: requiredText(2000) });

export const partUsed = z.strictObject({
  partName: requiredText(80),
  partModel: text(60),
  /** As many decimals as the unit allows (0.8 kg); the core refuses, in words, what the unit does not. */
  quantity: z.number().gt(0, { error: 'validation.quantityPositive' }).max(999),
  /** The unit of a part typed by hand; a catalogue part is counted in the catalogue's unit. */
  unit: z.enum(PART_UNITS).default('pcs'),
  serial: text(64),
  oldPartRecovered: z.boolean().default(false),
  /** The serial of the old part taken off, when recovered: it goes with the part into defective stock. */
  oldSerial: text(64),
  /** A catalogue part: issued from stock in the same transaction as the record. */
  partId: id.nullable().default(null),
});

export const serviceRecordInput = z.strictObject({
  ...target,
  steps: requiredText(4000),
  problems: text(2000),
  /** Parts used in this visit; added to the ticket's list (earlier entries stay). */
  parts: z.array(partUsed).max(50).default([]),
  /** A supervisor lets catalogue parts be issued beyond stock on hand (reason required). */
  stockOverride: z.boolean().default(false),
  overrideReason: text(500),
});

/** 8 MB of file content, base64 (the HTTP body limit leaves room for it). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

export const attachInput = z.strictObject({
  id,
  kind: z.enum(['photo', 'file']),
  fileName: requiredText(200).regex(/^[^\\/:*?"<>|]+$/, { error: 'validation.fileName' }),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/plain']),
  dataBase64: z.string().min(1).max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/=]+$/, { error: 'validation.fileContent' }),
});

export const attachmentGetInput = z.strictObject({ id });
