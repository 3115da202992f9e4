import { describe, expect, it } from 'vitest';
import { average, deadlineVerdict, onTimeRate, percentile, previousPeriod, rate } from '../../shared/domain/statistics';

describe('statistics helpers', () => {
  it.each([
    [[], 0.9, null],
    [[5], 0.9, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9, 10],
    [[1, 2], 0.5, 1],
  ])('p(%o, %d) = %o', (values, share, expected) => expect(percentile(values, share)).toBe(expected));

  it('averages round to whole minutes; an empty set has no average', () => {
    expect([average([1, 2]), average([])]).toEqual([2, null]);
  });

  it('a rate of nothing is unknown, not zero', () => {
    expect([rate(0, 0), rate(9, 10)]).toEqual([null, 0.9]);
  });

  it.each([
    ['2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31'],
    ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['2026-01-01', '2026-01-31', '2025-12-01', '2025-12-31'],
    ['2026-11-10', '2026-11-16', '2026-11-03', '2026-11-09'],
  ])('the period before %s..%s is %s..%s', (from, to, pf, pt) => {
    expect(previousPeriod(from, to)).toEqual({ from: pf, to: pt });
  });
});

describe('on time, late, or not decided yet (响应及时率 / 解决及时率)', () => {
  const due = '2026-11-24T12:00:00.000Z';
  it.each([
    ['done before the deadline', 'onTime', '2026-11-24T11:00:00.000Z', '2026-11-24T11:30:00.000Z'],
    ['done at the deadline', 'onTime', due, '2026-11-30T00:00:00.000Z'],
    ['done after the deadline', 'late', '2026-11-24T12:00:01.000Z', '2026-11-30T00:00:00.000Z'],
    ['not done, deadline ahead', 'pending', null, '2026-11-24T11:59:59.000Z'],
    ['not done, deadline now', 'pending', null, due],
    ['not done, deadline passed', 'late', null, '2026-11-24T12:00:01.000Z'],
    ['done early, judged long after', 'onTime', '2026-11-24T09:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ] as const)('%s → %s', (_case, verdict, doneAt, now) => {
    expect(deadlineVerdict({ doneAt, dueAt: due }, now)).toBe(verdict);
  });

  it.each([
    ['three on time, three pending', ['onTime', 'onTime', 'onTime', 'pending', 'pending', 'pending'], 1],
    ['one of two decided on time', ['onTime', 'late', 'pending'], 0.5],
    ['nothing decided yet', ['pending', 'pending'], null],
    ['none at all', [], null],
  ] as const)('%s → %s', (_case, verdicts, expected) => {
    expect(onTimeRate(verdicts)).toBe(expected);
  });
});
