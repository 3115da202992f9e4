import { describe, expect, it } from 'vitest';
import { average, percentile, previousPeriod, rate } from '../../shared/domain/statistics';

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
