/**
 * Official holidays arrive with the app: the bundled days equal the chinese-days package's, a year nobody
 * accepted uses the bundled days (marked unconfirmed), and an update's changed days wait for the admin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { OFFICIAL_HOLIDAYS } from '../../shared/domain/official-holidays.data';
import { daysOfYear, yearDigest, type OfficialData, type OfficialDay } from '../../shared/domain/official-calendar';
import { officialFromPackage } from '../tools/official-holidays-source';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the bundled arrangement', () => {
  // chinese-days 1.5.7 (May 2026) has no 2027 yet: both sides are empty for it until the package brings it and
  // `npm run holidays:update` regenerates the module; a package update without the regeneration fails here.
  it.each([2026, 2027])('equals the package’s for the desk clock’s year %i', async (year) => {
    const pkg = officialFromPackage();
    expect(OFFICIAL_HOLIDAYS.source).toBe(pkg.source);
    expect(daysOfYear(OFFICIAL_HOLIDAYS, year)).toEqual(daysOfYear(pkg, year));
    h = await openHarness();
    h.clock.now = new Date(`${year}-03-02T02:00:00Z`);
    const { admin } = await h.signedIn();
    const shown = (await h.ok(admin, 'calendar.official', {})).find((y) => y.year === year);
    expect(shown?.days ?? []).toEqual(daysOfYear(pkg, year));
  });

  it('has 2026 as the State Council arranged it: 春节 2-15…2-23, 调休 2-14 and 2-28, 国庆 10-01…10-07', () => {
    const days = daysOfYear(OFFICIAL_HOLIDAYS, 2026);
    const of = (festival: string, kind: 'off' | 'work') => days.filter((d) => d.festival === festival && d.kind === kind).map((d) => d.date);
    expect(of('spring_festival', 'off')).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(of('spring_festival', 'work')).toEqual(['2026-02-14', '2026-02-28']);
    expect(of('new_year', 'work')).toEqual(['2026-01-04']);
    expect(of('national_day', 'off')).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
    expect(of('national_day', 'work')).toEqual(['2026-09-20', '2026-10-10']);
  });
});

// A made-up update, for the test only (not a real arrangement): 2026 gains a day off on Thursday 24
// December, and a 2027 arrives with 8–12 February off.
const madeUp = (date: string, kind: 'off' | 'work' = 'off'): OfficialDay => ({ date, kind, festival: 'spring_festival' });
const update: OfficialData = {
  source: 'update for the test',
  days: [...OFFICIAL_HOLIDAYS.days, madeUp('2026-12-24'), ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((d) => madeUp(d)), madeUp('2027-02-20', 'work')].sort((a, b) => a.date.localeCompare(b.date)),
};

/** A normal ticket's response deadline (8 working hours, 09:00–18:00) reported at a Shanghai wall-clock time. */
async function respondBy(harness: Harness, client: Parameters<Harness['ok']>[0], local: string): Promise<string> {
  harness.clock.now = new Date(`${local}+08:00`);
  // The jump of the desk clock ends the session: sign in again at the new time.
  await harness.ok(client, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
  const { id } = await harness.ok(client, 'tickets.create', intake({ urgency: 'normal', reportedAt: new Date(`${local}+08:00`).toISOString() }));
  return (await harness.ok(client, 'tickets.get', { id })).responseDueAt;
}

describe('an update’s arrangement is previewed', () => {
  it('keeps the accepted days until the admin confirms the new ones', async () => {
    const dir = tempDir();
    h = await openHarness(dir);
    let { admin } = await h.signedIn();
    const before = await h.ok(admin, 'calendar.official', {});
    const y2026 = before.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ accepted: false, incoming: { digest: yearDigest(daysOfYear(OFFICIAL_HOLIDAYS, 2026)) } });
    await h.ok(admin, 'calendar.acceptOfficial', { year: 2026, digest: y2026.incoming!.digest });
    await h.close();

    // The app is updated: its bundled 2026 changed and a 2027 arrived.
    h = await openHarness(dir, { officialHolidays: update });
    admin = h.client();
    await h.ok(admin, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    const shown = await h.ok(admin, 'calendar.official', {});
    const changed = shown.find((y) => y.year === 2026)!;
    expect(changed.accepted).toBe(true);
    expect(changed.days).toEqual(daysOfYear(OFFICIAL_HOLIDAYS, 2026));
    expect(changed.incoming?.days).toContainEqual(madeUp('2026-12-24'));
    // Not confirmed: Thursday 24 December is still worked.
    expect(await respondBy(h, admin, '2026-12-23T17:00:00')).toBe('2026-12-24T08:00:00.000Z');

    // A stale digest (not what the app carries) is refused in the admin's words.
    const stale = await h.call(admin, 'calendar.acceptOfficial', { year: 2026, digest: y2026.incoming!.digest });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('法定节假日安排') } });

    const after = await h.ok(admin, 'calendar.acceptOfficial', { year: 2026, digest: changed.incoming!.digest });
    expect(after.find((y) => y.year === 2026)).toMatchObject({ accepted: true, incoming: null, days: daysOfYear(update, 2026) });
    expect(await respondBy(h, admin, '2026-12-23T17:00:00')).toBe('2026-12-25T08:00:00.000Z');

    // A year nobody accepted uses the bundled days, marked unconfirmed.
    const y2027 = shown.find((y) => y.year === 2027)!;
    expect(y2027).toMatchObject({ accepted: false, incoming: { days: daysOfYear(update, 2027) } });
    expect(await respondBy(h, admin, '2027-02-05T17:00:00')).toBe('2027-02-15T08:00:00.000Z');

    const trail = await h.core.db.query<{ action: string; changes: string }>("SELECT action, changes FROM audit_log WHERE entity = 'official_holidays' AND entity_id = 2026 ORDER BY id");
    expect(trail.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(trail[1]!.changes)).toHaveProperty('digest');
  });
});
