/**
 * Inputs of the fee methods: fee standards, the calculator, quotes, bills, payments, receivables.
 * Quantities and prices are only checked for type here: the fee rules (shared/domain/fees) refuse zero,
 * negative and absurd values with their own reasons, the same in the renderer's preview and in the core.
 */
import { z } from 'zod';
import { CONSENT_CHANNELS, signature } from './lifecycle.schema';
import { cleanString, id, isoDate, isoDateTime, requiredText, text, version } from './fields';
import { DIFFICULTIES, LABOUR_UNITS, TRAVEL_UNITS } from '../domain/fees';
import { WARRANTY_STATUSES } from '../domain/warranty';

const fen = z.number().int().min(0).max(100_000_000);
const bp = z.number().int().min(0).max(10_000);
const quantity = z.number().finite();

const labourRate = z.strictObject({ productLine: requiredText(40), difficulty: z.enum(DIFFICULTIES), perVisitFen: fen, perHourFen: fen });

export const feeRules = z.strictObject({
  labour: z.array(labourRate).max(200).default([]),
  calloutFen: fen.default(0),
  travelPerTripFen: fen.default(0),
  travelPerKmFen: fen.default(0),
  lodgingPerNightFen: fen.default(0),
  mealsPerDayFen: fen.default(0),
  /**
   * Part prices live in the parts catalogue (备件库存), not in the standard. An older client's empty list passes; a
   * list with parts is refused in words rather than silently dropped (the admin would think the prices were set).
   */
  parts: z.array(z.unknown()).max(0, { error: 'validation.partsInCatalogue' }).optional(),
  taxRateBp: bp.default(0),
  expensesCoveredInWarranty: z.boolean().default(true),
  repairWarrantyDays: z.number().int().min(0).max(3650).default(90),
  discountApprovalShareBp: bp.default(1000),
  replaceShareBp: bp.default(5000),
  modelValues: z.array(z.strictObject({ modelId: id, valueFen: fen })).max(5000).default([]),
});

export const standardGetInput = z.strictObject({ date: isoDate.nullable().default(null) });
export const standardPublishInput = z.strictObject({ effectiveFrom: isoDate, note: text(200), rules: feeRules });

const override = z.strictObject({ covered: z.boolean(), reason: cleanString().trim().max(200) }).nullable().default(null);
const base = { quantity, override };

export const feeLine = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('labour'), productLine: requiredText(40), difficulty: z.enum(DIFFICULTIES), unit: z.enum(LABOUR_UNITS) }),
  z.strictObject({ ...base, kind: z.literal('callout') }),
  z.strictObject({ ...base, kind: z.literal('travel'), unit: z.enum(TRAVEL_UNITS) }),
  z.strictObject({ ...base, kind: z.literal('lodging') }),
  z.strictObject({ ...base, kind: z.literal('meals') }),
  z.strictObject({ ...base, kind: z.literal('part'), partNo: requiredText(40) }),
  z.strictObject({ ...base, kind: z.literal('other'), description: requiredText(80), unitFen: z.number().int() }),
]);

export const discount = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('amount'), fen: z.number().int() }),
    z.strictObject({ kind: z.literal('share'), bp: z.number().int() }),
  ])
  .default({ kind: 'none' });

const lines = z.array(feeLine).max(200);

/** Preview: for a ticket (its device's warranty and today's standard), or a phone estimate by warranty status and model. */
export const calculateInput = z.strictObject({
  ticketId: id.nullable().default(null),
  warranty: z.enum(WARRANTY_STATUSES).default('unknown'),
  modelId: id.nullable().default(null),
  lines,
  discount,
});

export const quoteCreateInput = z.strictObject({ ticketId: id, lines: lines.min(1), discount, note: text(500) });
export const byTicket = z.strictObject({ ticketId: id });

export const quoteConsentInput = z
  .strictObject({ id, version, channel: z.enum(CONSENT_CHANNELS), signature: signature.nullable().default(null), note: text(500) })
  .refine((v) => v.channel !== 'onsite' || v.signature !== null, { error: 'validation.signatureRequired', path: ['signature'] });

/**
 * The customer's consent recorded on a bill (when no accepted quote carries it): how, a drawn signature on
 * site, and `informed`, the clerk's attestation that the fee standard was explained and the customer agreed.
 */
const billConsentFields = {
  channel: z.enum(CONSENT_CHANNELS),
  signature: signature.nullable().default(null),
  note: text(500),
  informed: z.literal(true, { error: 'validation.consentInformed' }),
};
const signedOnSite = (v: { channel: string; signature: string | null }) => v.channel !== 'onsite' || v.signature !== null;
export const billConsent = z.strictObject(billConsentFields).refine(signedOnSite, { error: 'validation.signatureRequired', path: ['signature'] });

export const billCreateInput = z.strictObject({ ticketId: id, lines: lines.min(1), discount, note: text(500), consent: billConsent.nullable().default(null) });
export const billConsentInput = z.strictObject({ id, version, ...billConsentFields }).refine(signedOnSite, { error: 'validation.signatureRequired', path: ['signature'] });
export const approveDiscountInput = z.strictObject({ id, version });

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'wechat', 'alipay', 'card'] as const;

export const paymentInput = z.strictObject({
  billId: id,
  method: z.enum(PAYMENT_METHODS),
  amountFen: z.number().int().min(1).max(100_000_000),
  /** When the money was received; defaults to now. */
  paidAt: isoDateTime.nullable().default(null),
  receiptNo: text(40),
});

export const acknowledgeInput = z.strictObject({ billId: id, version, signature, promisedDate: isoDate.nullable().default(null), note: text(500) });

export const receivablesInput = z.strictObject({ customerId: id.nullable().default(null) });
export const receivableBillsInput = z.strictObject({ customerId: id });
