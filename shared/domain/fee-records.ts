/** What the fee methods return: standards, quotes (报价单), bills, payments and receivables. */
import type { Discount, FeeCalc, FeeRules, LineInput, WarrantyDecision } from './fees';
import type { ConsentSource } from './fee-consent';

export interface FeeStandard {
  id: number;
  effectiveFrom: string;
  note: string;
  rules: FeeRules;
  createdAt: string;
}

export interface FeeStandards {
  /** The version in effect at the date asked for (today by default), or null before the first one. */
  current: FeeStandard | null;
  versions: Omit<FeeStandard, 'rules'>[];
}

export interface FeePreview {
  standardId: number;
  decision: WarrantyDecision;
  calc: FeeCalc;
}

export type QuoteStatus = 'pending' | 'accepted' | 'superseded';

export interface Quote {
  id: number;
  version: number;
  ticketId: number;
  revision: number;
  status: QuoteStatus;
  standardId: number;
  serviceDate: string;
  decision: WarrantyDecision;
  lines: LineInput[];
  discount: Discount;
  calc: FeeCalc;
  note: string;
  consentAt: string | null;
  consentChannel: string | null;
  consentSignatureId: number | null;
  createdAt: string;
}

export interface Bill {
  id: number;
  version: number;
  ticketId: number;
  customerId: number;
  quoteId: number | null;
  standardId: number;
  billedOn: string;
  decision: WarrantyDecision;
  lines: LineInput[];
  discount: Discount;
  calc: FeeCalc;
  /** The accepted quote's total, and bill total − quote total (positive: the customer pays more than quoted). */
  quoteTotalFen: number | null;
  differenceFen: number | null;
  discountApprovedAt: string | null;
  paidFen: number;
  balanceFen: number;
  ackAt: string | null;
  ackSignatureId: number | null;
  ackPromisedDate: string | null;
  /** Consent recorded on the bill itself (when no accepted quote carries it). */
  consentAt: string | null;
  consentChannel: string | null;
  consentSignatureId: number | null;
  /** What the customer's consent to this bill stands on; null: none yet (payments wait, unless it charges nothing). */
  consentFrom: ConsentSource | null;
  note: string;
}

export interface Payment {
  id: number;
  billId: number;
  method: string;
  amountFen: number;
  paidAt: string;
  receiptNo: string;
  takenBy: number;
  takenByName: string;
}

export interface TicketFees {
  quotes: Quote[];
  bill: Bill | null;
  payments: Payment[];
}

export const AGEING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'over90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export interface ReceivableRow {
  customerId: number;
  customerName: string;
  bills: number;
  buckets: Record<AgeingBucket, number>;
  totalFen: number;
}

/** One unpaid bill behind a receivable: its ticket, date, amounts and age in days. */
export interface ReceivableBill {
  billId: number;
  ticketId: number;
  ticketNumber: string;
  billedOn: string;
  totalFen: number;
  paidFen: number;
  balanceFen: number;
  ageDays: number;
}

/** Days since the bill date, in buckets 0–30, 31–60, 61–90, >90. */
export function ageingBucket(ageDays: number): AgeingBucket {
  if (ageDays <= 30) return 'd0_30';
  if (ageDays <= 60) return 'd31_60';
  if (ageDays <= 90) return 'd61_90';
  return 'over90';
}
