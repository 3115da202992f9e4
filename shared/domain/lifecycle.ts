/**
 * Who may move a ticket where (SPEC lifecycle): 登记 → 诊断 → 方案 (→ 审批) → 派工 → 实施 → 验收 → 回访 → 归档,
 * plus cancel, reopen and the way back when acceptance fails or a follow-up finds the fault unsolved.
 */
import type { Role } from './roles';
import type { TicketStatus } from './ticket';

export const MOVES = [
  'startDiagnosis',
  'submitPlan',
  'approvePlan',
  'rejectPlan',
  'dispatch',
  'startService',
  'accept',
  'failAcceptance',
  'followUpSolved',
  'followUpUnsolved',
  'archive',
  'cancel',
  'reopen',
] as const;
export type Move = (typeof MOVES)[number];

interface Rule {
  from: readonly TicketStatus[];
  /** Where the move leads; `submitPlan` leads to awaiting_approval instead when the plan needs it. */
  to: TicketStatus;
  roles: readonly Role[];
  /** The move needs a written reason (kept on the timeline). */
  reason?: true;
}

const OPEN: readonly TicketStatus[] = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service', 'accepted', 'follow_up'];

export const RULES: Record<Move, Rule> = {
  startDiagnosis: { from: ['registered'], to: 'diagnosing', roles: ['clerk', 'engineer', 'supervisor', 'admin'] },
  submitPlan: { from: ['diagnosing'], to: 'planning', roles: ['engineer', 'supervisor', 'admin'] },
  approvePlan: { from: ['awaiting_approval'], to: 'planning', roles: ['supervisor', 'admin'] },
  rejectPlan: { from: ['awaiting_approval'], to: 'diagnosing', roles: ['supervisor', 'admin'], reason: true },
  dispatch: { from: ['planning'], to: 'dispatched', roles: ['supervisor', 'admin'] },
  startService: { from: ['dispatched'], to: 'in_service', roles: ['engineer', 'supervisor', 'admin'] },
  accept: { from: ['in_service'], to: 'accepted', roles: ['clerk', 'engineer', 'supervisor', 'admin'] },
  failAcceptance: { from: ['in_service'], to: 'in_service', roles: ['clerk', 'engineer', 'supervisor', 'admin'], reason: true },
  followUpSolved: { from: ['accepted'], to: 'follow_up', roles: ['clerk', 'supervisor', 'admin'] },
  followUpUnsolved: { from: ['accepted'], to: 'diagnosing', roles: ['clerk', 'supervisor', 'admin'], reason: true },
  archive: { from: ['follow_up'], to: 'closed', roles: ['clerk', 'supervisor', 'admin'] },
  cancel: { from: OPEN, to: 'cancelled', roles: ['clerk', 'supervisor', 'admin'], reason: true },
  reopen: { from: ['closed', 'cancelled', 'follow_up'], to: 'diagnosing', roles: ['supervisor', 'admin'], reason: true },
};

/** The clocks run until acceptance: after it there is nothing to pause (the ticket waits for its follow-up). */
export const PAUSABLE: readonly TicketStatus[] = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service'];

export type MoveRefusal = 'wrongState' | 'wrongRole' | 'notAssignee' | 'reasonRequired' | 'needsApproval' | 'needsConsent' | 'ownPlan';

/** Where a plan that needs approval stands: dispatch waits for the supervisor, then for the customer. */
export interface PlanGate {
  needsApproval: boolean;
  approved: boolean;
  consented: boolean;
  /** The plan waiting for approval was submitted by the user who would approve it (four eyes: refused). */
  ownPlan?: boolean;
}

export const NO_GATE: PlanGate = { needsApproval: false, approved: false, consented: false };

export interface MoveCheck {
  move: Move;
  status: TicketStatus;
  role: Role;
  /** Engineers may only work on tickets assigned to them. */
  isAssignee: boolean;
  reason: string;
  plan?: PlanGate;
}

/** Why a move is refused, or null when it may happen. */
export function refusal({ move, status, role, isAssignee, reason, plan = NO_GATE }: MoveCheck): MoveRefusal | null {
  const rule = RULES[move];
  if (!rule.roles.includes(role)) return 'wrongRole';
  if (!rule.from.includes(status)) return 'wrongState';
  if (role === 'engineer' && !isAssignee && status !== 'diagnosing' && status !== 'registered') return 'notAssignee';
  if (rule.reason && reason.trim() === '') return 'reasonRequired';
  if (move === 'approvePlan' && plan.ownPlan) return 'ownPlan';
  if (move === 'dispatch' && plan.needsApproval && !plan.approved) return 'needsApproval';
  if (move === 'dispatch' && plan.needsApproval && !plan.consented) return 'needsConsent';
  return null;
}

/** The moves a user may make on a ticket now (for the buttons the UI shows). */
export function availableMoves(status: TicketStatus, role: Role, isAssignee: boolean, plan: PlanGate = NO_GATE): Move[] {
  return MOVES.filter((move) => refusal({ move, status, role, isAssignee, reason: 'x', plan }) === null);
}

/** Plans that touch core parts or cost more than the threshold need the supervisor (SPEC 方案/审批). */
export function planNeedsApproval(plan: { touchesCoreParts: boolean; estimateFen: number }, thresholdFen: number): boolean {
  return plan.touchesCoreParts || plan.estimateFen > thresholdFen;
}
