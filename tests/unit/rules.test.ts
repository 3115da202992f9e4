import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/domain/phone';
import { addMonths, warrantyEndOf, warrantyStatusAt } from '../../shared/domain/warranty';
import { SEED_002_POLICY, deadlines } from '../../shared/domain/sla';
import { DEFAULT_CALENDAR } from '../../shared/domain/calendar';
import { localDate } from '../../shared/domain/time';
import { mentionsSafetyRisk } from '../../shared/domain/ticket';

describe('phone numbers are compared by digits', () => {
  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['(021) 6888-1234', '02168881234'],
    ['', ''],
  ])('%s → %s', (input, digits) => expect(normalizePhone(input)).toBe(digits));
});

describe('warranty decision at the service date', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-10', 12, '2025-03-10'],
    ['2024-11-30', 3, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected));

  it.each([
    [{ warrantyEnd: null, startDate: '2024-03-10', warrantyMonths: 12 }, '2025-03-09', 'in'],
    [{ warrantyEnd: null, startDate: '2024-03-10', warrantyMonths: 12 }, '2025-03-10', 'out'],
    [{ warrantyEnd: '2026-01-01', startDate: '2020-01-01', warrantyMonths: 12 }, '2026-01-01', 'in'],
    [{ warrantyEnd: '2026-01-01', startDate: '2025-12-01', warrantyMonths: 36 }, '2026-01-02', 'out'],
    [{ warrantyEnd: null, startDate: null, warrantyMonths: 12 }, '2026-01-01', 'unknown'],
    [{ warrantyEnd: null, startDate: '2025-01-01', warrantyMonths: null }, '2026-01-01', 'unknown'],
  ])('%o at %s → %s', (facts, day, status) => expect(warrantyStatusAt(facts, day)).toBe(status));

  it('the last covered day is the day before start + months', () => {
    expect(warrantyEndOf({ warrantyEnd: null, startDate: '2024-03-10', warrantyMonths: 12 })).toBe('2025-03-09');
  });
});

describe('deadlines per urgency (seed 002) and complaints, reported Tuesday 10:00 at the desk', () => {
  it.each([
    ['urgent', 'hardware', '2026-11-24T04:00:00.000Z', '2026-11-24T06:00:00.000Z'],
    ['important', 'hardware', '2026-11-24T06:00:00.000Z', '2026-11-25T02:00:00.000Z'],
    // normal: 8 working hours and 3 working days (27 h at 09:00–18:00) on the calendar
    ['normal', 'hardware', '2026-11-24T10:00:00.000Z', '2026-11-27T02:00:00.000Z'],
    ['normal', 'complaint', '2026-11-24T04:00:00.000Z', '2026-11-25T02:00:00.000Z'],
    ['urgent', 'complaint', '2026-11-24T04:00:00.000Z', '2026-11-24T06:00:00.000Z'],
  ] as const)('%s %s → respond by %s, resolve by %s', (urgency, type, respond, resolve) => {
    const due = deadlines({ reportedAt: '2026-11-24T02:00:00.000Z', urgency, problemType: type }, SEED_002_POLICY, DEFAULT_CALENDAR);
    expect(due).toEqual({ responseDueAt: respond, resolveDueAt: resolve });
  });

  it('a normal ticket reported on Friday evening is due in working time after the weekend', () => {
    const due = deadlines({ reportedAt: '2026-11-27T12:00:00.000Z', urgency: 'normal', problemType: 'hardware' }, SEED_002_POLICY, DEFAULT_CALENDAR);
    expect(due.responseDueAt).toBe('2026-11-30T09:00:00.000Z'); // Monday 17:00 at the desk
  });
});

describe('desk-local dates', () => {
  it.each([
    ['2026-11-24T15:59:59Z', 'Asia/Shanghai', '2026-11-24'],
    ['2026-11-24T16:00:00Z', 'Asia/Shanghai', '2026-11-25'],
    ['2026-11-24T16:00:00Z', 'UTC', '2026-11-24'],
  ])('%s in %s is %s', (iso, zone, day) => expect(localDate(new Date(iso), zone)).toBe(day));
});

describe('safety words (seed 001: 冒烟, 漏电) are spotted', () => {
  it.each([
    ['插上电源后机身冒烟', true],
    ['外壳漏电，有麻手感', true],
    ['Smoke from the back panel', true],
    ['制冷效果差', false],
    ['室外机漏水', false],
    ['开机后有焦味', true],
    ['插座处起火', true],
    ['不制冷冒烟', true], // a 不 earlier in the clause denies something else
    ['有冒烟，无焦味', true],
    ['不制冷，无冒烟、无焦味', false],
    ['未见冒烟', false],
    ['没有明显焦味', false],
    ['未发现漏电', false],
    ['The unit is on fire', true],
    ['smoking from the vent', true],
    ['Firmware update fails', false],
    ['no smoke, no burning smell', false],
  ])('%s → %s', (text, risky) => expect(mentionsSafetyRisk(text)).toBe(risky));
});
