import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, WorkingTimeIndex, addElapsedMinutes, addWorkingMinutes, isWorkingDay, wallClock, workingMinutesBetween, type WorkingCalendar } from '../../shared/domain/calendar';

// 2026-10-01..07 National Day holidays; 2026-09-27 (Sunday) and 2026-10-10 (Saturday) are make-up working days.
const cal: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeupDays: ['2026-09-27', '2026-10-10'],
};
const t = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const h = (n: number) => n * 60;

describe('working days in the calendar', () => {
  it.each([
    ['2026-11-24', true], // Tuesday
    ['2026-11-28', false], // Saturday
    ['2026-10-01', false], // holiday on a Thursday
    ['2026-09-27', true], // make-up Sunday
    ['2026-10-10', true], // make-up Saturday
  ])('%s working: %s', (date, working) => expect(isWorkingDay(cal, date)).toBe(working));
});

describe('deadlines in working time (09:00–18:00 Asia/Shanghai)', () => {
  it.each([
    ['inside the day', '2026-11-24T10:00', h(2), '2026-11-24T12:00'],
    ['runs past closing into the next morning', '2026-11-24T17:00', h(2), '2026-11-25T10:00'],
    ['reported at night starts at opening', '2026-11-24T22:30', h(4), '2026-11-25T13:00'],
    ['reported before opening', '2026-11-24T06:00', h(1), '2026-11-24T10:00'],
    ['Friday afternoon skips the weekend', '2026-11-27T16:00', h(8), '2026-11-30T15:00'],
    ['reported on Saturday', '2026-11-28T11:00', h(3), '2026-11-30T12:00'],
    ['3 working days = 27 working hours', '2026-11-24T10:00', h(27), '2026-11-27T10:00'],
    ['the National Day week is skipped', '2026-09-30T17:00', h(2), '2026-10-08T10:00'],
    ['the make-up Saturday is worked', '2026-10-09T17:00', h(2), '2026-10-10T10:00'],
    ['the make-up Sunday is worked', '2026-09-26T12:00', h(1), '2026-09-27T10:00'],
    ['exactly at closing ends the same day', '2026-11-24T09:00', h(9), '2026-11-24T18:00'],
    ['zero minutes from the evening is next opening', '2026-11-24T19:00', 0, '2026-11-25T09:00'],
  ])('%s', (_name, start, minutes, due) => {
    expect(iso(addWorkingMinutes(cal, t(start), minutes))).toBe(iso(t(due)));
  });

  it('a pause across the night and the weekend stops the clock', () => {
    // Waiting for parts from Thursday 16:00 to Monday 11:00: only Thursday 15:00–16:00 and Monday from 11:00 count.
    const pauses = [{ from: t('2026-11-26T16:00'), to: t('2026-11-30T11:00') }];
    expect(iso(addWorkingMinutes(cal, t('2026-11-26T15:00'), h(3), pauses))).toBe(iso(t('2026-11-30T13:00')));
  });

  it('two pauses in one day', () => {
    const pauses = [
      { from: t('2026-11-24T10:00'), to: t('2026-11-24T11:00') },
      { from: t('2026-11-24T12:00'), to: t('2026-11-24T14:00') },
    ];
    expect(iso(addWorkingMinutes(cal, t('2026-11-24T09:00'), h(3), pauses))).toBe(iso(t('2026-11-24T15:00')));
  });

  it('elapsed clocks run day and night but still pause', () => {
    expect(iso(addElapsedMinutes(t('2026-11-28T23:00'), h(2)))).toBe(iso(t('2026-11-29T01:00')));
    const pauses = [{ from: t('2026-11-24T10:00'), to: t('2026-11-24T12:00') }];
    expect(iso(addElapsedMinutes(t('2026-11-24T09:00'), h(2), pauses))).toBe(iso(t('2026-11-24T13:00')));
  });

  it('counts working minutes between two instants', () => {
    expect(workingMinutesBetween(cal, t('2026-11-27T17:00'), t('2026-11-30T10:00'))).toBe(120);
    expect(workingMinutesBetween(cal, t('2026-09-30T17:00'), t('2026-10-08T10:00'))).toBe(h(1) + h(1));
  });

  it('refuses a calendar without working time', () => {
    expect(() => addWorkingMinutes({ ...cal, weekdays: [], makeupDays: [] }, t('2026-11-24T10:00'), 60)).toThrow(RangeError);
  });

  it('works in another zone', () => {
    const utc = { ...cal, timeZone: 'UTC' };
    expect(iso(addWorkingMinutes(utc, Date.parse('2026-11-24T17:30:00Z'), 60))).toBe('2026-11-25T09:30:00Z');
  });
});

describe('the working-time index agrees with the day-by-day walk', () => {
  const index = new WorkingTimeIndex(cal, '2026-09-01', '2026-12-31');
  it.each([
    ['2026-11-27T17:00', '2026-11-30T10:00'],
    ['2026-09-30T17:00', '2026-10-08T10:00'],
    ['2026-11-24T06:00', '2026-11-24T07:00'],
    ['2026-11-24T10:00', '2026-11-24T10:00'],
    ['2026-09-26T12:00', '2026-12-01T12:34'],
  ])('%s → %s', (from, to) => {
    expect(index.minutesBetween(t(from), t(to))).toBe(workingMinutesBetween(cal, t(from), t(to)));
  });
});

describe('wall-clock time of a stored instant, as exports write it', () => {
  it.each([
    ['Asia/Shanghai', '2026-10-01T01:30:00.000Z', '2026-10-01T09:30'],
    ['Asia/Shanghai', '2026-09-30T16:00:00.000Z', '2026-10-01T00:00'],
    ['Asia/Kolkata', '2026-10-01T01:30:00.000Z', '2026-10-01T07:00'],
    // Summer and winter time, on both sides of a change.
    ['Europe/Berlin', '2026-01-15T10:00:00.000Z', '2026-01-15T11:00'],
    ['Europe/Berlin', '2026-07-15T10:00:00.000Z', '2026-07-15T12:00'],
    ['Europe/Berlin', '2026-03-29T00:59:00.000Z', '2026-03-29T01:59'],
    ['Europe/Berlin', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00'],
    ['Europe/Berlin', '2026-10-25T00:59:00.000Z', '2026-10-25T02:59'],
    ['Europe/Berlin', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00'],
    // Newfoundland changes at 05:30 UTC, on a half hour.
    ['America/St_Johns', '2026-03-08T05:29:00.000Z', '2026-03-08T01:59'],
    ['America/St_Johns', '2026-03-08T05:30:00.000Z', '2026-03-08T03:00'],
  ])('%s: %s is %s', (zone, instant, wall) => {
    expect(wallClock(zone)(instant)!.toISOString().slice(0, 16)).toBe(wall);
  });

  it('keeps nothing for no time', () => {
    expect(wallClock('Asia/Shanghai')(null)).toBeNull();
  });

  it('gives each instant its own offset when one converter crosses a change', () => {
    const local = wallClock('Europe/Berlin');
    const times = ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-07-01T00:30:00.000Z', '2026-12-01T00:30:00.000Z'];
    expect(times.map((i) => local(i)!.toISOString().slice(11, 16))).toEqual(['02:30', '02:30', '02:30', '01:30']);
  });
});
