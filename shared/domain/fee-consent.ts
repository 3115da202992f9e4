/**
 * No money before consent (seed 001: "若涉及费用…需提前向客户说明收费标准，获取书面同意后再收取"; SPEC
 * "Fees": quote → consent → bill → payment). A bill that asks the customer for money stands on the
 * customer's recorded consent: the accepted quote it was made from, or consent recorded on the bill itself
 * (how, when, a signature on site, and the clerk attesting the fee standard was explained). The core refuses
 * such a bill without one, and any payment on a bill that has none.
 */
export type ConsentSource = 'quote' | 'bill';

export interface BillConsentFacts {
  /** What the bill asks the customer to pay (fen). */
  totalFen: number;
  /** The total of the accepted quote the bill was made from (fen), null when there is none. */
  quoteTotalFen: number | null;
  /** When consent was recorded on the bill, else null. */
  consentAt: string | null;
}

/**
 * Where the bill's consent comes from, or null when there is none (a bill of nothing needs none). The customer
 * agreed to the quote's amount: a bill above it (a part found during the repair) needs their consent again.
 */
export function consentSource(bill: BillConsentFacts): ConsentSource | null {
  if (bill.quoteTotalFen !== null && bill.totalFen <= bill.quoteTotalFen) return 'quote';
  return bill.consentAt !== null ? 'bill' : null;
}

/** How much a bill asks above the accepted quote it was made from (fen), 0 when not above or without a quote. */
export function aboveQuoteFen(bill: BillConsentFacts): number {
  return bill.quoteTotalFen === null ? 0 : Math.max(0, bill.totalFen - bill.quoteTotalFen);
}

/** Whether the bill asks for money without the customer's recorded consent. */
export function lacksConsent(bill: BillConsentFacts): boolean {
  return bill.totalFen > 0 && consentSource(bill) === null;
}
