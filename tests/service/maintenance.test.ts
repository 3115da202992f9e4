/** Maintenance plans against a real SQLite file: generation across a gap of days, at start, concurrently; checklists; history. */
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core';
import { openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

let h: Harness;
afterEach(() => h?.close());

const checklist = [
  { id: 'filter', label: '清洗过滤网', kind: 'pass' as const },
  { id: 'outlet', label: '出风口温度', kind: 'value' as const, unit: '℃' },
];

async function desk() {
  h = await openHarness();
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  const customer = await h.ok(roles.supervisor, 'customers.create', { kind: 'company', name: '张江科技有限公司', contactPerson: '刘经理', phone: '021-58880000', keyAccount: true });
  return { ...roles, engineerId, customerId: customer.id };
}

type PlanInput = InputOf<'maintenance.plans.create'>;
const weekly = (customerId: number, engineerId: number, over: Partial<PlanInput> = {}): PlanInput => ({
  name: '空调周检', customerId, project: '三号楼', unit: 'week', every: 1, startDate: '2026-11-25', leadDays: 1, engineerId, checklist, ...over,
});

async function maintenanceTickets() {
  return h.core.db.query<{ id: number; due_date: string; problem_type: string; assigned_to: number | null; status: string; fault_description: string }>(
    'SELECT t.id, v.due_date, t.problem_type, t.assigned_to, t.status, t.fault_description FROM maintenance_visits v JOIN tickets t ON t.id = v.ticket_id ORDER BY v.due_date',
  );
}

const at = (iso: string) => { h.clock.now = new Date(iso); };

/** After a clock jump of days, sessions have expired: sign in again. */
async function signInAgain(c: Client, role: 'admin' | 'supervisor'): Promise<void> {
  await h.ok(c, 'auth.login', { username: role, password: `${role}-pass-1` });
}

describe('maintenance plans', () => {
  it('creates plans with a next due date, validates them, and lists them', async () => {
    const { supervisor, engineer, customerId, engineerId } = await desk();
    const plan = await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId));
    expect([plan.nextDue, plan.engineer?.id, plan.customer.name, plan.checklist.map((i) => i.unit)]).toEqual(['2026-11-25', engineerId, '张江科技有限公司', ['', '℃']]);
    const monthly = await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId, { name: '月检', unit: 'month', startDate: '2027-01-31' }));
    expect(monthly.nextDue).toBe('2027-01-31');
    const fixed = await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, null as unknown as number, { name: '年检', unit: 'fixed', fixedDates: ['2027-06-01', '2026-10-01', '2027-03-01'] }));
    // A new plan does not reach back before today: the October date is skipped.
    expect([fixed.nextDue, fixed.fixedDates, fixed.engineer]).toEqual(['2027-03-01', ['2026-10-01', '2027-03-01', '2027-06-01'], null]);
    expect((await h.ok(engineer, 'maintenance.plans.list', {})).map((p) => p.name)).toEqual(['空调周检', '月检', '年检']);
    const forbidden = await h.call(engineer, 'maintenance.plans.create', weekly(customerId, engineerId));
    expect(forbidden.ok === false && forbidden.error.code).toBe('FORBIDDEN');
  });

  it.each<[string, Partial<PlanInput>, string]>([
    ['fixed dates without a date', { unit: 'fixed', fixedDates: [] }, 'fixedDates'],
    ['a bad start date', { startDate: '2026-02-30' }, 'startDate'],
    ['every 0', { every: 0 }, 'every'],
    ['lead days beyond 90', { leadDays: 91 }, 'leadDays'],
    ['a duplicate checklist id', { checklist: [{ id: 'a', label: 'x', kind: 'pass' }, { id: 'a', label: 'y', kind: 'pass' }] }, 'checklist'],
    ['an unknown check kind', { checklist: [{ id: 'a', label: 'x', kind: 'maybe' as 'pass' }] }, 'checklist.0.kind'],
    ['an empty name', { name: '  ' }, 'name'],
  ])('refuses %s', async (_name, change, field) => {
    const { supervisor, customerId, engineerId } = await desk();
    const r = await h.call(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId, change));
    expect(r.ok === false && Object.keys(r.error.fields ?? {})).toEqual([field]);
  });

  it('refuses an unknown customer and a clerk as engineer', async () => {
    const { supervisor, customerId, engineerId } = await desk();
    const noCustomer = await h.call(supervisor, 'maintenance.plans.create', weekly(9999, engineerId));
    expect(noCustomer.ok === false && noCustomer.error.code).toBe('NOT_FOUND');
    const clerkId = (await h.ok(supervisor, 'users.directory', {})).find((u) => u.role === 'clerk')!.id;
    const notEngineer = await h.call(supervisor, 'maintenance.plans.create', weekly(customerId, clerkId));
    expect(notEngineer.ok === false && Object.keys(notEngineer.error.fields ?? {})).toEqual(['engineerId']);
  });
});

