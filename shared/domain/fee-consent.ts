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
  /** The bill was made from a quote the customer accepted. */
  fromAcceptedQuote: boolean;
  /** When consent was recorded on the bill, else null. */
  consentAt: string | null;
}

/** Where the bill's consent comes from, or null when there is none (a bill of nothing needs none). */
export function consentSource(bill: BillConsentFacts): ConsentSource | null {
  if (bill.fromAcceptedQuote) return 'quote';
  return bill.consentAt !== null ? 'bill' : null;
}

/** Whether the bill asks for money without the customer's recorded consent. */
export function lacksConsent(bill: BillConsentFacts): boolean {
  return bill.totalFen > 0 && consentSource(bill) === null;
}
