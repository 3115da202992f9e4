/** Dates typed the Chinese way, whatever the browser's locale (renderer/src/components/date-text.ts). */
import { describe, expect, it } from 'vitest';
import { fromPickerValue, parseDeskDate, readClock, toPickerValue } from '../../renderer/src/components/date-text';

describe('a typed date', () => {
  it.each([
    ['2026-11-05', '2026-11-05'],
    ['2026/11/05', '2026-11-05'],
    ['2026.11.5', '2026-11-05'],
    ['2026-1-5', '2026-01-05'],
    ['20261105', '2026-11-05'],
    ['2026年11月5日', '2026-11-05'],
    ['2026 年 11 月 5 日', '2026-11-05'],
    ['  2026-11-05  ', '2026-11-05'],
    ['2028-02-29', '2028-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2027-02-29', null],
    ['1900-02-29', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-04-31', null],
    ['11/05/2026', null],
    ['05.11.2026', null],
    ['2026-11', null],
    ['', null],
    ['abc', null],
    ['2026-11-05x', null],
    ['2026-11-05 10:00', null],
    ["2026-11-05'; DROP TABLE tickets;--", null],
    ['2026-11-05\u0000', null],
    ['0099-01-01', null],
  ])('%j reads as %j', (text, day) => {
    expect(parseDeskDate(text)).toBe(day);
  });
});

describe('a typed date and time', () => {
  it.each([
    ['2026-11-05 14:30', '2026-11-05 14:30:00'],
    ['2026-11-05T14:30', '2026-11-05 14:30:00'],
    ['2026/11/05 9:05', '2026-11-05 09:05:00'],
    ['2026年11月5日 14：30', '2026-11-05 14:30:00'],
    ['2026-11-05 14:30:59', '2026-11-05 14:30:00'],
    ['2026-11-05', '2026-11-05 00:00:00'],
    ['2026-11-05 24:00', null],
    ['2026-11-05 12:60', null],
    ['2026-11-05 1430', null],
    ['2026-11-05 2:30 PM', null],
  ])('%j reads as %j', (text, value) => {
    expect(parseDeskDate(text, true)).toBe(value);
  });

  it.each([
    ['2026-11-05T14:30', '2026-11-05 14:30:00'],
    ['', null],
  ])('the form value %j is the picker value %j and back', (local, picker) => {
    expect(toPickerValue(local)).toBe(picker);
    expect(fromPickerValue(picker)).toBe(local);
  });
});

describe('a typed time of day, in 24 hours', () => {
  it.each([
    ['9:00', '09:00'],
    ['0900', '09:00'],
    ['9：00', '09:00'],
    ['13:30', '13:30'],
    [' 1730 ', '17:30'],
    ['24:00', '24:00'],
    ['12:60', '12:60'],
    ['9 AM', '9 AM'],
    ['', ''],
  ])('%j reads as %j', (typed, clock) => {
    expect(readClock(typed)).toBe(clock);
  });
});
