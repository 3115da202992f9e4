/** Maintenance date rules, table-driven: intervals, month-end clamping, fixed dates, catching up, checklists. */
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped, checklistProblems, checklistSummary, dueForGeneration, firstDueOnOrAfter, nextDueAfter, occurrence,
  type ChecklistItem, type Schedule,
} from '../../shared/domain/maintenance';

const s = (unit: Schedule['unit'], every: number, startDate: string, fixedDates: string[] = []): Schedule => ({ unit, every, startDate, fixedDates });

describe('month arithmetic', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-01-31', 2, '2027-03-31'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-11-15', 3, '2028-02-15'],
    ['2027-12-31', 12, '2028-12-31'],
    ['2027-05-10', -5, '2026-12-10'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonthsClamped(date, n)).toBe(expected);
  });
});

describe('due dates', () => {
  it.each<[string, Schedule, string, string | null]>([
    ['every 10 days', s('day', 10, '2027-01-01'), '2027-01-01', '2027-01-11'],
    ['every 2 weeks', s('week', 2, '2027-01-04'), '2027-01-04', '2027-01-18'],
    ['monthly from Jan 31 clamps to Feb 28', s('month', 1, '2027-01-31'), '2027-01-31', '2027-02-28'],
    ['monthly from Jan 31 comes back to Mar 31 (anchored, no drift)', s('month', 1, '2027-01-31'), '2027-02-28', '2027-03-31'],
    ['monthly from Jan 31 in a leap year', s('month', 1, '2028-01-31'), '2028-01-31', '2028-02-29'],
    ['quarterly', s('month', 3, '2027-01-15'), '2027-01-15', '2027-04-15'],
    ['yearly over Feb 29', s('month', 12, '2028-02-29'), '2028-02-29', '2029-02-28'],
    ['fixed dates in any order', s('fixed', 1, '2027-01-01', ['2027-09-01', '2027-03-01']), '2027-03-01', '2027-09-01'],
    ['fixed dates run out', s('fixed', 1, '2027-01-01', ['2027-03-01']), '2027-03-01', null],
  ])('%s: after %s comes %s', (_name, schedule, due, expected) => {
    expect(nextDueAfter(schedule, `${due}`)).toBe(expected);
  });

  it.each<[string, Schedule, string, string | null]>([
    ['before the start: the start', s('month', 1, '2027-01-31'), '2026-12-01', '2027-01-31'],
    ['mid-series monthly', s('month', 1, '2027-01-31'), '2027-06-01', '2027-06-30'],
    ['exactly on a due date', s('day', 7, '2027-01-01'), '2027-01-15', '2027-01-15'],
    ['long after the start', s('day', 3, '2027-01-01'), '2030-01-01', '2030-01-03'],
    ['fixed list', s('fixed', 1, '2027-01-01', ['2027-05-01', '2027-02-01']), '2027-03-01', '2027-05-01'],
  ])('%s: first due on or after %s', (_name, schedule, date, expected) => {
    expect(firstDueOnOrAfter(schedule, date)).toBe(expected);
  });

  it('the k-th occurrence is computed from the anchor', () => {
    const monthly = s('month', 1, '2027-01-31');
    expect([0, 1, 2, 3, 4].map((k) => occurrence(monthly, k))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
  });
});

describe('which due dates a run generates', () => {
  it.each<[string, Schedule, string | null, number, string, string[]]>([
    ['nothing before lead time', s('day', 7, '2027-01-10'), '2027-01-10', 3, '2027-01-06', []],
    ['on the first lead day', s('day', 7, '2027-01-10'), '2027-01-10', 3, '2027-01-07', ['2027-01-10']],
    ['catches up every date missed while closed', s('day', 7, '2027-01-10'), '2027-01-10', 0, '2027-02-01', ['2027-01-10', '2027-01-17', '2027-01-24', '2027-01-31']],
    ['lead days reach the next date too', s('day', 7, '2027-01-10'), '2027-01-10', 7, '2027-01-10', ['2027-01-10', '2027-01-17']],
    ['monthly across month ends', s('month', 1, '2027-01-31'), '2027-01-31', 0, '2027-04-30', ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']],
    ['fixed dates', s('fixed', 1, '2027-01-01', ['2027-03-01', '2027-06-01']), '2027-03-01', 0, '2027-12-31', ['2027-03-01', '2027-06-01']],
    ['a finished plan generates nothing', s('fixed', 1, '2027-01-01', []), null, 0, '2027-12-31', []],
  ])('%s', (_name, schedule, nextDue, lead, today, expected) => {
    expect(dueForGeneration(schedule, nextDue, lead, today)).toEqual(expected);
  });

  it('stops at the limit (a daily plan closed for years does not flood the desk)', () => {
    expect(dueForGeneration(s('day', 1, '2020-01-01'), '2020-01-01', 0, '2027-01-01', 5)).toHaveLength(5);
  });
});

describe('checklists', () => {
  const template: ChecklistItem[] = [
    { id: 'a', label: '滤网清洁', kind: 'pass', unit: '' },
    { id: 'b', label: '出风温度', kind: 'value', unit: '℃' },
  ];
  it.each<[string, Parameters<typeof checklistProblems>[1], string[]]>([
    ['all answered in kind', [{ id: 'a', pass: true, value: null, note: '' }, { id: 'b', pass: null, value: 12.5, note: '' }], []],
    ['partly answered is fine', [{ id: 'a', pass: false, value: null, note: '滤网破损' }], []],
    ['an unknown item', [{ id: 'z', pass: true, value: null, note: '' }], ['unknown:z']],
    ['a value on a pass/fail item', [{ id: 'a', pass: null, value: 3, note: '' }], ['value:a']],
    ['a pass on a value item', [{ id: 'b', pass: true, value: null, note: '' }], ['pass:b']],
  ])('%s', (_name, results, problems) => {
    expect(checklistProblems(template, results)).toEqual(problems);
  });

  it('summarises answered and failed items', () => {
    expect(checklistSummary(template, [{ id: 'a', pass: false, value: null, note: '' }, { id: 'b', pass: null, value: null, note: '' }])).toEqual({ total: 2, answered: 1, failed: 1 });
  });
});
