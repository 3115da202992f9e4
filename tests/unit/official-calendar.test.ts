import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, addWorkingMinutes, isWorkingDay, workingPeriods } from '../../shared/domain/calendar';
import { daysOfYear, withOfficialDays, yearDigest } from '../../shared/domain/official-calendar';
import { OFFICIAL_HOLIDAYS } from '../../shared/domain/official-holidays.data';

const official = daysOfYear(OFFICIAL_HOLIDAYS, 2026);
const none = { holidays: [], makeupDays: [], halfDays: [] };
const t = (local: string) => Date.parse(`${local}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('company days on top of the official arrangement (2026)', () => {
  it.each([
    // [case, company days, date, working?, periods]
    ['an official holiday (春节, a Monday)', none, '2026-02-16', false, []],
    ['an official 调休 Saturday', none, '2026-02-14', true, [['09:00', '18:00']]],
    ['an ordinary Tuesday', none, '2026-11-24', true, [['09:00', '18:00']]],
    ['an extra company day off inside a working week', { ...none, holidays: ['2026-11-25'] }, '2026-11-25', false, []],
    ['the days around it stay working', { ...none, holidays: ['2026-11-25'] }, '2026-11-26', true, [['09:00', '18:00']]],
    ['a company working Saturday', { ...none, makeupDays: ['2026-11-28'] }, '2026-11-28', true, [['09:00', '18:00']]],
    ['a company working day on an official holiday', { ...none, makeupDays: ['2026-02-23'] }, '2026-02-23', true, [['09:00', '18:00']]],
    ['a company day off on an official 调休 day', { ...none, holidays: ['2026-02-28'] }, '2026-02-28', false, []],
    ['a half day on a weekday', { ...none, halfDays: ['2026-12-31'] }, '2026-12-31', true, [['09:00', '13:30']]],
    ['a half day on an official holiday', { ...none, halfDays: ['2026-10-07'] }, '2026-10-07', true, [['09:00', '13:30']]],
  ] as const)('%s', (_name, company, date, working, periods) => {
    const cal = withOfficialDays({ ...DEFAULT_CALENDAR, ...company }, official);
    expect(isWorkingDay(cal, date)).toBe(working);
    expect(workingPeriods(cal, date)).toEqual(periods);
  });

  it.each([
    ['春节 is skipped', none, '2026-02-13T17:00', 120, '2026-02-14T10:00'],
    ['the company day off moves the deadline a day', { ...none, holidays: ['2026-11-25'] }, '2026-11-24T17:00', 120, '2026-11-26T10:00'],
    ['the working Saturday brings it forward', { ...none, makeupDays: ['2026-11-28'] }, '2026-11-27T17:00', 120, '2026-11-28T10:00'],
    ['the half day counts its morning only (until midday 13:30)', { ...none, halfDays: ['2026-11-27'] }, '2026-11-27T12:00', 120, '2026-11-30T09:30'],
  ] as const)('deadline: %s', (_name, company, start, minutes, due) => {
    const cal = withOfficialDays({ ...DEFAULT_CALENDAR, ...company }, official);
    expect(iso(addWorkingMinutes(cal, t(start), minutes))).toBe(iso(t(due)));
  });

  it('a digest changes with any day', () => {
    const changed = official.map((d, i) => (i === 0 ? { ...d, date: '2026-01-05' } : d));
    expect(yearDigest(official)).toMatch(/^[0-9a-f]{8}$/);
    expect(yearDigest(changed)).not.toBe(yearDigest(official));
    expect(yearDigest([...official])).toBe(yearDigest(official));
  });
});
