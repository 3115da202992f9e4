/**
 * 三包 (repair, exchange, return): the consumer's statutory right for a fault, per product line (issue 19). Pure, like
 * the fee rules: the ticket page shows the same decision the core records.
 *
 * Day counting: the day of purchase is day 0 and the next day is day 1 (民法典 第二百零一条: a period counted in days
 * starts on the day after). "7 日内" therefore covers days 0–7, and day 8 is outside. Days are Asia/Shanghai (the desk's
 * zone) calendar dates of the purchase and of the report of the fault.
 *
 * The order of the rules follows 《部分商品修理更换退货责任规定》 §8–§10: a performance fault within the return window
 * gives return, exchange or repair; within the exchange window exchange or repair; within the whole-unit warranty
 * free repair, and exchange once the same fault was already repaired the set number of times; within the main-part
 * warranty free repair of the main parts; after that, paid repair.
 */
import { addMonths } from './warranty';
import { faultTerms } from './fault-terms';

export const SANBAO_RIGHTS = ['return', 'exchange', 'repair', 'paidRepair'] as const;
export type SanbaoRight = (typeof SANBAO_RIGHTS)[number];

export const SANBAO_RULES = ['returnWindow', 'exchangeWindow', 'repeatedRepairs', 'wholeUnit', 'mainPart', 'expired', 'noPurchaseDate', 'notAFault'] as const;
export type SanbaoRule = (typeof SANBAO_RULES)[number];

/** The terms kept per product line ('*' for every line without its own). */
export interface SanbaoTerms {
  productLine: string;
  returnDays: number;
  exchangeDays: number;
  wholeUnitMonths: number;
  mainPartMonths: number;
  /** Repairs of the same fault within the warranty after which a further failure gives the right to exchange. */
  repairsForExchange: number;
}

export const ANY_LINE = '*';

/**
 * Defaults (README "三包 terms"): '*' from 《部分商品修理更换退货责任规定》 (2013); 手机/电子 from
 * 《移动电话机商品修理更换退货责任规定》 (主机 1 year); 家电 from 《家用电器“三包”规定》's annex for
 * air conditioners, refrigerators and washing machines (whole unit 1 year, main parts 3 years).
 */
export const DEFAULT_SANBAO_TERMS: SanbaoTerms[] = [
  { productLine: ANY_LINE, returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 12, repairsForExchange: 2 },
  { productLine: '家电', returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 36, repairsForExchange: 2 },
  { productLine: '手机', returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 12, repairsForExchange: 2 },
  { productLine: '电子', returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 12, repairsForExchange: 2 },
];

export const SANBAO_LIMITS = { maxDays: 365, maxMonths: 120, maxRepairs: 10, maxLines: 50 } as const;

export function termsFor(all: SanbaoTerms[], productLine: string | null): SanbaoTerms {
  return all.find((t) => t.productLine === productLine) ?? all.find((t) => t.productLine === ANY_LINE) ?? DEFAULT_SANBAO_TERMS[0]!;
}

export interface SanbaoFacts {
  /** YYYY-MM-DD, or null when the customer has no proof of purchase. */
  purchaseDate: string | null;
  /** The day the fault was reported (YYYY-MM-DD, desk zone). */
  serviceDate: string;
  /** A hardware or software fault; questions, maintenance and complaints give no 三包 right. */
  performanceFault: boolean;
  /** Earlier repairs of the same fault within the whole-unit warranty. */
  sameFaultRepairs: number;
}

export interface SanbaoDecision {
  right: SanbaoRight;
  /** What the consumer may choose, the right first. */
  options: SanbaoRight[];
  rule: SanbaoRule;
  /** The rule's words' parameters (days since purchase, a window, repairs, the last covered day). */
  params: Record<string, string>;
}

