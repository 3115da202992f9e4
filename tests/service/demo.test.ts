/**
 * The demo desk is a lived-in service centre at any desk clock: every lifecycle stage, every register state,
 * every receivables bucket, this month's figures (even at 00:05 on the 1st), low stock, a due maintenance plan,
 * this week's schedule and demo accounts that sign in with the password shown. Checked through the API.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import { addDays } from '../../shared/domain/maintenance';
import { RETURN_STATES } from '../../shared/domain/returns';
import { TICKET_STATUSES } from '../../shared/domain/ticket';
import { ARTICLE_STATES } from '../../shared/domain/knowledge';
import { localDate } from '../../shared/domain/time';
import { openHarness, type Harness } from './harness';

const ZONE = 'Asia/Shanghai';
let h: Harness | undefined;

afterEach(async () => {
  if (!h) return;
  await h.close();
  fs.rmSync(h.dir, { recursive: true, force: true });
  h = undefined;
});

/** A desk whose clock reads `at`, its admin signed in, the demo loaded. */
async function demoDesk(at: string): Promise<{ admin: Client; today: string }> {
  h = await openHarness();
  h.clock.now = new Date(at);
  const admin = h.client();
  await h.ok(admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
  await h.ok(admin, 'demo.load', {});
  return { admin, today: localDate(h.clock.now, ZONE) };
}

async function lifecycle(admin: Client): Promise<void> {
  const total = async (input: object) => (await h!.ok(admin, 'tickets.list', { pageSize: 200, ...input })).total;
  for (const status of TICKET_STATUSES) expect(await total({ status: [status] }), status).toBeGreaterThan(0);
  expect(await total({ overdue: true }), 'overdue').toBeGreaterThan(0);
  const details = async (status: (typeof TICKET_STATUSES)[number]) => {
    const { rows } = await h!.ok(admin, 'tickets.list', { status: [status], pageSize: 200 });
    return Promise.all(rows.map((r) => h!.ok(admin, 'tickets.get', { id: r.id })));
  };
  const planning = await details('planning');
  expect(planning.some((t) => t.progress.needsApproval && t.progress.approvedAt && !t.progress.consentAt), 'waiting for consent').toBe(true);
  expect((await details('in_service')).some((t) => t.progress.pauseReason === 'parts'), 'paused for parts').toBe(true);
  const closed = await details('closed');
  expect(closed.every((t) => t.progress.satisfaction && t.progress.attachments.some((a) => a.kind === 'signature')), 'signed and rated').toBe(true);
  expect(closed.some((t) => t.progress.needsApproval && t.progress.approvedAt && t.progress.consentAt), 'a major plan approved and consented').toBe(true);
  expect((await details('diagnosing')).some((t) => t.progress.reopenCount > 0), 'reopened after an unsolved follow-up').toBe(true);
}

async function depotAndMoney(admin: Client): Promise<void> {
  for (const state of RETURN_STATES) expect((await h!.ok(admin, 'returns.list', { states: [state] })).total, state).toBeGreaterThan(0);
  expect((await h!.ok(admin, 'returns.list', { overdueOnly: true })).total, 'past its expected date').toBeGreaterThan(0);
  const owed = await h!.ok(admin, 'receivables.list', {});
  for (const bucket of ['d0_30', 'd31_60', 'd61_90', 'over90'] as const) expect(owed.reduce((n, r) => n + r.buckets[bucket], 0), bucket).toBeGreaterThan(0);
  const { rows } = await h!.ok(admin, 'tickets.list', { pageSize: 200 });
  const fees = await Promise.all(rows.map((r) => h!.ok(admin, 'quotes.get', { ticketId: r.id })));
  const quotes = fees.flatMap((f) => f.quotes);
  expect(new Set(quotes.map((q) => q.status))).toEqual(new Set(['pending', 'accepted']));
  expect(quotes.some((q) => q.consentSignatureId !== null), 'a quote signed on site').toBe(true);
  const bills = fees.flatMap((f) => (f.bill ? [f.bill] : []));
  expect(bills.some((b) => b.balanceFen === 0 && b.paidFen > 0), 'paid in full').toBe(true);
  expect(bills.some((b) => b.balanceFen > 0 && b.paidFen > 0 && b.ackAt), 'paid in part, the rest acknowledged').toBe(true);
  // Never a chargeable bill without the customer's consent to its quote.
  for (const f of fees.filter((x) => x.bill)) expect(f.quotes.some((q) => q.status === 'accepted')).toBe(true);
}

async function thisMonth(admin: Client, today: string): Promise<void> {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const { current } = await h!.ok(admin, 'reports.statistics', { from: `${today.slice(0, 7)}-01`, to });
  expect([current.received, current.closed, current.satisfaction.total, current.followUps.done].every((n) => n > 0), JSON.stringify(current)).toBe(true);
  expect(current.complaints, 'a complaint this month').toBeGreaterThan(0);
  expect(current.repeatFaults.tickets, 'a repeat fault this month').toBeGreaterThan(0);
  // Today's numbers carry today's date: the demo's clock moved with each step.
  const [newest] = (await h!.ok(admin, 'tickets.list', { pageSize: 1 })).rows;
  expect(newest!.number.slice(2, 10)).toBe(today.replaceAll('-', ''));
}

async function deskAround(admin: Client, today: string): Promise<void> {
  expect((await h!.ok(admin, 'stock.low', {})).length).toBeGreaterThan(0);
  for (const state of ARTICLE_STATES) expect((await h!.ok(admin, 'knowledge.search', { q: '', states: [state] })).length, state).toBeGreaterThan(0);
  const plans = await h!.ok(admin, 'maintenance.plans.list', {});
  expect(plans.some((p) => p.active && p.nextDue !== null && p.nextDue <= addDays(today, p.leadDays)), 'a plan due').toBe(true);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  expect((await h!.ok(admin, 'schedule.list', { from: monday, to: addDays(monday, 6) })).length).toBeGreaterThan(0);
  // Engineers' time (工时) logged on the work they did, for the labour figures and the workbook's sheet.
  const { labour } = (await h!.ok(admin, 'reports.statistics', { from: addDays(today, -60), to: today })).current;
  expect(labour.minutes, 'labour logged').toBeGreaterThan(0);
  expect(labour.byEngineer.length, 'labour of both engineers').toBeGreaterThanOrEqual(2);
  // The due plan is what the generator picks up next.
  expect((await h!.ok(admin, 'maintenance.generate', {})).created).toBeGreaterThan(0);
}

/** The manufacturer's loop is not empty: loaners (one out, one back), 返厂单 in every state, defective stock left. */
async function loop(admin: Client): Promise<void> {
  const pool = await h!.ok(admin, 'loaners.list', { show: 'all' });
  expect(pool.map((l) => [l.serial, l.state])).toEqual(expect.arrayContaining([['LN-P50-01', 'available'], ['LN-P50-02', 'lent'], ['LN-T20-01', 'available']]));
  const [back] = await h!.core.db.query<{ refund_fen: number }>("SELECT l.refund_fen FROM loans l JOIN loaners o ON o.id = l.loaner_id WHERE o.serial = 'LN-P50-01' AND l.returned_at IS NOT NULL");
  expect(back?.refund_fen, 'a loaner back, its deposit refunded').toBe(50_000);
  const orders = await h!.ok(admin, 'factoryReturns.list', {});
  expect(new Set(orders.map((o) => o.state))).toEqual(new Set(['credited', 'repaired', 'received', 'open']));
  expect(orders.find((o) => o.state === 'credited')!.creditFen).toBeGreaterThan(0);
  expect((await h!.ok(admin, 'factoryReturns.outstanding', {})).map((s) => s.supplier).sort()).toEqual(['东莞整机厂', '深圳华显科技']);
  expect((await h!.ok(admin, 'defective.list', {})).length, 'defective stock left for the next 返厂单').toBeGreaterThan(0);
}

async function accounts(): Promise<void> {
  const status = await h!.ok(h!.client(), 'auth.status', {});
  const shown = status.demoAccounts ?? [];
  expect(shown.map((a) => [a.displayName, a.role])).toEqual([['王客服', 'clerk'], ['张工', 'engineer'], ['李工', 'engineer'], ['赵主管', 'supervisor']]);
  for (const a of shown) {
    const c = h!.client();
    expect((await h!.ok(c, 'auth.login', { username: a.username, password: a.password })).role).toBe(a.role);
  }
}

const CLOCKS: [string, string][] = [
  ['the 1st of a month at 00:05, also New Year', '2027-01-01T00:05:00+08:00'],
  ['a mid-month day', '2026-11-17T11:00:00+08:00'],
  ['1 January at noon', '2028-01-01T12:00:00+08:00'],
  ['29 February', '2028-02-29T12:00:00+08:00'],
  ['a minute before March', '2027-02-28T23:59:00+08:00'],
  ['the first working day after 国庆', '2026-10-08T09:00:00+08:00'],
];

describe('the demo desk', () => {
  it.each(CLOCKS)('at %s (%s) has every stage, register state, ageing bucket and this month’s figures', async (_name, at) => {
    const { admin, today } = await demoDesk(at);
    await lifecycle(admin);
    await depotAndMoney(admin);
    await thisMonth(admin, today);
    await accounts();
    await loop(admin);
    await deskAround(admin, today);
  }, 120_000);

  it('keeps the seed 001 samples and the knowledge base the tickets were built on', async () => {
    const { admin } = await demoDesk('2026-11-24T18:00:00+08:00');
    const registered = await h!.ok(admin, 'tickets.list', { q: '制冷效果差', status: ['registered'] });
    expect(registered.rows.map((r) => [r.modelCode, r.customerName])).toEqual([['KFR-35', '陈先生']]);
    const touch = (await h!.ok(admin, 'tickets.list', { q: '屏幕偶尔失灵', status: ['diagnosing'] })).rows[0]!;
    expect((await h!.ok(admin, 'knowledge.linked', { ticketId: touch.id })).map((a) => a.title)).toEqual(['手机屏幕偶尔失灵（触摸无反应）']);
  }, 60_000);
});

describe('demo accounts on the sign-in screen', () => {
  it('are never shown on a real desk, even for an account named and keyed like one', async () => {
    h = await openHarness();
    const admin = h.client();
    await h.ok(admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    await h.ok(admin, 'users.create', { username: 'zhaozg', displayName: '赵主管', role: 'supervisor', password: 'demo1234' });
    expect((await h.ok(h.client(), 'auth.status', {})).demoAccounts).toBeUndefined();
  });

  it('stop showing an account once the admin has reset its password', async () => {
    const { admin } = await demoDesk('2026-11-24T18:00:00+08:00');
    const zhang = (await h!.ok(admin, 'users.list', {})).find((u) => u.username === 'zhanggong')!;
    await h!.ok(admin, 'users.resetPassword', { id: zhang.id, password: 'a-new-secret' });
    expect((await h!.ok(h!.client(), 'auth.status', {})).demoAccounts!.map((a) => a.username)).toEqual(['wangkf', 'ligong', 'zhaozg']);
  }, 60_000);
});
