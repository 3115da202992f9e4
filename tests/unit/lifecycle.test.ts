import { describe, expect, it } from 'vitest';
import { MOVES, availableMoves, planNeedsApproval, refusal, type Move } from '../../shared/domain/lifecycle';
import { ROLES, type Role } from '../../shared/domain/roles';
import { TICKET_STATUSES, type TicketStatus } from '../../shared/domain/ticket';

const ALL: Role[] = ['clerk', 'engineer', 'supervisor', 'admin'];
const DESK: Role[] = ['clerk', 'supervisor', 'admin'];
const TECH: Role[] = ['engineer', 'supervisor', 'admin'];
const BOSS: Role[] = ['supervisor', 'admin'];
const OPEN: TicketStatus[] = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service', 'accepted', 'follow_up'];

/** Written out by hand from SPEC's lifecycle: [move, from, who may]. Everything else is refused. */
const ALLOWED: [Move, TicketStatus[], Role[]][] = [
  ['startDiagnosis', ['registered'], ALL],
  ['submitPlan', ['diagnosing'], TECH],
  ['approvePlan', ['awaiting_approval'], BOSS],
  ['rejectPlan', ['awaiting_approval'], BOSS],
  ['dispatch', ['planning'], BOSS],
  ['startService', ['dispatched'], TECH],
  ['accept', ['in_service'], ALL],
  ['failAcceptance', ['in_service'], ALL],
  ['followUpSolved', ['accepted'], DESK],
  ['followUpUnsolved', ['accepted'], DESK],
  ['archive', ['follow_up'], DESK],
  ['cancel', OPEN, DESK],
  ['reopen', ['closed', 'cancelled', 'follow_up'], BOSS],
];

const cases = MOVES.flatMap((move) =>
  TICKET_STATUSES.flatMap((status) => ROLES.map((role) => [move, status, role] as const)),
);

describe('lifecycle: every role × every move × every state', () => {
  it('the table names every move', () => expect(ALLOWED.map(([m]) => m).sort()).toEqual([...MOVES].sort()));

  it.each(cases)('%s from %s as %s', (move, status, role) => {
    const row = ALLOWED.find(([m]) => m === move)!;
    const expected = !row[2].includes(role) ? 'wrongRole' : !row[1].includes(status) ? 'wrongState' : null;
    expect(refusal({ move, status, role, isAssignee: true, reason: '客户要求' })).toBe(expected);
  });
});

describe('lifecycle: engineers and reasons', () => {
  it.each([
    ['startService', 'dispatched', false, 'notAssignee'],
    ['startService', 'dispatched', true, null],
    ['accept', 'in_service', false, 'notAssignee'],
    ['submitPlan', 'diagnosing', false, null],
  ] as const)('engineer %s from %s, assigned %s → %s', (move, status, isAssignee, expected) => {
    expect(refusal({ move, status, role: 'engineer', isAssignee, reason: '' })).toBe(expected);
  });

  it.each(['cancel', 'reopen', 'rejectPlan', 'failAcceptance', 'followUpUnsolved'] as const)('%s needs a reason', (move) => {
    const row = ALLOWED.find(([m]) => m === move)!;
    expect(refusal({ move, status: row[1][0]!, role: 'admin', isAssignee: true, reason: '  ' })).toBe('reasonRequired');
  });

  it('offers the supervisor what a dispatched ticket allows', () => {
    expect(availableMoves('dispatched', 'supervisor', false)).toEqual(['startService', 'cancel']);
    expect(availableMoves('closed', 'clerk', false)).toEqual([]);
  });
});

describe('dispatch waits for approval, then for the customer', () => {
  const gate = (needsApproval: boolean, approved: boolean, consented: boolean) => ({ needsApproval, approved, consented });
  it.each([
    ['a plan without approval', gate(false, false, false), null],
    ['not yet approved', gate(true, false, false), 'needsApproval'],
    ['approved, no consent yet', gate(true, true, false), 'needsConsent'],
    ['approved and consented', gate(true, true, true), null],
  ] as const)('%s → %s', (_name, plan, expected) => {
    expect(refusal({ move: 'dispatch', status: 'planning', role: 'supervisor', isAssignee: false, reason: '', plan })).toBe(expected);
    expect(availableMoves('planning', 'supervisor', false, plan).includes('dispatch')).toBe(expected === null);
  });

  it('the wrong state is reported before a missing consent', () => {
    expect(refusal({ move: 'dispatch', status: 'diagnosing', role: 'supervisor', isAssignee: false, reason: '', plan: gate(true, false, false) })).toBe('wrongState');
  });
});

describe('plans needing approval', () => {
  it.each([
    [{ touchesCoreParts: true, estimateFen: 0 }, true],
    [{ touchesCoreParts: false, estimateFen: 200_000 }, false],
    [{ touchesCoreParts: false, estimateFen: 200_001 }, true],
  ])('%o with threshold 2000 元 → %s', (plan, needs) => expect(planNeedsApproval(plan, 200_000)).toBe(needs));
});

describe('four eyes on a plan', () => {
  const gate = { needsApproval: true, approved: false, consented: false };
  it.each([
    ['supervisor', true, 'ownPlan'],
    ['admin', true, 'ownPlan'],
    ['supervisor', false, null],
    ['admin', false, null],
  ] as const)('%s approving a plan they submitted (%s): %s', (role, ownPlan, expected) => {
    expect(refusal({ move: 'approvePlan', status: 'awaiting_approval', role, isAssignee: false, reason: '', plan: { ...gate, ownPlan } })).toBe(expected);
    expect(availableMoves('awaiting_approval', role, false, { ...gate, ownPlan }).includes('approvePlan')).toBe(expected === null);
  });

  it('may still reject (withdraw) a plan of their own', () => {
    expect(refusal({ move: 'rejectPlan', status: 'awaiting_approval', role: 'supervisor', isAssignee: false, reason: '改方案', plan: { ...gate, ownPlan: true } })).toBeNull();
  });
});