/** Days from `from` to `to` (YYYY-MM-DD), the first day counting 0. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last covered day of a warranty of `months` from the purchase: the day before the same date `months` later. */
export function lastCoveredDay(purchaseDate: string, months: number): string {
  const end = new Date(`${addMonths(purchaseDate, months)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export function decideSanbao(terms: SanbaoTerms, facts: SanbaoFacts): SanbaoDecision {
  if (!facts.performanceFault) return { right: 'paidRepair', options: ['paidRepair'], rule: 'notAFault', params: {} };
  if (!facts.purchaseDate) return { right: 'paidRepair', options: ['paidRepair'], rule: 'noPurchaseDate', params: {} };
  const days = Math.max(0, daysBetween(facts.purchaseDate, facts.serviceDate));
  if (days <= terms.returnDays) {
    return { right: 'return', options: ['return', 'exchange', 'repair'], rule: 'returnWindow', params: { days: String(days), window: String(terms.returnDays) } };
  }
  if (days <= terms.exchangeDays) {
    return { right: 'exchange', options: ['exchange', 'repair'], rule: 'exchangeWindow', params: { days: String(days), window: String(terms.exchangeDays) } };
  }
  const wholeUnitEnd = lastCoveredDay(facts.purchaseDate, terms.wholeUnitMonths);
  if (facts.serviceDate <= wholeUnitEnd) {
    if (facts.sameFaultRepairs >= terms.repairsForExchange) {
      return { right: 'exchange', options: ['exchange', 'repair'], rule: 'repeatedRepairs', params: { repairs: String(facts.sameFaultRepairs), until: wholeUnitEnd } };
    }
    return { right: 'repair', options: ['repair'], rule: 'wholeUnit', params: { until: wholeUnitEnd } };
  }
  const mainPartEnd = lastCoveredDay(facts.purchaseDate, terms.mainPartMonths);
  if (facts.serviceDate <= mainPartEnd) return { right: 'repair', options: ['repair', 'paidRepair'], rule: 'mainPart', params: { until: mainPartEnd } };
  return { right: 'paidRepair', options: ['paidRepair'], rule: 'expired', params: { until: mainPartEnd > wholeUnitEnd ? mainPartEnd : wholeUnitEnd } };
}

export interface FaultText {
  description: string;
  alarmCodes: string;
}

/**
 * The same fault: a shared alarm code, or two fault descriptions sharing at least two terms
 * (屏幕偶尔失灵 and 屏幕又失灵了 share 屏幕 and 失灵; 屏幕碎了 shares only 屏幕).
 */
export function sameFault(a: FaultText, b: FaultText): boolean {
  const codes = (s: string) => s.split(/[\s,，;；、/]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const bCodes = new Set(codes(b.alarmCodes));
  if (codes(a.alarmCodes).some((c) => bCodes.has(c))) return true;
  const bTerms = new Set(faultTerms(b.description));
  let shared = 0;
  for (const term of new Set(faultTerms(a.description))) if (bTerms.has(term) && ++shared >= 2) return true;
  return false;
}

export const SANBAO_CASE_KINDS = ['exchange', 'return'] as const;
export type SanbaoCaseKind = (typeof SANBAO_CASE_KINDS)[number];

/** The certificate's number: the ticket's number and EX (换货证明) or RT (退货证明), as the customer quotes it. */
export const certificateNumber = (ticketNumber: string, kind: SanbaoCaseKind): string => `${ticketNumber}-${kind === 'exchange' ? 'EX' : 'RT'}`;

/** How the money of a return goes back: cash at the desk, a bank transfer, or back the way it was paid (原路退回). */
export const REFUND_METHODS = ['cash', 'transfer', 'original'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];

/**
 * The refund of a return: more than nothing, and never more than the customer paid when the price on the invoice
 * is known (null: the customer has no invoice with a price). An `error.sanbao.*` key, or null when allowed.
 */
export function refundProblem(refundFen: number, paidFen: number | null): 'sanbao.refundPositive' | 'sanbao.refundTooHigh' | null {
  if (!Number.isInteger(refundFen) || refundFen <= 0) return 'sanbao.refundPositive';
  if (paidFen !== null && refundFen > paidFen) return 'sanbao.refundTooHigh';
  return null;
}

/** The money a return gave back, recorded by the one who made it. */
export interface SanbaoRefund {
  /** The price on the invoice, when known. */
  paidFen: number | null;
  refundFen: number;
  method: RefundMethod;
}

/** A ticket's exchange or return, done. */
export interface SanbaoCase {
  id: number;
  kind: SanbaoCaseKind;
  number: string;
  oldDevice: { id: number; serial: string };
  newDevice: { id: number; serial: string; warrantyEnd: string | null } | null;
  /** A return's refund (null for an exchange, and for returns recorded before refunds were). */
  refund: SanbaoRefund | null;
  at: string;
  byName: string;
}

/** The decision recorded on the timeline (the latest one counts). */
export interface RecordedSanbao {
  right: SanbaoRight;
  rule: SanbaoRule;
  params: Record<string, string>;
  /** A supervisor chose a right the rules do not offer. */
  override: boolean;
  reason: string;
  at: string;
  byName: string;
}

/** What the ticket page shows: the right that applies and why, the repairs counted, what was decided and done. */
export interface SanbaoAssessment {
  productLine: string | null;
  terms: SanbaoTerms;
  purchaseDate: string | null;
  serviceDate: string;
  decision: SanbaoDecision;
  /** The device's earlier repairs of the same fault within the whole-unit warranty. */
  sameFaultRepairs: { ticketId: number; number: string; resolvedAt: string }[];
  recorded: RecordedSanbao | null;
  done: SanbaoCase | null;
}
