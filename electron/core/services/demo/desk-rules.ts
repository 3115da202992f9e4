/**
 * Rules the demo desk and the benchmark's generated desk share (tests/bench imports them), so both describe
 * the same service centre: how a ticket's service is planned, and the shape of the fee standard. The warranty
 * decision needs no copy: both let the app decide it from the purchase date and the model's warranty months.
 */
import { DIFFICULTIES, type Difficulty, type FeeRules, type LabourRate } from '../../../../shared/domain/fees';
import type { ProblemType } from '../../../../shared/domain/ticket';

export type ServiceMode = 'remote' | 'onsite' | 'depot';

/** Product lines carried in to the desk (phones, tablets) rather than repaired where they stand. */
export const PORTABLE_LINES: ReadonlySet<string> = new Set(['电子', '电脑']);

/**
 * How the service is planned: large appliances mostly on site, phones and tablets often at the counter or sent
 * to the depot; software and usage questions mostly remotely. Relative weights per mode.
 */
export function serviceModeWeights(productLine: string, problemType: ProblemType): [ServiceMode, number][] {
  const advice = problemType === 'software' || problemType === 'usage' ? 3 : 1;
  return PORTABLE_LINES.has(productLine)
    ? [['remote', 35 * advice], ['onsite', 45], ['depot', 15]]
    : [['remote', 18 * advice], ['onsite', 79], ['depot', 3]];
}

/** Picks by weight with `share` in [0, 1): the same share always picks the same value. */
export function pickWeighted<T>(weights: readonly (readonly [T, number])[], share: number): T {
  let rest = share * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weights) {
    rest -= w;
    if (rest < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** Labour at basic, standard and complex difficulty as shares of the standard visit rate. */
export const DIFFICULTY_SHARE: Record<Difficulty, number> = { basic: 0.6, standard: 1, complex: 1.8 };

const toYuan = (fen: number) => Math.round(fen / 100) * 100;

/** A line's labour rates from its standard visit rate: by the visit per difficulty, by the hour at 60 % of that. */
export function labourRates(productLine: string, visitFen: number, price: (fen: number) => number = (fen) => fen): LabourRate[] {
  return DIFFICULTIES.map((difficulty) => {
    const perVisitFen = price(toYuan(visitFen * DIFFICULTY_SHARE[difficulty]));
    return { productLine, difficulty, perVisitFen, perHourFen: toYuan(perVisitFen * 0.6) };
  });
}

/** Call-out, travel, lodging and meals (today's prices), tax and the standard's other terms. */
export const EXPENSES = { calloutFen: 5_000, travelPerTripFen: 3_000, travelPerKmFen: 250, lodgingPerNightFen: 20_000, mealsPerDayFen: 6_000 };
export const TERMS: Pick<FeeRules, 'taxRateBp' | 'expensesCoveredInWarranty' | 'repairWarrantyDays' | 'discountApprovalShareBp' | 'replaceShareBp'> = {
  taxRateBp: 600,
  expensesCoveredInWarranty: true,
  repairWarrantyDays: 90,
  discountApprovalShareBp: 1_000,
  replaceShareBp: 5_000,
};
