/**
 * The manufacturer's loop (issue 19, part 2): loaners lent to a ticket's customer against a deposit,
 * defective stock (旧件 / 不良品库) and returns to the factory or supplier (返厂单). Pure rules: the core
 * asks them before writing, the renderer before sending.
 */
import type { Role } from './roles';

export const LOANER_STATES = ['available', 'lent', 'retired'] as const;
export type LoanerState = (typeof LOANER_STATES)[number];

export const LOANER_CONDITIONS = ['good', 'worn', 'damaged'] as const;
export type LoanerCondition = (typeof LOANER_CONDITIONS)[number];

/**
 * What comes back of the deposit when a loaner is given back: never more than was paid, never below
 * zero, and whatever is kept needs a reason (a damaged unit, a missing charger). Null when allowed.
 */
export function depositProblem(depositFen: number, refundFen: number, keptReason: string): 'loan.refundTooHigh' | 'loan.keptReasonRequired' | null {
  if (refundFen < 0 || refundFen > depositFen) return 'loan.refundTooHigh';
  if (refundFen < depositFen && keptReason.trim() === '') return 'loan.keptReasonRequired';
  return null;
}

/** A loan is overdue from the day after its due date (in the desk's days), until it comes back. */
export const loanOverdue = (dueOn: string, today: string, returned: boolean): boolean => !returned && dueOn < today;

/** Where a defective item came from: a part recovered in a service record, a unit taken back by an exchange or return, or booked by hand. */
export const DEFECTIVE_ORIGINS = ['repair', 'exchange', 'return', 'manual'] as const;
export type DefectiveOrigin = (typeof DEFECTIVE_ORIGINS)[number];

export const DEFECTIVE_KINDS = ['part', 'unit'] as const;
export type DefectiveKind = (typeof DEFECTIVE_KINDS)[number];

/** Who may scrap defective stock (seed 002: a supervisor decides what is thrown away). */
export const SCRAPPERS: readonly Role[] = ['supervisor', 'admin'];

/** Taking `quantity` out of defective stock that holds `onHand`: never below zero. */
export function takeProblem(onHand: number, quantity: number): 'defective.quantity' | 'defective.short' | null {
  if (!Number.isInteger(quantity) || quantity <= 0) return 'defective.quantity';
  if (quantity > onHand) return 'defective.short';
  return null;
}

/**
 * A 返厂单's life: open (collecting lines) → sent → received by the supplier → credited (money back per
 * line), repaired and sent back, or rejected (the goods come back into defective stock).
 */
export const FACTORY_RETURN_STATES = ['open', 'sent', 'received', 'credited', 'repaired', 'rejected'] as const;
export type FactoryReturnState = (typeof FACTORY_RETURN_STATES)[number];

export const FACTORY_RETURN_MOVES = ['send', 'receive', 'credit', 'repairBack', 'reject'] as const;
export type FactoryReturnMove = (typeof FACTORY_RETURN_MOVES)[number];

export const FACTORY_RETURN_RULES: Record<FactoryReturnMove, { from: FactoryReturnState; to: FactoryReturnState }> = {
  send: { from: 'open', to: 'sent' },
  receive: { from: 'sent', to: 'received' },
  credit: { from: 'received', to: 'credited' },
  repairBack: { from: 'received', to: 'repaired' },
  reject: { from: 'received', to: 'rejected' },
};

/** Still waiting on the supplier: listed as outstanding per supplier. */
export const OUTSTANDING_STATES: readonly FactoryReturnState[] = ['open', 'sent', 'received'];

export interface FactoryMoveCheck {
  move: FactoryReturnMove;
  state: FactoryReturnState;
  lines: number;
  reason: string;
}

/** Why a 返厂单 may not make this move (an `error.factory.*` key), or null. */
export function factoryMoveProblem({ move, state, lines, reason }: FactoryMoveCheck): 'factory.wrongState' | 'factory.noLines' | 'factory.reasonRequired' | null {
  if (FACTORY_RETURN_RULES[move].from !== state) return 'factory.wrongState';
  if (move === 'send' && lines === 0) return 'factory.noLines';
  if (move === 'reject' && reason.trim() === '') return 'factory.reasonRequired';
  return null;
}

/** A loaner unit as the pool lists it, with its loan when lent. */
export interface Loaner {
  id: number;
  version: number;
  serial: string;
  modelId: number | null;
  modelCode: string;
  modelName: string;
  condition: LoanerCondition;
  state: LoanerState;
  note: string;
  loan: Loan | null;
}

export interface Loan {
  id: number;
  number: string;
  loanerId: number;
  loanerSerial: string;
  modelText: string;
  ticket: { id: number; number: string };
  customerName: string;
  contactPhone: string;
  depositFen: number;
  lentAt: string;
  dueOn: string;
  overdue: boolean;
  returnedAt: string | null;
  returnCondition: LoanerCondition | null;
  refundFen: number | null;
  keptReason: string;
}

export interface DefectiveItem {
  id: number;
  kind: DefectiveKind;
  origin: DefectiveOrigin;
  partId: number | null;
  partNo: string;
  name: string;
  serial: string;
  ticket: { id: number; number: string } | null;
  modelCode: string;
  batch: string;
  faultCode: string;
  quantity: number;
  onHand: number;
  receivedAt: string;
}

export interface FactoryReturnLine {
  id: number;
  defectiveId: number;
  kind: DefectiveKind;
  partNo: string;
  name: string;
  serial: string;
  ticketNumber: string;
  batch: string;
  faultCode: string;
  quantity: number;
  creditFen: number | null;
}

export interface FactoryReturn {
  id: number;
  version: number;
  number: string;
  supplier: string;
  state: FactoryReturnState;
  note: string;
  rejectReason: string;
  createdAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  lineCount: number;
  quantity: number;
  creditFen: number;
}

export interface FactoryReturnDetail extends FactoryReturn {
  lines: FactoryReturnLine[];
}

/** What is still out with one supplier. */
export interface SupplierOutstanding {
  supplier: string;
  orders: number;
  quantity: number;
  oldestSentAt: string | null;
}

/** The quality report of one month: what failed, for the factory. */
export interface QualityReport {
  month: string;
  /** Hardware-fault tickets reported in the month. */
  failures: number;
  byModel: { key: string; n: number }[];
  byBatch: { key: string; n: number }[];
  byPart: { key: string; n: number }[];
  byFault: { key: string; n: number }[];
  /** Repeat repairs (the same device again within the repeat window) reported in the month. */
  repeats: number;
  /** Units taken back by an exchange or a return in the month (they enter defective stock). */
  exchanges: number;
  returns: number;
}
