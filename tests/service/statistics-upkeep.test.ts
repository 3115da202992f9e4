/**
 * What statistics keep between requests (migration 1764870000000-statistics-upkeep): the hour counts the
 * triggers maintain, the repeat flag, the kept response and resolution minutes. Each is checked against a
 * plain recount over the ticket rows after the changes a desk makes (intake, edits, closing, reopening,
 * cancelling, a device swapped, a calendar changed, a zone whose midnight is not on a UTC hour).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import { DEFAULT_CALENDAR, workingMinutesBetween } from '../../shared/domain/calendar';
import { localDate } from '../../shared/domain/time';
import { Rng } from '../bench/prng';
import { statisticsBackfill } from '../../electron/core/db/migrations/1764870000000-statistics-upkeep';
import { MS_TIMES } from '../../electron/core/db/migrations/1765080000000-ticket-instants';
import { instantParam } from '../../electron/core/db/instants';

/** The backfill as it runs over the tickets' times in milliseconds (db/instants.ts). */
const STATISTICS_BACKFILL = statisticsBackfill(MS_TIMES);

let h: Harness;
afterEach(() => h?.close());

interface TicketRow {
  id: number;
  reported_at: string;
  closed_at: string | null;
  status: string;
  channel: string;
  urgency: string;
  problem_type: string;
  model_id: number | null;
  assigned_to: number | null;
  reopen_count: number;
  visits: number;
  device_id: number | null;
  is_repeat: number;
}

const tickets = () => h.core.db.query<TicketRow>('SELECT * FROM tickets ORDER BY id');

/** The hour counts, recomputed by a loop over the tickets: "hour dim key" → [received, closed, first time]. */
function recount(rows: TicketRow[]): Map<string, [number, number, number]> {
  const out = new Map<string, [number, number, number]>();
  const add = (hour: string, dim: string, key: string, r: number, c: number, f: number) => {
    const k = `${hour} ${dim} ${key}`;
    const v = out.get(k) ?? out.set(k, [0, 0, 0]).get(k)!;
    v[0] += r;
    v[1] += c;
    v[2] += f;
  };
  for (const t of rows) {
    const dims: [string, string][] = [
      ['channel', t.channel],
      ['urgency', t.urgency],
      ['problem_type', t.problem_type],
      ['model', t.model_id === null ? '' : String(t.model_id)],
      ['engineer', t.assigned_to === null ? '' : String(t.assigned_to)],
    ];
    for (const [dim, key] of dims) add(t.reported_at.slice(0, 13), dim, key, 1, 0, 0);
    if (t.status === 'cancelled') add(t.reported_at.slice(0, 13), 'cancelled', '', 1, 0, 0);
    if (t.status === 'closed' && t.closed_at) {
      const first = t.reopen_count === 0 && t.visits <= 1 ? 1 : 0;
      for (const [dim, key] of dims) add(t.closed_at.slice(0, 13), dim, key, 0, 1, first);
    }
  }
  return out;
}

async function kept(): Promise<Map<string, [number, number, number]>> {
  const rows = await h.core.db.query<{ hour: string; dim: string; key: string; received: number; closed: number; first_time: number }>(
    'SELECT * FROM ticket_hour_counts WHERE received <> 0 OR closed <> 0 OR first_time <> 0',
  );
  return new Map(rows.map((r) => [`${r.hour} ${r.dim} ${r.key}`, [r.received, r.closed, r.first_time]]));
}

