/**
 * Fee rules (SPEC "Fees", seed 003 §4.5): pure, so the renderer previews instantly and the core recomputes
 * authoritatively on save. Money is integer fen (分) throughout; no floating-point amount is ever summed.
 *
 * Rounding rule (documented, tested): every line amount is unit price × quantity rounded half up to the fen
 * (quantities may carry two decimals, e.g. 1.5 hours); a share discount and the tax are each computed ONCE on
 * the total they apply to and rounded half up to the fen. Lines are summed as integers, so there is no drift.
 *
 * Part lines are priced from the parts catalogue (备件库存), the one source of a part's price, name and 易损件 flag;
 * the fee standard holds no parts. A bill keeps the price the customer agreed to on the accepted quote (AgreedPart).
 *
 * Coverage is decided per line. Warranty "unknown" is charged like "out" (the desk cannot promise free work it
 * cannot prove; when the customer shows the invoice the device's dates are corrected and the quote revised, or
 * a supervisor covers lines as goodwill).
 */
import type { WarrantyStatus } from './warranty';
import { formatMoney } from './money';

export const FEE_KINDS = ['labour', 'callout', 'travel', 'lodging', 'meals', 'part', 'other'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export const DIFFICULTIES = ['basic', 'standard', 'complex'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const LABOUR_UNITS = ['visit', 'hour'] as const;
export const TRAVEL_UNITS = ['trip', 'km'] as const;

/** Limits that keep a typo (an extra zero or three) from becoming a bill. */
export const FEE_LIMITS = { maxQuantity: 10_000, maxUnitFen: 10_000_000, maxLineFen: 100_000_000, maxLines: 100 } as const;
const BP = 10_000;

export interface LabourRate {
  productLine: string;
  difficulty: Difficulty;
  perVisitFen: number;
  perHourFen: number;
}
/** A part as the catalogue (备件库存) prices it today. */
export interface PartPrice {
  partNo: string;
  name: string;
  priceFen: number;
  /** 易损件: charged even in warranty. */
  consumable: boolean;
  /** A part taken out of the catalogue is no longer quoted. */
  active: boolean;
}

/** A part line's price as the customer accepted it on a quote (its price may have changed in the catalogue since). */
export interface AgreedPart {
  partNo: string;
  description: string;
  unitFen: number;
  consumable: boolean;
}

/** One version of the fee standard (收费标准); the core stores it unchanged with its effective date. */
export interface FeeRules {
  labour: LabourRate[];
  calloutFen: number;
  travelPerTripFen: number;
  travelPerKmFen: number;
  lodgingPerNightFen: number;
  mealsPerDayFen: number;
  /** Tax in basis points (13% = 1300), added on the discounted total. */
  taxRateBp: number;
  /** In warranty, are call-out, travel, lodging and meals covered too (else the customer pays them)? */
  expensesCoveredInWarranty: boolean;
  /** A repair within this many days after a previous repair of the same device is covered (返修保修期). */
  repairWarrantyDays: number;
  /** A discount above this share of the charged amount needs a supervisor's approval. */
  discountApprovalShareBp: number;
  /** Suggest replacing instead of repairing when the repair cost exceeds this share of the model's value. */
  replaceShareBp: number;
  /** Product value per model (fen), for the repair-or-replace suggestion. */
  modelValues: { modelId: number; valueFen: number }[];
}

export interface Override {
  covered: boolean;
  reason: string;
}

export type LineInput = { quantity: number; override?: Override | null } & (
  | { kind: 'labour'; productLine: string; difficulty: Difficulty; unit: 'visit' | 'hour' }
  | { kind: 'callout' }
  | { kind: 'travel'; unit: 'trip' | 'km' }
  | { kind: 'lodging' }
  | { kind: 'meals' }
  | { kind: 'part'; partNo: string }
  | { kind: 'other'; description: string; unitFen: number }
);

export type Discount = { kind: 'none' } | { kind: 'amount'; fen: number } | { kind: 'share'; bp: number };

/** Why a line is covered or charged (shown per line). */
export type CoverageReason = 'warranty' | 'repeatRepair' | 'consumable' | 'expenses' | 'outOfWarranty' | 'unknownWarranty' | 'other' | 'override';

export interface WarrantyDecision {
  status: WarrantyStatus;
  /** Within the repair-warranty window after a previous repair of the same device. */
  repeatRepair: boolean;
  previousRepairDate: string | null;
}

export interface FeeLine {
  kind: FeeKind;
  description: string;
  unitFen: number;
  quantity: number;
  amountFen: number;
  covered: boolean;
  reason: CoverageReason;
  consumable: boolean;
  overrideReason: string | null;
}

export interface FeeCalc {
  lines: FeeLine[];
  /** All lines, covered or not. */
  subtotalFen: number;
  coveredFen: number;
  /** subtotal − covered: what the customer would pay before discount and tax. */
  chargedFen: number;
  discountFen: number;
  discountNeedsApproval: boolean;
  taxFen: number;
  totalFen: number;
  suggestReplace: boolean;
  modelValueFen: number | null;
}

export interface FeeProblem {
  path: string;
  key: string;
  params: Record<string, string | number>;
}

export type FeeOutcome = { ok: true; value: FeeCalc } | { ok: false; problems: FeeProblem[] };

/** a × b / d rounded half up (non-negative integers), exact: Number is exact below 2^53 and the limits keep us there. */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const n = a * b;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('amount out of range');
  const rest = n % d;
  return (n - rest) / d + (rest * 2 >= d ? 1 : 0);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function isoDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Quantity as hundredths, or null when it has more than two decimals. */
export function hundredths(quantity: number): number | null {
  const h = Math.round(quantity * 100);
  return Math.abs(h - quantity * 100) < 1e-6 ? h : null;
}

/** In/out/unknown from the device's dates, plus the repair-warranty rule from its previous repair. */
export function decideWarranty(status: WarrantyStatus, serviceDate: string, previousRepairDate: string | null, repairWarrantyDays: number): WarrantyDecision {
  const days = previousRepairDate ? isoDayNumber(serviceDate) - isoDayNumber(previousRepairDate) : null;
  const repeatRepair = days !== null && days >= 0 && days <= repairWarrantyDays;
  return { status, repeatRepair, previousRepairDate };
}

export interface Priced {
  description: string;
  unitFen: number;
  consumable: boolean;
}

/** What a calculation prices with: the standard's rates, the catalogue's parts, and on a bill the accepted quote's parts. */
export interface PriceSources {
  rules: FeeRules;
  parts: PartPrice[];
  agreed?: AgreedPart[];
}

const samePart = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** The accepted quote's part prices, read from its stored lines (input and computed line share their index). */
export function agreedParts(lines: LineInput[], calc: FeeCalc): AgreedPart[] {
  return lines.flatMap((l, i) => {
    const c = calc.lines[i];
    return l.kind === 'part' && c ? [{ partNo: l.partNo, description: c.description, unitFen: c.unitFen, consumable: c.consumable }] : [];
  });
}

/** A part line: the quote's agreed price wins, else the catalogue's price for an active part. */
export function pricePart(partNo: string, parts: PartPrice[], agreed: AgreedPart[] = []): Priced | string {
  if (partNo.trim() === '') return 'fees.choosePart';
  const kept = agreed.find((p) => samePart(p.partNo, partNo));
  if (kept) return { description: kept.description, unitFen: kept.unitFen, consumable: kept.consumable };
  const part = parts.find((p) => samePart(p.partNo, partNo));
  if (!part) return 'fees.unknownPart';
  if (!part.active) return 'fees.inactivePart';
  return { description: `${part.name} (${part.partNo})`, unitFen: part.priceFen, consumable: part.consumable };
}

function price(line: LineInput, src: PriceSources): Priced | string {
  const { rules } = src;
  switch (line.kind) {
    case 'labour': {
      const rate = rules.labour.find((r) => r.productLine === line.productLine && r.difficulty === line.difficulty);
      if (!rate) return 'fees.noLabourRate';
      return { description: `${line.productLine}/${line.difficulty}`, unitFen: line.unit === 'visit' ? rate.perVisitFen : rate.perHourFen, consumable: false };
    }
    case 'callout':
      return { description: '', unitFen: rules.calloutFen, consumable: false };
    case 'travel':
      return { description: line.unit, unitFen: line.unit === 'trip' ? rules.travelPerTripFen : rules.travelPerKmFen, consumable: false };
    case 'lodging':
      return { description: '', unitFen: rules.lodgingPerNightFen, consumable: false };
    case 'meals':
      return { description: '', unitFen: rules.mealsPerDayFen, consumable: false };
    case 'part':
      return pricePart(line.partNo, src.parts, src.agreed);
    case 'other':
      if (!Number.isInteger(line.unitFen) || line.unitFen < 0) return 'fees.priceNegative';
      if (line.unitFen > FEE_LIMITS.maxUnitFen) return 'fees.priceTooLarge';
      return { description: line.description, unitFen: line.unitFen, consumable: false };
  }
}

/** Who pays a line, before any override. */
export function coverageOf(kind: FeeKind, consumable: boolean, decision: WarrantyDecision, rules: FeeRules): { covered: boolean; reason: CoverageReason } {
  if (consumable) return { covered: false, reason: 'consumable' };
  if (kind === 'other') return { covered: false, reason: 'other' };
  const covering = decision.status === 'in' || decision.repeatRepair;
  if (!covering) return { covered: false, reason: decision.status === 'unknown' ? 'unknownWarranty' : 'outOfWarranty' };
  const basis: CoverageReason = decision.status === 'in' ? 'warranty' : 'repeatRepair';
  if (kind === 'labour' || kind === 'part') return { covered: true, reason: basis };
  return rules.expensesCoveredInWarranty ? { covered: true, reason: basis } : { covered: false, reason: 'expenses' };
}

function quantityProblem(quantity: number): string | null {
  if (!Number.isFinite(quantity) || quantity <= 0) return 'fees.quantityNotPositive';
  if (quantity > FEE_LIMITS.maxQuantity) return 'fees.quantityTooLarge';
  if (hundredths(quantity) === null) return 'fees.quantityPrecision';
  return null;
}

function lineOf(input: LineInput, src: PriceSources, decision: WarrantyDecision, i: number): FeeLine | FeeProblem {
  const { rules } = src;
  const qtyKey = quantityProblem(input.quantity);
  if (qtyKey) return { path: `lines.${i}.quantity`, key: qtyKey, params: { max: FEE_LIMITS.maxQuantity } };
  const priced = price(input, src);
  if (typeof priced === 'string') return { path: `lines.${i}`, key: priced, params: { max: FEE_LIMITS.maxUnitFen, ...(input.kind === 'part' ? { partNo: input.partNo } : {}) } };
  const amountFen = mulDivHalfUp(priced.unitFen, hundredths(input.quantity)!, 100);
  if (amountFen > FEE_LIMITS.maxLineFen) return { path: `lines.${i}.quantity`, key: 'fees.amountTooLarge', params: { max: formatMoney(FEE_LIMITS.maxLineFen) } };
  const override = input.override ?? null;
  if (override && override.reason.trim() === '') return { path: `lines.${i}.override.reason`, key: 'fees.overrideReason', params: {} };
  const base = coverageOf(input.kind, priced.consumable, decision, rules);
  const coverage = override && override.covered !== base.covered ? { covered: override.covered, reason: 'override' as const } : base;
  return {
    kind: input.kind, description: priced.description, unitFen: priced.unitFen, quantity: input.quantity, amountFen,
    covered: coverage.covered, reason: coverage.reason, consumable: priced.consumable, overrideReason: coverage.reason === 'override' ? override!.reason.trim() : null,
  };
}

function discountOf(discount: Discount, chargedFen: number): number | string {
  if (discount.kind === 'none') return 0;
  if (discount.kind === 'amount') {
    if (!Number.isInteger(discount.fen) || discount.fen < 0) return 'fees.discountNegative';
    if (discount.fen > chargedFen) return 'fees.discountTooLarge';
    return discount.fen;
  }
  if (!Number.isInteger(discount.bp) || discount.bp < 0) return 'fees.discountNegative';
  if (discount.bp > BP) return 'fees.discountTooLarge';
  return mulDivHalfUp(chargedFen, discount.bp, BP);
}

export type FeeArgs = PriceSources & { decision: WarrantyDecision; lines: LineInput[]; discount: Discount; modelId: number | null };

/** The whole calculation: lines with coverage, subtotal, covered, discount, tax, total, repair-or-replace. */
export function calculateFees(args: FeeArgs): FeeOutcome {
  const { rules, decision } = args;
  if (args.lines.length > FEE_LIMITS.maxLines) return { ok: false, problems: [{ path: 'lines', key: 'fees.tooManyLines', params: { max: FEE_LIMITS.maxLines } }] };
  const results = args.lines.map((l, i) => lineOf(l, args, decision, i));
  const problems = results.filter((r): r is FeeProblem => 'key' in r);
  if (problems.length) return { ok: false, problems };
  const lines = results as FeeLine[];
  const subtotalFen = lines.reduce((s, l) => s + l.amountFen, 0);
  const coveredFen = lines.reduce((s, l) => s + (l.covered ? l.amountFen : 0), 0);
  const chargedFen = subtotalFen - coveredFen;
  const discount = discountOf(args.discount, chargedFen);
  if (typeof discount === 'string') return { ok: false, problems: [{ path: 'discount', key: discount, params: {} }] };
  const discountNeedsApproval = discount * BP > chargedFen * rules.discountApprovalShareBp;
  const taxFen = mulDivHalfUp(chargedFen - discount, rules.taxRateBp, BP);
  const modelValueFen = rules.modelValues.find((m) => m.modelId === args.modelId)?.valueFen ?? null;
  // The repair's cost is every line, covered or not: an expensive repair of a cheap product is a bad deal for whoever pays.
  const suggestReplace = modelValueFen !== null && modelValueFen > 0 && subtotalFen * BP > modelValueFen * rules.replaceShareBp;
  return {
    ok: true,
    value: { lines, subtotalFen, coveredFen, chargedFen, discountFen: discount, discountNeedsApproval, taxFen, totalFen: chargedFen - discount + taxFen, suggestReplace, modelValueFen },
  };
}
