/**
 * One process for a returned device and its ticket (issue #21): what the register says about the ticket, and the
 * ticket's own lifecycle moves that bring it there. Check-in means diagnosis (诊断), a repaired device means the
 * service is done (实施), handing a repaired device back means acceptance (验收). A ticket already further along is
 * never moved back; a paused, closed or cancelled ticket is left alone, and a plan waiting for the supervisor
 * stops the way: each is said, never thrown.
 */
import type { Move } from './lifecycle';
import type { ReturnState } from './returns';
import type { TicketStatus } from './ticket';

/**
 * The step of the register that counts for the ticket. `returned` means handed back repaired: a device handed back
 * unrepaired (or scrapped) says no more than its check-in, and the desk decides what the ticket does next.
 */
export const IMPLIED_STATUS: Record<ReturnState, TicketStatus> = {
  received: 'diagnosing',
  inspecting: 'diagnosing',
  waiting_quote: 'diagnosing',
  repairing: 'diagnosing',
  waiting_parts: 'diagnosing',
  unrepairable: 'diagnosing',
  scrapped: 'diagnosing',
  repaired: 'in_service',
  returned: 'accepted',
};

/** The register's step at hand-back: only a repaired device handed back means acceptance. */
export const handBackStep = (from: ReturnState): ReturnState => (from === 'repaired' ? 'returned' : from);

/** The forward road of a ticket, one move per stop; awaiting_approval has none (the supervisor decides). */
const ROAD: readonly { from: TicketStatus; move: Move; to: TicketStatus }[] = [
  { from: 'registered', move: 'startDiagnosis', to: 'diagnosing' },
  { from: 'diagnosing', move: 'submitPlan', to: 'planning' },
  { from: 'planning', move: 'dispatch', to: 'dispatched' },
  { from: 'dispatched', move: 'startService', to: 'in_service' },
  { from: 'in_service', move: 'accept', to: 'accepted' },
];

const RANK: Record<TicketStatus, number> = {
  registered: 0,
  diagnosing: 1,
  planning: 2,
  awaiting_approval: 2,
  dispatched: 3,
  in_service: 4,
  accepted: 5,
  follow_up: 6,
  closed: 7,
  cancelled: 7,
};

export type CatchUpHold = 'alreadyThere' | 'further' | 'paused' | 'finished' | 'awaitsApproval';

export type TicketCatchUp = { kind: 'advance'; target: TicketStatus; moves: Move[] } | { kind: 'hold'; target: TicketStatus; why: CatchUpHold };

/** Which ticket moves, in order, bring a ticket in `status` to where the register's `step` says it is. */
export function ticketCatchUp(step: ReturnState, status: TicketStatus, paused: boolean): TicketCatchUp {
  const target = IMPLIED_STATUS[step];
  const hold = (why: CatchUpHold): TicketCatchUp => ({ kind: 'hold', target, why });
  if (status === 'closed' || status === 'cancelled') return hold('finished');
  if (status === target) return hold('alreadyThere');
  if (RANK[status] > RANK[target]) return hold('further');
  if (status === 'awaiting_approval') return hold('awaitsApproval');
  if (paused) return hold('paused');
  const moves: Move[] = [];
  let at: TicketStatus = status;
  while (at !== target) {
    const leg = ROAD.find((r) => r.from === at);
    if (!leg) return hold('awaitsApproval');
    moves.push(leg.move);
    at = leg.to;
  }
  return { kind: 'advance', target, moves };
}

/** Why the ticket stopped short of the register: the plan's hold, or a lifecycle gate met on the way. */
export type CarryHold = CatchUpHold | 'needsConsent' | 'quoteNotAccepted' | 'noEngineer';

/** Where the ticket stands after a register move, and why it stopped short, if it did. */
export interface TicketCarried {
  status: TicketStatus;
  held: CarryHold | null;
}
