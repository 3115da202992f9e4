/**
 * 响应及时率 and 解决及时率 count only tickets that are decided: answered or resolved, or past their
 * deadline on the desk clock. Tickets still inside their deadline are neither late nor on time yet
 * (issue 16: three answered in time and three not yet due read 0.6 and 0.4).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { deadlineVerdict, onTimeRate } from '../../shared/domain/statistics';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const MONTH = { from: '2026-11-01', to: '2026-11-30' };

let h: Harness;
afterEach(() => h?.close());

async function desk() {
  h = await openHarness();
  const c = await h.signedIn();
  const engineerId = (await h.ok(c.supervisor, 'users.engineers', {}))[0]!.id;
  const move = async (who: Client, id: number, input: Record<string, unknown>) => {
    const t = await h.ok(who, 'tickets.get', { id });
    await h.ok(who, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
  };
  /** Answered and resolved at once: well inside both deadlines. */
  const resolveNow = async (id: number) => {
    await move(c.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
    await move(c.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: 'd', repairPlan: 'p' });
    await move(c.supervisor, id, { move: 'dispatch', engineerId });
    await move(c.engineer, id, { move: 'startService' });
    await move(c.engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  };
  const signInAgain = async () => {
    for (const role of ['clerk', 'engineer', 'supervisor'] as Role[]) await h.ok(c[role], 'auth.login', { username: role, password: `${role}-pass-1` });
  };
  return { c, resolveNow, signInAgain };
}

/**
 * The month's six tickets, reported from 09:00 at the desk (01:00 UTC) ten minutes apart: three answered and
 * resolved a minute after their report, three left untouched. The clock then reads 10:30 at the desk, inside
 * every deadline (important: respond within 4 working hours, resolve within 24 hours).
 */
async function sixTickets(resolveNow: (id: number) => Promise<void>, clerk: Client) {
  for (let i = 0; i < 6; i++) {
    const reportedAt = new Date(Date.UTC(2026, 10, 24, 1, i * 10));
    h.clock.now = new Date(reportedAt.getTime() + 60_000);
    const { id } = await h.ok(clerk, 'tickets.create', intake({ reportedAt: reportedAt.toISOString(), urgency: 'important' }));
    if (i % 2 === 0) await resolveNow(id);
  }
  h.clock.now = new Date('2026-11-24T02:30:00Z');
}

describe('on-time rates', () => {
  it('three answered and resolved in time and three not yet due read 100 %, in the statistics and the workbook', async () => {
    const { c, resolveNow } = await desk();
    await sixTickets(resolveNow, c.clerk);
    const { current } = await h.ok(c.supervisor, 'reports.statistics', MONTH);
    expect([current.response.withinTargetRate, current.resolution.withinTargetRate]).toEqual([1, 1]);
    expect([current.response.decided, current.response.onTime, current.resolution.decided]).toEqual([3, 3, 3]);

    const file = await h.ok(c.supervisor, 'reports.monthlyWorkbook', MONTH);
    const book = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['汇总']!, { header: 1, blankrows: false });
    const byName = new Map(summary.map((r) => [r[0], r[1]]));
    expect([byName.get('响应及时率'), byName.get('解决及时率')]).toEqual([1, 1]);
    const times = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['响应与解决时效']!, { header: 1, blankrows: false });
    // The sheet says how the rate is computed.
    expect(times.flat().join('\n')).toContain('期限未到且尚未完成的工单不计入');
  });

  it('once their deadlines pass on the desk clock, the three left undone count as late', async () => {
    const { c, resolveNow, signInAgain } = await desk();
    await sixTickets(resolveNow, c.clerk);
    h.clock.now = new Date('2026-12-10T00:00:00Z');
    await signInAgain();
    const { current } = await h.ok(c.supervisor, 'reports.statistics', MONTH);
    expect([current.response.withinTargetRate, current.resolution.withinTargetRate]).toEqual([0.5, 0.5]);
    expect([current.response.decided, current.resolution.decided]).toEqual([6, 6]);
  });

  it('the figures are the shared rule applied to every ticket of the month', async () => {
    const { c, resolveNow, signInAgain } = await desk();
    await sixTickets(resolveNow, c.clerk);
    // Part way (16:00 at the desk): the pending responses are late, the pending resolutions still due.
    h.clock.now = new Date('2026-11-24T08:00:00Z');
    await signInAgain();
    const { current } = await h.ok(c.supervisor, 'reports.statistics', MONTH);
    const now = h.clock.now.toISOString();
    const rows = await h.core.db.query<{ responded_at: string | null; response_due_at: string; resolved_at: string | null; resolve_due_at: string }>(
      "SELECT responded_at, response_due_at, resolved_at, resolve_due_at FROM tickets WHERE status <> 'cancelled'",
    );
    const response = rows.map((r) => deadlineVerdict({ doneAt: r.responded_at, dueAt: r.response_due_at }, now));
    const resolution = rows.map((r) => deadlineVerdict({ doneAt: r.resolved_at, dueAt: r.resolve_due_at }, now));
    expect(response).toContain('late');
    expect(resolution).toContain('pending');
    expect([current.response.withinTargetRate, current.resolution.withinTargetRate]).toEqual([onTimeRate(response), onTimeRate(resolution)]);
  });
});
