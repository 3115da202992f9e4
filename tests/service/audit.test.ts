/** The admin's audit viewer: filters by user, record, action, date and changed text; paging; bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;
let cancelledId: number;
let userIds: Record<string, number>;

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  userIds = Object.fromEntries((await h.ok(c.admin, 'users.list', {})).map((u) => [u.username, u.id]));
  ({ id: ticketId } = await h.ok(c.clerk, 'tickets.create', intake()));
  h.clock.now = new Date('2026-11-24T17:00:00Z'); // 01:00 the next desk day
  const t = await h.ok(c.clerk, 'tickets.get', { id: ticketId });
  await h.ok(c.supervisor, 'tickets.update', {
    id: ticketId, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: '陈先生', contactPhone: t.contactPhone,
    urgency: 'urgent', problemType: t.problemType, faultDescription: "50% 漏水'; DROP TABLE audit_log; --",
  });
  ({ id: cancelledId } = await h.ok(c.clerk, 'tickets.create', intake({ contactName: '王女士' })));
  const u = await h.ok(c.clerk, 'tickets.get', { id: cancelledId });
  await h.ok(c.supervisor, 'tickets.move', { id: cancelledId, version: u.version, move: 'cancel', reason: '客户重复报修' } as InputOf<'tickets.move'>);
});
afterAll(() => h.close());

const list = (input: Partial<InputOf<'audit.list'>>) => h.ok(c.admin, 'audit.list', input as InputOf<'audit.list'>);

describe('audit viewer', () => {
  it('shows who, what, when and each changed field before and after, newest first', async () => {
    const page = await list({ entity: 'tickets', entityId: ticketId });
    expect(page.rows.map((r) => [r.action, r.actorName])).toEqual([['update', 'supervisor'], ['create', 'clerk']]);
    expect(page.rows[0]!.changes).toMatchObject({ urgency: ['important', 'urgent'], fault_description: ['制冷效果差，出风温度高于设定温度5℃', "50% 漏水'; DROP TABLE audit_log; --"] });
    expect(page.rows[0]!.at).toBe('2026-11-24T17:00:00.000Z');
  });

  it('filters by user, action and desk-local dates', async () => {
    const bySupervisor = await list({ actorId: userIds.supervisor! });
    expect(bySupervisor.rows.every((r) => r.actorId === userIds.supervisor)).toBe(true);
    expect(bySupervisor.rows.filter((r) => r.entity === 'tickets').map((r) => r.entityId).sort()).toEqual([ticketId, cancelledId].sort());
    const creations = await list({ entity: 'tickets', action: 'create' });
    expect(creations.total).toBe(2);
    // 2026-11-24 at the desk (Asia/Shanghai) ends at 16:00 UTC: the set-up and the first ticket, not the next day's edits.
    const firstDay = await list({ from: '2026-11-24', to: '2026-11-24', entity: 'tickets' });
    expect(firstDay.rows.map((r) => [r.entityId, r.action])).toEqual([[ticketId, 'create']]);
    const nextDay = await list({ from: '2026-11-25', to: '2026-11-25', entity: 'tickets' });
    expect(nextDay.total).toBe(3);
  });

  it('cancelled tickets are findable by the changed text; SQL-looking and wildcard text is only text', async () => {
    const cancelled = await list({ q: 'cancelled' });
    expect(cancelled.rows.map((r) => [r.entityId, r.changes.status])).toEqual([[cancelledId, ['registered', 'cancelled']]]);
    expect((await list({ q: "'; DROP TABLE audit_log; --" })).rows.map((r) => r.entityId)).toEqual([ticketId]);
    expect((await list({ q: '50%' })).total).toBe(1);
    expect((await list({ q: '%' })).total).toBe(1); // a literal percent sign, not "anything"
    expect((await list({ q: '_' })).total).toBeGreaterThan(0); // field names contain underscores
    expect((await list({ q: 'x_y' })).total).toBe(0);
    expect((await list({ entity: "tickets' OR '1'='1" })).total).toBe(0);
    expect((await list({})).total).toBeGreaterThan(5); // the table survived
  });

  it('pages through the trail', async () => {
    const all = await list({ pageSize: 200 });
    const first = await list({ pageSize: 2, page: 1 });
    const second = await list({ pageSize: 2, page: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 4).map((r) => r.id));
    expect((await list({ pageSize: 2, page: 1000 })).rows).toEqual([]);
  });

  it('refuses bad input and other roles', async () => {
    const bad = async (input: unknown) => {
      const r = await h.call(c.admin, 'audit.list', input as InputOf<'audit.list'>);
      return r.ok ? null : r.error;
    };
    expect((await bad({ from: '2026-11-25', to: '2026-11-24' }))?.fields).toEqual({ to: '结束日期须不早于开始日期' });
    expect((await bad({ from: '2026-13-01' }))?.code).toBe('VALIDATION');
    expect((await bad({ q: 'x'.repeat(101) }))?.code).toBe('VALIDATION');
    expect((await bad({ actorId: 'admin' }))?.code).toBe('VALIDATION');
    expect((await bad({ action: 'delete' }))?.code).toBe('VALIDATION');
    const denied = await h.call(c.supervisor, 'audit.list', {} as InputOf<'audit.list'>);
    expect(denied.ok === false && denied.error.code).toBe('FORBIDDEN');
  });
});
