/** Which buttons the next-step panel offers: the core's moves plus the side actions that fit now. */
import type { Role } from '../../../../shared/domain/roles';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { PAUSABLE } from '../../../../shared/domain/lifecycle';
import type { DialogKind } from './ActionDialog';

const FINISHED = ['closed', 'cancelled'];
/** The follow-up dialog asks "solved?" and makes either move, so one button serves both. */
const FOLDED = ['followUpUnsolved'];

export interface Step {
  kind: DialogKind;
  primary: boolean;
  danger: boolean;
}

export function needsConsent(d: TicketDetail): boolean {
  return d.progress.needsApproval && d.progress.approvedAt !== null && d.progress.consentAt === null && ['planning', 'awaiting_approval'].includes(d.status);
}

export function nextSteps(d: TicketDetail, role: Role, userId: number): Step[] {
  const moves = d.progress.moves.filter((m) => !FOLDED.includes(m)) as DialogKind[];
  const steps: Step[] = moves.map((kind) => ({ kind, primary: !['cancel', 'reopen', 'rejectPlan', 'failAcceptance'].includes(kind), danger: ['cancel', 'rejectPlan', 'failAcceptance'].includes(kind) }));
  const open = !FINISHED.includes(d.status);
  const side = (kind: DialogKind, when: boolean) => when && steps.push({ kind, primary: false, danger: false });
  const staff = role === 'supervisor' || role === 'admin';
  const assignee = d.progress.assignedTo?.id === userId;
  if (needsConsent(d)) steps.unshift({ kind: 'consent', primary: true, danger: false });
  side('contact', open && d.progress.dispatchedAt !== null && d.progress.contactedAt === null && (assignee || staff));
  side('pause', PAUSABLE.includes(d.status) && d.progress.pausedSince === null);
  side('escalate', open && d.progress.level < 3 && role !== 'clerk');
  side('book', open && (staff || assignee));
  side('note', true);
  return steps;
}

/**
 * The plan sends the device to the depot and it has not been checked in: no returned-device record
 * is open, and none was closed either (a device already handed back or scrapped is not suggested
 * again; the ticket's returned-device section still offers a new check-in).
 */
export function suggestsCheckIn(d: TicketDetail, returns: readonly { state: string }[]): boolean {
  return d.progress.serviceMode === 'depot' && !FINISHED.includes(d.status) && returns.length === 0;
}
