/**
 * The desk at the clocks where dates go wrong: the first minutes of a year in Shanghai (still the old
 * year in UTC), the last minute of February, 29 February, and the first working day after 国庆. At each:
 * ticket numbers restart at local midnight, deadlines walk the working calendar (holidays, weekends,
 * 调休), the follow-up queue, the maintenance generator, the month's statistics and the daily and
 * monthly backups all take "today" from the desk clock in the desk's zone.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { localDate } from '../../shared/domain/time';

const ZONE = 'Asia/Shanghai';
const MINUTE = 60_000;
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** This test's working calendar: 国庆 2026 with its 调休 Saturday, and New Year 2027. */
const CALENDAR = {
  opens: '09:00', closes: '18:00', weekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
  makeupDays: ['2026-09-20', '2026-10-10'],
};

/**
 * [desk clock, a normal ticket's response and resolution deadlines when reported two minutes before it]
 * (normal: 8 working hours to respond, 3 working days of 9 h to resolve).
 */
const CLOCKS: [string, string, string][] = [
  // A holiday Friday, then the weekend: the clocks start on Monday 4 January.
  ['2027-01-01T00:05:00+08:00', '2027-01-04T17:00:00+08:00', '2027-01-06T18:00:00+08:00'],
  // Sunday night: Monday 1 March, not a 29 or 30 February.
  ['2027-02-28T23:59:00+08:00', '2027-03-01T17:00:00+08:00', '2027-03-03T18:00:00+08:00'],
  // A Tuesday noon on the leap day: 6 h 2 min left today, the rest on 1 March and after.
  ['2028-02-29T12:00:00+08:00', '2028-03-01T10:58:00+08:00', '2028-03-03T11:58:00+08:00'],
  // The first working day after 国庆: Saturday 10 October is a 调休 working day.
  ['2026-10-08T09:00:00+08:00', '2026-10-08T17:00:00+08:00', '2026-10-10T18:00:00+08:00'],
];
const only = process.env.AFTERCARE_NOW;
const cases = only ? CLOCKS.filter(([c]) => Date.parse(c) === Date.parse(only)) : CLOCKS;

let h: Harness;
afterEach(() => h?.close());

const iso = (wall: string) => new Date(wall).toISOString();

async function signInAll(): Promise<Record<Role, Client>> {
  const out = { admin: h.client() } as Record<Role, Client>;
  await h.ok(out.admin, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
  for (const role of ['clerk', 'engineer', 'supervisor'] as const) {
    out[role] = h.client();
    await h.ok(out[role], 'auth.login', { username: role, password: `${role}-pass-1` });
  }
  return out;
}

async function move(c: Client, id: number, input: Record<string, unknown>): Promise<void> {
  const t = await h.ok(c, 'tickets.get', { id });
  await h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

/** A ticket taken from intake to the customer's acceptance at the current desk time. */
async function accepted(people: Record<Role, Client>, reportedAt: string): Promise<string> {
  const { id, number } = await h.ok(people.clerk, 'tickets.create', intake({ reportedAt, newCustomer: undefined, customerId: 1 }));
  const engineerId = (await h.ok(people.supervisor, 'users.engineers', {}))[0]!.id;
  await move(people.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await move(people.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '滤网堵塞', repairPlan: '清洗滤网', estimateFen: 0 });
  await move(people.supervisor, id, { move: 'dispatch', engineerId });
  await move(people.engineer, id, { move: 'startService' });
  await move(people.engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  return number;
}

describe.each(cases)('the desk at %s', (clock, respondBy, resolveBy) => {
  it('numbers, deadlines, queues, maintenance, statistics and backups follow the desk clock in Shanghai', async () => {
    const now = Date.parse(clock);
    const today = localDate(new Date(now), ZONE);
    const midnight = Date.parse(`${today}T00:00:00+08:00`);
    h = await openHarness();
    h.clock.now = new Date(midnight - MINUTE);
    const { admin } = await h.signedIn();
    const settings = await h.ok(admin, 'settings.get', {});
    await h.ok(admin, 'settings.update', {
      version: settings.version, company: settings.company, ticketNumberPattern: settings.ticketNumberPattern, timeZone: ZONE, sla: settings.sla,
      calendar: CALENDAR, followUp: { minutes: 1, basis: 'elapsed' },
    });

    // The minute before local midnight still belongs to yesterday's numbers.
    const people = await signInAll();
    const yesterday = await h.ok(people.clerk, 'tickets.create', intake({ reportedAt: new Date(midnight - 2 * MINUTE).toISOString() }));
    expect(yesterday.number).toBe(`TS${localDate(new Date(midnight - MINUTE), ZONE).replaceAll('-', '')}0001`);

    // Four minutes before now: a ticket accepted, whose follow-up call falls due a minute later.
    h.clock.now = new Date(now - 4 * MINUTE);
    const followUp = await accepted(await signInAll(), new Date(now - 5 * MINUTE).toISOString());
    expect(followUp).toBe(`TS${today.replaceAll('-', '')}0001`);

    h.clock.now = new Date(now);
    const at = await signInAll();
    const fresh = await h.ok(at.clerk, 'tickets.create', intake({ reportedAt: new Date(now - 2 * MINUTE).toISOString(), urgency: 'normal', newCustomer: undefined, customerId: 1 }));
    expect(fresh.number).toBe(`TS${today.replaceAll('-', '')}0002`);
    const detail = await h.ok(at.clerk, 'tickets.get', { id: fresh.id });
    expect([detail.responseDueAt, detail.resolveDueAt]).toEqual([iso(respondBy), iso(resolveBy)]);

    const followUps = await h.ok(at.clerk, 'tickets.list', { followUpDue: true });
    expect(followUps.rows.map((r) => r.number)).toEqual([followUp]);

    // A monthly plan that starts today makes today's maintenance ticket, once.
    const engineerId = (await h.ok(at.supervisor, 'users.engineers', {}))[0]!.id;
    await h.ok(at.supervisor, 'maintenance.plans.create', {
      name: '空调月检', customerId: 1, project: '一号楼', unit: 'month', every: 1, startDate: today, leadDays: 0, engineerId,
      checklist: [{ id: 'filter', label: '清洗过滤网', kind: 'pass', unit: '' }],
    });
    expect(await h.ok(at.admin, 'maintenance.generate', {})).toEqual({ created: 1 });
    expect(await h.ok(at.admin, 'maintenance.generate', {})).toEqual({ created: 0 });

    // The month is the desk's month: yesterday's ticket counts only if yesterday was in it.
    const month = today.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const stats = await h.ok(at.supervisor, 'reports.statistics', { from: `${month}-01`, to: lastDay });
    const yesterdayInMonth = localDate(new Date(midnight - MINUTE), ZONE).startsWith(month);
    expect(stats.current.received).toBe(3 + (yesterdayInMonth ? 1 : 0));

    // The first start of the desk day takes the day's backup, and the month's first its monthly one.
    const written = (await h.core.dailyBackup()).map((f) => `${path.basename(path.dirname(f))}/${path.basename(f)}`);
    expect(written).toEqual([`daily/aftercare-${today}.backup`, `monthly/aftercare-${month}.backup`]);
    expect(await h.core.dailyBackup()).toEqual([]);
  });
});
