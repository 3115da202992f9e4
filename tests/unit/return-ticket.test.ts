/** The returned device and its ticket as one process: every (register state × ticket state) pair, paused or not. */
import { describe, expect, it } from 'vitest';
import { IMPLIED_STATUS, handBackStep, ticketCatchUp, type TicketCatchUp } from '../../shared/domain/return-ticket';
import { RETURN_STATES, type ReturnState } from '../../shared/domain/returns';
import { TICKET_STATUSES, type TicketStatus } from '../../shared/domain/ticket';
import { availableMoves, RULES, type Move } from '../../shared/domain/lifecycle';

/** What each register state says about the ticket. */
const IMPLIES: [ReturnState, TicketStatus][] = [
  ['received', 'diagnosing'],
  ['inspecting', 'diagnosing'],
  ['waiting_quote', 'diagnosing'],
  ['repairing', 'diagnosing'],
  ['waiting_parts', 'diagnosing'],
  ['unrepairable', 'diagnosing'],
  ['scrapped', 'diagnosing'],
  ['repaired', 'in_service'],
  ['returned', 'accepted'],
];

type Want = string[] | 'alreadyThere' | 'further' | 'finished' | 'awaitsApproval';

/** For each target, what a ticket in each state needs (moves in order) or why it stays. */
const TABLE: Record<'diagnosing' | 'in_service' | 'accepted', Record<TicketStatus, Want>> = {
  diagnosing: {
    registered: ['startDiagnosis'],
    diagnosing: 'alreadyThere',
    planning: 'further',
    awaiting_approval: 'further',
    dispatched: 'further',
    in_service: 'further',
    accepted: 'further',
    follow_up: 'further',
    closed: 'finished',
    cancelled: 'finished',
  },
  in_service: {
    registered: ['startDiagnosis', 'submitPlan', 'dispatch', 'startService'],
    diagnosing: ['submitPlan', 'dispatch', 'startService'],
    planning: ['dispatch', 'startService'],
    awaiting_approval: 'awaitsApproval',
    dispatched: ['startService'],
    in_service: 'alreadyThere',
    accepted: 'further',
    follow_up: 'further',
    closed: 'finished',
    cancelled: 'finished',
  },
  accepted: {
    registered: ['startDiagnosis', 'submitPlan', 'dispatch', 'startService', 'accept'],
    diagnosing: ['submitPlan', 'dispatch', 'startService', 'accept'],
    planning: ['dispatch', 'startService', 'accept'],
    awaiting_approval: 'awaitsApproval',
    dispatched: ['startService', 'accept'],
    in_service: ['accept'],
    accepted: 'alreadyThere',
    follow_up: 'further',
    closed: 'finished',
    cancelled: 'finished',
  },
};

function expected(target: TicketStatus, want: Want, paused: boolean): TicketCatchUp {
  if (typeof want === 'string') return { kind: 'hold', target, why: want };
  return paused ? { kind: 'hold', target, why: 'paused' } : { kind: 'advance', target, moves: want as Move[] };
}

describe('what the register says about the ticket', () => {
  it.each(IMPLIES)('%s means the ticket is at least %s', (state, status) => {
    expect(IMPLIED_STATUS[state]).toBe(status);
  });

  it('covers every register state', () => {
    expect(IMPLIES.map(([s]) => s).sort()).toEqual([...RETURN_STATES].sort());
  });

  it.each([
    ['repaired', 'returned'],
    ['unrepairable', 'unrepairable'],
  ] as const)('handing back a %s device counts as %s', (from, step) => {
    expect(handBackStep(from)).toBe(step);
  });
});

describe('which ticket moves catch the ticket up', () => {
  const pairs = RETURN_STATES.flatMap((step) => TICKET_STATUSES.flatMap((status) => [false, true].map((paused) => [step, status, paused] as const)));

  it.each(pairs)('register %s, ticket %s, paused %s', (step, status, paused) => {
    const target = IMPLIED_STATUS[step] as keyof typeof TABLE;
    expect(ticketCatchUp(step, status, paused)).toEqual(expected(target, TABLE[target][status], paused));
  });

  it('walks only the lifecycle\'s own moves, each from the state the one before reached', () => {
    for (const status of TICKET_STATUSES) {
      const plan = ticketCatchUp('returned', status, false);
      if (plan.kind !== 'advance') continue;
      let at: TicketStatus = status;
      for (const move of plan.moves) {
        expect(RULES[move].from).toContain(at);
        expect(availableMoves(at, 'admin', true)).toContain(move);
        at = RULES[move].to;
      }
      expect(at).toBe('accepted');
    }
  });
});
