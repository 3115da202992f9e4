import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, WorkingTimeIndex, addWorkingMinutes, workingMinutesBetween, workingPeriods, type WorkingCalendar } from '../../shared/domain/calendar';

// 09:00–12:00 and 13:30–18:00 Asia/Shanghai: 7.5 working hours a day. 2026-10-01..07 National Day (the 1st,
// 2nd, 5th–7th are weekdays); 2026-10-10 (Saturday) is a make-up working day; 2026-11-27 is a half day.
const cal: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  lunch: { from: '12:00', to: '13:30' },
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupDays: ['2026-10-10'],
  halfDays: ['2026-11-27'],
};
const t = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const h = (n: number) => n * 60;

describe('deadlines in working time skip the lunch break', () => {
  it.each([
    ['starts before lunch, ends before it', '2026-11-24T10:00', h(1), '2026-11-24T11:00'],
    ['starts before lunch, ends exactly at it', '2026-11-24T10:00', h(2), '2026-11-24T12:00'],
    ['starts before lunch, runs across it', '2026-11-24T11:00', h(2), '2026-11-24T14:30'],
    ['starts during lunch: counts from 13:30', '2026-11-24T12:30', h(1), '2026-11-24T14:30'],
    ['starts after lunch', '2026-11-24T14:00', h(2), '2026-11-24T16:00'],
    ['runs past closing into the next morning', '2026-11-24T17:00', h(2), '2026-11-25T10:00'],
    ['crosses the next day’s lunch too', '2026-11-24T17:00', h(5), '2026-11-25T14:30'],
    ['a full working day is 7.5 hours', '2026-11-24T09:00', 450, '2026-11-24T18:00'],
    ['3 working days from Monday morning', '2026-11-23T09:00', 3 * 450, '2026-11-25T18:00'],
    ['the half day ends at lunch, then the weekend', '2026-11-27T11:00', h(2), '2026-11-30T10:00'],
    ['the National Day week and its lunch', '2026-09-30T16:00', h(5) + 30, '2026-10-08T14:00'],
    ['the make-up Saturday has its lunch break', '2026-10-10T11:00', h(2), '2026-10-10T14:30'],
  ])('%s', (_name, start, minutes, due) => {
    expect(iso(addWorkingMinutes(cal, t(start), minutes))).toBe(iso(t(due)));
  });
});

describe('working minutes between two instants skip the lunch break', () => {
  const index = new WorkingTimeIndex(cal, '2026-09-01', '2026-12-31');
  it.each([
    ['the whole lunch', '2026-11-24T12:00', '2026-11-24T13:30', 0],
    ['morning to afternoon', '2026-11-24T11:00', '2026-11-24T14:00', h(1) + 30],
    ['a day and a lunch', '2026-11-24T10:00', '2026-11-25T14:00', 450 + h(2) + 30],
    ['over the half day and the weekend', '2026-11-27T09:00', '2026-11-30T10:00', h(3) + h(1)],
    ['over the National Day week', '2026-09-30T17:00', '2026-10-08T10:00', h(1) + h(1)],
  ])('%s', (_name, from, to, minutes) => {
    expect(workingMinutesBetween(cal, t(from), t(to))).toBe(minutes);
    expect(index.minutesBetween(t(from), t(to))).toBe(minutes);
  });
});

describe('the working periods of a day', () => {
  const noLunch: WorkingCalendar = { ...cal, lunch: null };
  it.each([
    ['a weekday with lunch', cal, '2026-11-24', [['09:00', '12:00'], ['13:30', '18:00']]],
    ['a half day with lunch: the morning', cal, '2026-11-27', [['09:00', '12:00']]],
    ['a half day without lunch: until midday', noLunch, '2026-11-27', [['09:00', '13:30']]],
    ['a weekday without lunch', noLunch, '2026-11-24', [['09:00', '18:00']]],
    ['a holiday', cal, '2026-10-01', []],
    ['a lunch outside the hours is ignored', { ...cal, lunch: { from: '08:00', to: '08:30' } }, '2026-11-24', [['09:00', '18:00']]],
  ] as const)('%s', (_name, calendar, date, periods) => {
    expect(workingPeriods(calendar, date)).toEqual(periods);
  });
});