describe('the generator', () => {
  it('creates exactly one 维护保养 ticket per due date across a gap of days the app was closed', async () => {
    const { supervisor, admin, customerId, engineerId } = await desk();
    const plan = await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId));
    // 2026-11-24 (Shanghai): the 25th is one lead day away.
    expect(await h.ok(admin, 'maintenance.generate', {})).toEqual({ created: 1 });
    expect(await h.ok(admin, 'maintenance.generate', {})).toEqual({ created: 0 });
    // The clock jumps almost four weeks: every missed due date gets its ticket, the one a day ahead too.
    at('2026-12-22T02:00:00Z');
    await signInAgain(admin, 'admin');
    await signInAgain(supervisor, 'supervisor');
    expect(await h.ok(admin, 'maintenance.generate', {})).toEqual({ created: 4 });
    expect(await h.ok(admin, 'maintenance.generate', {})).toEqual({ created: 0 });
    const tickets = await maintenanceTickets();
    expect(tickets.map((t) => t.due_date)).toEqual(['2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']);
    expect(tickets.every((t) => t.problem_type === 'maintenance' && t.assigned_to === engineerId && t.status === 'registered')).toBe(true);
    expect(tickets[0]!.fault_description).toBe('定期维护保养：空调周检（三号楼），计划日期 2026-11-25');
    expect((await h.ok(supervisor, 'maintenance.plans.get', { id: plan.id })).nextDue).toBe('2026-12-30');
    const detail = await h.ok(supervisor, 'tickets.get', { id: tickets[0]!.id });
    expect([detail.problemType, detail.customer.name, detail.contactName, detail.maintenance?.dueDate, detail.events.map((e) => e.kind)]).toEqual([
      'maintenance', '张江科技有限公司', '刘经理', '2026-11-25', ['created', 'maintenanceGenerated'],
    ]);
  });

  it('runs when the app starts, catching up on the days it was closed', async () => {
    const { supervisor, customerId, engineerId } = await desk();
    await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId, { unit: 'day', every: 3, leadDays: 0 }));
    await h.close();
    // Closed for ten days; opening the core runs the generator (the same one the hourly timer runs).
    const core = await openCore({ dataDir: h.dir, now: () => new Date('2026-12-05T01:00:00Z'), log: () => undefined });
    try {
      await core.generateMaintenance();
      const dues = await core.db.query<{ due_date: string }>('SELECT due_date FROM maintenance_visits ORDER BY due_date');
      expect(dues.map((d) => d.due_date)).toEqual(['2026-11-25', '2026-11-28', '2026-12-01', '2026-12-04']);
    } finally {
      await core.close();
    }
    h = await openHarness(h.dir);
  });

  it('runs again by itself on its timer while the app stays open', async () => {
    h = await openHarness();
    await h.close();
    const core = await openCore({ dataDir: h.dir, now: () => h.clock.now, log: () => undefined, maintenanceEveryMs: 40 });
    try {
      const admin = h.client();
      const ok = async <T,>(r: Promise<Result<unknown>>): Promise<T> => {
        const v = await r;
        if (!v.ok) throw new Error(JSON.stringify(v.error));
        return v.value as T;
      };
      await ok(core.dispatch('auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' }, admin));
      const customer = await ok<{ id: number }>(core.dispatch('customers.create', { name: '张江科技', phone: '021-58880000' }, admin));
      await ok(core.dispatch('maintenance.plans.create', { name: '日检', customerId: customer.id, unit: 'day', every: 1, startDate: '2026-11-24' }, admin));
      // No one asks for it: the timer finds the plan due today.
      await expect.poll(async () => (await core.db.query('SELECT id FROM maintenance_visits')).length, { timeout: 5000 }).toBe(1);
    } finally {
      await core.close();
    }
    h = await openHarness(h.dir);
  });

  it('never generates twice, even with generators running at once in one process and in another', async () => {
    const { supervisor, admin, customerId, engineerId } = await desk();
    const plans = [];
    for (let i = 0; i < 3; i++) plans.push(await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId, { name: `计划${i}`, unit: 'day', every: 2, leadDays: 0 })));
    // The other process starts first: its start-time run finds nothing due yet, so every ticket below is counted.
    const other = await openCore({ dataDir: h.dir, now: () => h.clock.now, log: () => undefined, maintenanceEveryMs: null });
    expect((await other.generateMaintenance()).created).toBe(0);
    at('2026-12-10T01:00:00Z');
    await signInAgain(admin, 'admin');
    try {
      const runs = await Promise.allSettled([
        ...Array.from({ length: 8 }, () => h.call(admin, 'maintenance.generate', {})),
        h.core.generateMaintenance(),
        other.generateMaintenance(),
        other.generateMaintenance(),
      ]);
      // Another process may find the database busy and try again next hour; it never duplicates.
      const created = runs.map((r) => (r.status === 'fulfilled' ? ('ok' in r.value ? (r.value.ok ? r.value.value.created : 0) : r.value.created) : 0));
      const all = await maintenanceTickets();
      // 2026-11-25 … 2026-12-09 every other day: 8 due dates per plan.
      expect(all.length).toBe(24);
      expect(created.reduce((a, b) => a + b, 0)).toBe(24);
      expect(new Set(all.map((t) => t.id)).size).toBe(24);
      const perPlan = await h.core.db.query<{ plan_id: number; n: number; d: number }>('SELECT plan_id, COUNT(*) AS n, COUNT(DISTINCT due_date) AS d FROM maintenance_visits GROUP BY plan_id');
      expect(perPlan.map((p) => [p.n, p.d])).toEqual([[8, 8], [8, 8], [8, 8]]);
      await other.generateMaintenance();
      expect((await maintenanceTickets()).length).toBe(24);
    } finally {
      await other.close();
    }
    // The unique index itself refuses a second visit for the same plan and due date.
    const [v] = await h.core.db.query<{ plan_id: number; due_date: string; ticket_id: number }>('SELECT plan_id, due_date, ticket_id FROM maintenance_visits LIMIT 1');
    await expect(h.core.db.write((tx) => tx.insert('maintenance_visits', { plan_id: v!.plan_id, due_date: v!.due_date, ticket_id: v!.ticket_id, generated_at: 'x' }))).rejects.toThrow(/UNIQUE/);
  });

  it('an inactive plan generates nothing; a changed schedule starts from today without repeating a date', async () => {
    const { supervisor, admin, customerId, engineerId } = await desk();
    const plan = await h.ok(supervisor, 'maintenance.plans.create', weekly(customerId, engineerId));
    await h.ok(admin, 'maintenance.generate', {});
    const off = await h.ok(supervisor, 'maintenance.plans.update', { ...weekly(customerId, engineerId), id: plan.id, version: plan.version, active: false });
    at('2026-12-20T02:00:00Z');
    await signInAgain(admin, 'admin');
    await signInAgain(supervisor, 'supervisor');
    expect(await h.ok(admin, 'maintenance.generate', {})).toEqual({ created: 0 });
    const monthly = await h.ok(supervisor, 'maintenance.plans.update', { ...weekly(customerId, engineerId), id: plan.id, version: off.version, unit: 'month', startDate: '2026-11-25', active: true });
    expect(monthly.nextDue).toBe('2026-12-25');
    const stale = await h.call(supervisor, 'maintenance.plans.update', { ...weekly(customerId, engineerId), id: plan.id, version: off.version });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
  });
});

