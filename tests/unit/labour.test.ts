/** The labour rules (issue 22): a visit's minutes from what the engineer types, and the fee quantity from the logged time. */
import { describe, expect, it } from 'vitest';
import { labourEntry, labourQuantity, type LabourTyped, type TicketLabour } from '../../shared/domain/labour';

const NOW = new Date('2026-11-20T10:00:00Z'); // 18:00 in Shanghai
const typed = (t: Partial<LabourTyped>): LabourTyped => ({ workedOn: '2026-11-20', start: null, finish: null, minutes: null, ...t });

describe('labourEntry', () => {
  it.each([
    [{ start: '09:00', finish: '10:30' }, 90, '2026-11-20T01:00:00.000Z', '2026-11-20T02:30:00.000Z'],
    [{ start: '00:00', finish: '18:00' }, 1080, '2026-11-19T16:00:00.000Z', '2026-11-20T10:00:00.000Z'],
    [{ workedOn: '2026-11-19', start: '23:10', finish: '23:59' }, 49, '2026-11-19T15:10:00.000Z', '2026-11-19T15:59:00.000Z'],
    [{ minutes: 1 }, 1, null, null],
    [{ minutes: 1440 }, 1440, null, null],
    // Typed minutes beside the times are not trusted: the times decide.
    [{ start: '08:00', finish: '08:45', minutes: 500 }, 45, '2026-11-20T00:00:00.000Z', '2026-11-20T00:45:00.000Z'],
  ])('%o → %i minutes', (t, minutes, startedAt, finishedAt) => {
    expect(labourEntry(typed(t), NOW, 'Asia/Shanghai')).toEqual({ ok: true, minutes, startedAt, finishedAt });
  });

  it.each([
    [{ start: '10:00', finish: '10:00' }, 'finish', 'labour.finishBeforeStart'],
    [{ start: '10:00', finish: '09:59' }, 'finish', 'labour.finishBeforeStart'],
    [{ start: '17:00', finish: '18:01' }, 'finish', 'labour.future'],
    [{ workedOn: '2026-11-21', minutes: 10 }, 'workedOn', 'labour.future'],
    [{ minutes: 0 }, 'minutes', 'labour.minutesRange'],
    [{ minutes: 1441 }, 'minutes', 'labour.minutesRange'],
    [{ minutes: 1.5 }, 'minutes', 'labour.minutesRange'],
    [{}, 'minutes', 'labour.minutesOrTimes'],
    [{ finish: '10:00' }, 'start', 'labour.startMissing'],
    [{ start: '10:00' }, 'finish', 'labour.finishMissing'],
  ])('%o is refused on %s', (t, field, key) => {
    const out = labourEntry(typed(t), NOW, 'Asia/Shanghai');
    expect(out.ok === false && [out.problem.field, out.problem.key]).toEqual([field, key]);
  });

  it('reads the day in the desk time zone: 01:00 on the 21st in Shanghai is still the 20th in UTC', () => {
    const early = new Date('2026-11-20T17:30:00Z');
    expect(labourEntry(typed({ workedOn: '2026-11-21', start: '00:30', finish: '01:00' }), early, 'Asia/Shanghai')).toMatchObject({ ok: true, minutes: 30 });
    expect(labourEntry(typed({ workedOn: '2026-11-21', minutes: 30 }), early, 'UTC')).toMatchObject({ ok: false });
  });
});

describe('labourQuantity', () => {
  const labour = (...minutes: number[]): TicketLabour => ({
    visits: minutes.map((m, i) => ({ id: i, version: 1, engineer: { id: 1, name: '张工' }, workedOn: '2026-11-20', startedAt: null, finishedAt: null, minutes: m, note: '' })),
    totalMinutes: minutes.reduce((n, m) => n + m, 0),
  });
  it.each([
    [[90, 45], 'hour', 2.25],
    [[95], 'hour', 1.58],
    [[1], 'hour', 0.02],
    [[20], 'hour', 0.33],
    [[50], 'hour', 0.83],
    [[60, 60, 60], 'hour', 3],
    [[90, 45], 'visit', 2],
    [[], 'visit', 0],
  ] as const)('%o minutes per %s → %d', (minutes, unit, quantity) => {
    expect(labourQuantity(labour(...minutes), unit)).toBe(quantity);
  });
});