/** A desk with two models, its clock at `now` (report times may not be later than the desk clock). */
async function desk(now?: string) {
  h = await openHarness();
  if (now) h.clock.now = new Date(now);
  const roles = await h.signedIn();
  const model = await h.ok(roles.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
  const other = await h.ok(roles.admin, 'models.create', { code: 'KFR-50', name: '柜机', productLine: '家电', warrantyMonths: 12 });
  return { ...roles, models: [model.id, other.id] };
}

async function create(clerk: Client, reportedAt: string, extra: Parameters<typeof intake>[0] = {}): Promise<number> {
  // The same device again while its first ticket is in progress: the clerk's reason (tickets.create asks for it).
  return (await h.ok(clerk, 'tickets.create', intake({ reportedAt, ...(extra.deviceId ? { duplicateReason: '同一设备再次报修' } : {}), ...extra }))).id;
}

describe('the hour counts kept by triggers', () => {
  it('equal a recount over the tickets through intake and 300 random edits, closings, reopenings, cancellations and deletions', async () => {
    const { clerk, models } = await desk();
    const engineers = (await h.core.db.query<{ id: number }>('SELECT id FROM users')).map((u) => u.id);
    const rng = new Rng(7);
    const pick = <T>(list: readonly T[]) => list[rng.int(list.length)]!;
    const hour = () => new Date(Date.UTC(2026, 10, 1 + rng.int(20), rng.int(24), rng.int(60))).toISOString();
    for (let i = 0; i < 30; i++) {
      await create(clerk, hour(), {
        channel: pick(['phone', 'walk_in', 'online', 'email'] as const),
        urgency: pick(['urgent', 'important', 'normal'] as const),
        problemType: pick(['hardware', 'software', 'complaint'] as const),
        modelId: pick([null, ...models]),
      });
    }
    expect(await kept()).toEqual(recount(await tickets()));

    const changes: ((id: number) => [string, unknown[]])[] = [
      (id) => ['UPDATE tickets SET status = ?, closed_at = ? WHERE id = ?', ['closed', instantParam(hour()), id]],
      (id) => ['UPDATE tickets SET status = ?, closed_at = NULL, reopen_count = reopen_count + 1 WHERE id = ?', ['diagnosing', id]],
      (id) => ['UPDATE tickets SET status = ? WHERE id = ?', [pick(['cancelled', 'registered', 'accepted', 'closed']), id]],
      (id) => ['UPDATE tickets SET channel = ?, urgency = ? WHERE id = ?', [pick(['phone', 'online']), pick(['urgent', 'normal']), id]],
      (id) => ['UPDATE tickets SET assigned_to = ?, visits = ? WHERE id = ?', [pick([null, ...engineers]), rng.int(3), id]],
      (id) => ['UPDATE tickets SET model_id = ?, problem_type = ? WHERE id = ?', [pick([null, ...models]), pick(['hardware', 'complaint']), id]],
      (id) => ['UPDATE tickets SET reported_at = ? WHERE id = ?', [instantParam(hour()), id]],
      (id) => ['UPDATE tickets SET diagnosis = ? WHERE id = ?', ['no counted column', id]],
    ];
    for (let i = 0; i < 300; i++) {
      const ids = (await tickets()).map((t) => t.id);
      const [sql, params] = pick(changes)(pick(ids));
      await h.core.db.write((tx) => tx.run(sql, params));
    }
    const before = await tickets();
    expect(await kept()).toEqual(recount(before));

    const gone = before.filter((t) => t.status !== 'closed').slice(0, 3).map((t) => t.id);
    await h.core.db.write(async (tx) => {
      for (const id of gone) {
        await tx.run('DELETE FROM ticket_events WHERE ticket_id = ?', [id]);
        await tx.run('DELETE FROM tickets WHERE id = ?', [id]);
      }
    });
    expect(await kept()).toEqual(recount(await tickets()));

    // The migration's backfill (also run after a bulk load without triggers) computes the same.
    await h.core.db.write(async (tx) => {
      for (const sql of STATISTICS_BACKFILL) await tx.run(sql);
    });
    expect(await kept()).toEqual(recount(await tickets()));
  });

  it('count a zone whose midnight is not on a UTC hour (UTC+5:30) by its own days', async () => {
    const { admin, clerk, supervisor } = await desk();
    const settings = await h.ok(admin, 'settings.get', {});
    await h.ok(admin, 'settings.update', { version: settings.version, company: settings.company, ticketNumberPattern: settings.ticketNumberPattern, sla: settings.sla, timeZone: 'Asia/Kolkata' });
    // Around local midnight of 2026-11-21 (18:30Z on the 20th) and of 2026-11-22 (18:30Z on the 21st).
    const times = ['2026-11-20T18:10:00.000Z', '2026-11-20T18:29:59.999Z', '2026-11-20T18:30:00.000Z', '2026-11-20T18:55:00.000Z', '2026-11-21T12:00:00.000Z', '2026-11-21T18:20:00.000Z', '2026-11-21T18:45:00.000Z'];
    for (const [i, at] of times.entries()) await create(clerk, at, { channel: i % 2 ? 'phone' : 'online' });
    const ids = (await tickets()).map((t) => t.id);
    await h.core.db.write(async (tx) => {
      await tx.run(`UPDATE tickets SET status = 'closed', closed_at = ? WHERE id = ?`, [instantParam('2026-11-20T18:15:00.000Z'), ids[0]]);
      await tx.run(`UPDATE tickets SET status = 'closed', closed_at = ? WHERE id = ?`, [instantParam('2026-11-21T18:25:00.000Z'), ids[2]]);
      await tx.run(`UPDATE tickets SET status = 'closed', closed_at = ? WHERE id = ?`, [instantParam('2026-11-21T18:35:00.000Z'), ids[3]]);
    });
    const { current } = await h.ok(supervisor, 'reports.statistics', { from: '2026-11-21', to: '2026-11-21' });
    const rows = await tickets();
    const onDay = (iso: string | null) => iso !== null && localDate(new Date(iso), 'Asia/Kolkata') === '2026-11-21';
    expect(current.received).toBe(rows.filter((t) => onDay(t.reported_at)).length);
    expect(current.received).toBe(4);
    expect(current.closed).toBe(rows.filter((t) => t.status === 'closed' && onDay(t.closed_at)).length);
    expect(current.closed).toBe(1);
    const phone = rows.filter((t) => onDay(t.reported_at) && t.channel === 'phone').length;
    expect(current.byChannel.find((b) => b.key === 'phone')?.received ?? 0).toBe(phone);
  });
});

describe('the repeat flag kept by triggers', () => {
  it('marks a ticket whose device had another in the 90 days before, also when the earlier one is registered later or moved to another device', async () => {
    const { clerk, models } = await desk('2027-03-02T00:00:00.000Z');
    const first = await create(clerk, '2026-09-01T02:00:00.000Z', { newDevice: { serial: 'KF2409A001', modelId: models[0]! } });
    const device = (await tickets())[0]!.device_id!;
    const customer = (await h.core.db.get<{ customer_id: number }>('SELECT customer_id FROM tickets WHERE id = ?', [first]))!.customer_id;
    const again = { newCustomer: undefined, customerId: customer, deviceId: device };
    const within = await create(clerk, '2026-11-29T02:00:00.000Z', again); // 89 days later
    const beyond = await create(clerk, '2027-03-01T02:00:00.000Z', again); // 92 days after the one before
    const flags = async () => new Map((await tickets()).map((t) => [t.id, t.is_repeat]));
    expect(await flags()).toEqual(new Map([[first, 0], [within, 1], [beyond, 0]]));

    // A ticket registered today for a fault reported in December makes March's a repeat.
    const late = await create(clerk, '2027-01-15T02:00:00.000Z', again);
    expect(await flags()).toEqual(new Map([[first, 0], [within, 1], [beyond, 1], [late, 1]]));

    // Moved to another device: both devices' tickets are judged again.
    const other = await create(clerk, '2026-12-20T02:00:00.000Z', { newDevice: { serial: 'KF2412B001', modelId: models[0]! } });
    await h.core.db.write((tx) => tx.run('UPDATE tickets SET device_id = (SELECT device_id FROM tickets WHERE id = ?) WHERE id = ?', [other, late]));
    expect(await flags()).toEqual(new Map([[first, 0], [within, 1], [beyond, 0], [late, 1], [other, 0]]));
    await h.core.db.write((tx) => tx.run('UPDATE tickets SET device_id = NULL WHERE id = ?', [late]));
    expect((await flags()).get(late)).toBe(0);

    const kept = await flags();
    await h.core.db.write(async (tx) => {
      await tx.run('UPDATE tickets SET is_repeat = 0');
      for (const sql of STATISTICS_BACKFILL) await tx.run(sql);
    });
    expect(await flags()).toEqual(kept);
  });
});

describe('the response and resolution minutes kept on tickets', () => {
  it("follow a change of the ticket's times and of the working calendar", async () => {
    const { admin, clerk, supervisor } = await desk();
    // Monday 2026-11-23, 09:30 in Shanghai; responded at 15:00, resolved Tuesday 11:00.
    const id = await create(clerk, '2026-11-23T01:30:00.000Z');
    const reported = Date.parse('2026-11-23T01:30:00.000Z');
    const set = (responded: string, resolved: string) =>
      h.core.db.write((tx) => tx.run('UPDATE tickets SET responded_at = ?, resolved_at = ? WHERE id = ?', [instantParam(responded), instantParam(resolved), id]));
    await set('2026-11-23T07:00:00.000Z', '2026-11-24T03:00:00.000Z');
    const statistics = async () => (await h.ok(supervisor, 'reports.statistics', { from: '2026-11-01', to: '2026-11-30' })).current;
    const expected = (calendar: typeof DEFAULT_CALENDAR, responded: string, resolved: string) => ({
      response: [Math.round((Date.parse(responded) - reported) / 60_000), workingMinutesBetween(calendar, reported, Date.parse(responded))],
      resolution: [Math.round((Date.parse(resolved) - reported) / 60_000), workingMinutesBetween(calendar, reported, Date.parse(resolved))],
    });
    const seen = async () => {
      const s = await statistics();
      return { response: [s.response.avgMinutes, s.response.avgWorkingMinutes], resolution: [s.resolution.avgMinutes, s.resolution.avgWorkingMinutes] };
    };
    expect(await seen()).toEqual(expected(DEFAULT_CALENDAR, '2026-11-23T07:00:00.000Z', '2026-11-24T03:00:00.000Z'));

    // The times change (a correction): the kept minutes are cleared and computed again.
    await set('2026-11-23T02:00:00.000Z', '2026-11-25T08:00:00.000Z');
    expect((await h.core.db.get<{ clock_version: number | null }>('SELECT clock_version FROM tickets WHERE id = ?', [id]))?.clock_version).toBeNull();
    expect(await seen()).toEqual(expected(DEFAULT_CALENDAR, '2026-11-23T02:00:00.000Z', '2026-11-25T08:00:00.000Z'));

    // Tuesday becomes a holiday: the working minutes follow the new calendar.
    const now = await h.ok(admin, 'settings.get', {});
    const { timeZone, ...hours } = DEFAULT_CALENDAR;
    await h.ok(admin, 'settings.update', { version: now.version, company: now.company, ticketNumberPattern: now.ticketNumberPattern, sla: now.sla, timeZone, calendar: { ...hours, holidays: ['2026-11-24'] } });
    const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-24'] };
    const after = expected(calendar, '2026-11-23T02:00:00.000Z', '2026-11-25T08:00:00.000Z');
    expect(after.resolution[1]).toBeLessThan(expected(DEFAULT_CALENDAR, '2026-11-23T02:00:00.000Z', '2026-11-25T08:00:00.000Z').resolution[1]!);
    expect(await seen()).toEqual(after);

    // A lunch break 12:00–13:30 is not working time in the figures either: Monday 09:30–18:00 and Wednesday
    // 09:00–16:00 less two lunches (Tuesday off) is 420 + 330 minutes.
    const saved = await h.ok(admin, 'settings.get', {});
    await h.ok(admin, 'settings.update', { version: saved.version, company: saved.company, ticketNumberPattern: saved.ticketNumberPattern, sla: saved.sla, timeZone, calendar: { ...saved.calendar, lunch: { from: '12:00', to: '13:30' } } });
    expect(await seen()).toEqual({ response: [30, 30], resolution: [after.resolution[0], 420 + 330] });
  });
});
