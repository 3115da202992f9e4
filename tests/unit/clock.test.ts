/** The desk clock: a setting starts the clock at an instant, which then runs at the system's pace. */
import { describe, expect, it } from 'vitest';
import { clockFrom, clockSetting } from '../../shared/domain/clock';

/** A system clock the test moves by hand. */
function fakeSystem(startIso: string) {
  let ms = Date.parse(startIso);
  return { clock: () => new Date(ms), advance: (by: number) => (ms += by) };
}

describe('clockSetting', () => {
  it.each([
    ['2027-01-01T00:05:00+08:00', '2026-12-31T16:05:00.000Z'],
    ['2026-12-31T16:05Z', '2026-12-31T16:05:00.000Z'],
    ['2027-02-28T23:59:00+08:00', '2027-02-28T15:59:00.000Z'],
    ['2028-02-29T12:00:00+08:00', '2028-02-29T04:00:00.000Z'],
    ['2026-10-08T09:00:00.250+08:00', '2026-10-08T01:00:00.250Z'],
    [' 2026-10-08T01:00:00Z ', '2026-10-08T01:00:00.000Z'],
  ])('%s starts the desk at %s', (setting, expected) => {
    const system = fakeSystem('2020-06-01T00:00:00Z');
    expect(clockSetting(setting, system.clock)().toISOString()).toBe(expected);
  });

  it.each([undefined, '', '   '])('%j means the system time', (setting) => {
    const system = fakeSystem('2020-06-01T00:00:00Z');
    expect(clockSetting(setting, system.clock)().toISOString()).toBe('2020-06-01T00:00:00.000Z');
  });

  it.each(['2027-01-01', '2027-01-01 00:05', '2027-01-01T00:05:00', 'tomorrow', '2027-13-01T00:00:00Z', '2027-02-30T00:00:00Z', '1e12', '2027-01-01T00:05:00+08:00\u0000'])(
    'refuses %j instead of running the desk at a guessed time',
    (setting) => {
      expect(() => clockSetting(setting)).toThrow();
    },
  );
});

describe('clockFrom', () => {
  it('runs on at the system pace from its start, across midnight in Shanghai', () => {
    const system = fakeSystem('2020-06-01T00:00:00Z');
    const clock = clockFrom(new Date('2026-12-31T15:59:30Z'), system.clock);
    system.advance(60_000);
    expect(clock().toISOString()).toBe('2026-12-31T16:00:30.000Z');
  });
});