describe('checklist on the ticket and the plan history', () => {
  async function generated() {
    const roles = await desk();
    const plan = await h.ok(roles.supervisor, 'maintenance.plans.create', weekly(roles.customerId, roles.engineerId));
    await h.ok(roles.admin, 'maintenance.generate', {});
    const [t] = await maintenanceTickets();
    return { ...roles, plan, ticketId: t!.id };
  }

  it('the assigned engineer fills the checklist; results show in the plan history', async () => {
    const { engineer, supervisor, clerk, plan, ticketId } = await generated();
    const before = (await h.ok(engineer, 'tickets.get', { id: ticketId })).maintenance!;
    expect([before.checklist.length, before.summary]).toEqual([2, { total: 2, answered: 0, failed: 0 }]);
    const saved = await h.ok(engineer, 'maintenance.checklist.save', { ticketId, version: before.version, results: [{ id: 'filter', pass: false, note: '滤网破损，已更换' }, { id: 'outlet', value: 12.5 }] });
    expect([saved.summary, saved.results.map((r) => [r.id, r.pass, r.value])]).toEqual([{ total: 2, answered: 2, failed: 1 }, [['filter', false, null], ['outlet', null, 12.5]]]);
    const stale = await h.call(engineer, 'maintenance.checklist.save', { ticketId, version: before.version, results: [] });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    const wrongKind = await h.call(engineer, 'maintenance.checklist.save', { ticketId, version: saved.version, results: [{ id: 'filter', value: 3 }] });
    expect(wrongKind.ok === false && Object.keys(wrongKind.error.fields ?? {})).toEqual(['results']);
    const unknownItem = await h.call(engineer, 'maintenance.checklist.save', { ticketId, version: saved.version, results: [{ id: "x' OR 1=1", pass: true }] });
    expect(unknownItem.ok === false && unknownItem.error.code).toBe('VALIDATION');
    const byClerk = await h.call(clerk, 'maintenance.checklist.save', { ticketId, version: saved.version, results: [] });
    expect(byClerk.ok === false && byClerk.error.code).toBe('FORBIDDEN');
    const history = await h.ok(supervisor, 'maintenance.plans.get', { id: plan.id });
    expect(history.visits.map((v) => [v.dueDate, v.ticket.id, v.summary.failed, v.results.find((r) => r.id === 'filter')?.note])).toEqual([['2026-11-25', ticketId, 1, '滤网破损，已更换']]);
    expect((await h.ok(engineer, 'tickets.get', { id: ticketId })).events.at(-1)?.kind).toBe('checklist');
  });

  it('another engineer may not fill it; a ticket without a plan has no checklist', async () => {
    const { admin, ticketId } = await generated();
    await h.ok(admin, 'users.create', { username: 'eng2', displayName: '李工', role: 'engineer', password: 'eng2-pass-1' });
    const eng2: Client = h.client();
    await h.ok(eng2, 'auth.login', { username: 'eng2', password: 'eng2-pass-1' });
    const visit = (await h.ok(admin, 'tickets.get', { id: ticketId })).maintenance!;
    const r = await h.call(eng2, 'maintenance.checklist.save', { ticketId, version: visit.version, results: [] });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    const none = await h.call(admin, 'maintenance.checklist.save', { ticketId: 99999, version: 1, results: [] });
    expect(none.ok === false && none.error.code).toBe('NOT_FOUND');
  });
});
