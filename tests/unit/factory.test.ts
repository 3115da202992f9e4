/** The rules of loaners, defective stock and 返厂单 (shared/domain/factory), at their boundaries. */
import { describe, expect, it } from 'vitest';
import { FACTORY_RETURN_MOVES, FACTORY_RETURN_RULES, FACTORY_RETURN_STATES, depositProblem, factoryMoveProblem, loanOverdue, takeProblem } from '../../shared/domain/factory';

describe('the deposit given back', () => {
  it.each([
    [50_000, 50_000, '', null],
    [50_000, 0, '外壳摔裂', null],
    [50_000, 49_999, '缺充电器', null],
    [50_000, 49_999, '', 'loan.keptReasonRequired'],
    [50_000, 0, '   ', 'loan.keptReasonRequired'],
    [50_000, 50_001, '', 'loan.refundTooHigh'],
    [50_000, -1, '损坏', 'loan.refundTooHigh'],
    [0, 0, '', null],
  ] as const)('deposit %i, refund %i, reason "%s" → %s', (deposit, refund, reason, want) => {
    expect(depositProblem(deposit, refund, reason)).toBe(want);
  });
});

describe('an overdue loan', () => {
  it.each([
    ['2026-11-24', '2026-11-24', false, false],
    ['2026-11-24', '2026-11-25', false, true],
    ['2026-11-24', '2026-11-25', true, false],
    ['2026-12-31', '2027-01-01', false, true],
  ] as const)('due %s, today %s, back %s → %s', (due, today, back, want) => {
    expect(loanOverdue(due, today, back)).toBe(want);
  });
});

describe('taking from defective stock', () => {
  it.each([
    [1, 1, null],
    [3, 2, null],
    [1, 2, 'defective.short'],
    [0, 1, 'defective.short'],
    [5, 0, 'defective.quantity'],
    [5, -1, 'defective.quantity'],
    [5, 1.5, 'defective.quantity'],
  ] as const)('on hand %i, take %d → %s', (onHand, quantity, want) => {
    expect(takeProblem(onHand, quantity)).toBe(want);
  });
});

describe('the moves of a 返厂单', () => {
  const table = FACTORY_RETURN_MOVES.flatMap((move) => FACTORY_RETURN_STATES.map((state) => [move, state] as const));
  it.each(table)('%s from %s is allowed only from its own state', (move, state) => {
    const problem = factoryMoveProblem({ move, state, lines: 1, reason: '型号不符' });
    expect(problem).toBe(FACTORY_RETURN_RULES[move].from === state ? null : 'factory.wrongState');
  });

  it('is not sent empty, and not rejected without a reason', () => {
    expect(factoryMoveProblem({ move: 'send', state: 'open', lines: 0, reason: '' })).toBe('factory.noLines');
    expect(factoryMoveProblem({ move: 'reject', state: 'received', lines: 2, reason: ' ' })).toBe('factory.reasonRequired');
    expect(factoryMoveProblem({ move: 'credit', state: 'received', lines: 2, reason: '' })).toBeNull();
  });
});
