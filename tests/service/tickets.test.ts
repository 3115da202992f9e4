import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

async function setup() {
  h = await openHarness();
  const roles = await h.signedIn();
  const model = await h.ok(roles.admin, 'models.create', { code: 'KFR-35', name: '智能空调', productLine: '家电', warrantyMonths: 12 });
  return { ...roles, model };
}

describe('ticket intake', () => {
  it('registers a ticket with a new customer and device in one go, with number, deadlines, warranty and timeline', async () => {
    const { clerk, admin, model } = await setup();
    const created = await h.ok(clerk, 'tickets.create', intake({
      newDevice: { serial: 'sn-202403x', modelId: model.id, purchaseDate: '2026-03-01' },
    }));
    expect(created.number).toBe('TS202611240001');
    const t = await h.ok(clerk, 'tickets.get', { id: created.id });
    expect(t).toMatchObject({
      status: 'registered',
      customer: { name: '陈先生', phone: '13800135678' },
      device: { serial: 'SN-202403X' },
      model: { code: 'KFR-35' },
      warrantyStatus: 'in',
      receivedBy: { name: 'clerk' },
      responseDueAt: '2026-11-24T05:30:00.000Z',
      resolveDueAt: '2026-11-25T01:30:00.000Z',
    });
    expect(t.events.map((e) => [e.kind, e.toStatus, e.actorName])).toEqual([['created', 'registered', 'clerk']]);
    const trail = await h.ok(admin, 'audit.list', { page: 1, pageSize: 50, actorId: null, entity: null, entityId: null, action: 'create', from: null, to: null, q: null });
    expect(trail.rows.map((r) => r.entity)).toEqual(expect.arrayContaining(['customers', 'devices', 'tickets']));
  });

  it('numbers follow the desk day in Asia/Shanghai: 16:00 UTC starts a new day', async () => {
    const { clerk } = await setup();
    h.clock.now = new Date('2026-11-24T15:59:00Z');
    expect((await h.ok(clerk, 'tickets.create', intake())).number).toBe('TS202611240001');
    h.clock.now = new Date('2026-11-24T16:00:00Z');
    expect((await h.ok(clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: 1 }))).number).toBe('TS202611250001');
  });

  it('fifty creates at the same instant get fifty unique numbers with no gap', async () => {
    const { clerk, supervisor } = await setup();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => h.ok(i % 2 ? clerk : supervisor, 'tickets.create', intake({ newCustomer: { name: `客户${i}`, phone: `1390000${String(i).padStart(4, '0')}` } }))),
    );
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `TS20261124${String(i + 1).padStart(4, '0')}`));
  });

  it('a create that fails leaves no gap and no half-saved customer', async () => {
    const { clerk, model } = await setup();
    await h.ok(clerk, 'tickets.create', intake({ newDevice: { serial: 'DUP-1', modelId: model.id } }));
    const customersBefore = (await h.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers'))!.n;
    const failed = await h.call(clerk, 'tickets.create', intake({ newCustomer: { name: '林女士', phone: '13912340139' }, newDevice: { serial: 'dup-1', modelId: model.id } }));
    expect(failed.ok === false && failed.error).toMatchObject({ code: 'DUPLICATE', fields: { serial: '序列号已存在。' } });
    expect((await h.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM customers'))!.n).toBe(customersBefore);
    expect((await h.ok(clerk, 'tickets.create', intake())).number).toBe('TS202611240002');
  });

  it('a safety risk is always urgent, whatever was picked', async () => {
    const { clerk } = await setup();
    const { id } = await h.ok(clerk, 'tickets.create', intake({ urgency: 'normal', safetyRisk: true, faultDescription: '插座附近冒烟' }));
    expect((await h.ok(clerk, 'tickets.get', { id })).urgency).toBe('urgent');
  });

  it.each(['冒烟', '焦味', '起火'])('a description with %s is a safety risk over the API too, and urgent', async (word) => {
    const { clerk } = await setup();
    const { id } = await h.ok(clerk, 'tickets.create', intake({ urgency: 'normal', faultDescription: `开机约十分钟后${word}` }));
    expect(await h.ok(clerk, 'tickets.get', { id })).toMatchObject({ urgency: 'urgent', safetyRisk: true });
  });

  it('an edit that adds a safety word makes the ticket urgent; a denied one does not', async () => {
    const { clerk } = await setup();
    const { id } = await h.ok(clerk, 'tickets.create', intake({ urgency: 'normal', faultDescription: '不制冷，无冒烟、无焦味' }));
    const t = await h.ok(clerk, 'tickets.get', { id });
    expect(t).toMatchObject({ urgency: 'normal', safetyRisk: false });
    const edited = await h.ok(clerk, 'tickets.update', {
      id, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: t.contactName, contactPhone: t.contactPhone,
      urgency: t.urgency, problemType: t.problemType, faultDescription: '不制冷，今早插头处有焦味',
    });
    expect(edited).toMatchObject({ urgency: 'urgent', safetyRisk: true });
  });

  it('refuses a report time later than the desk clock (beyond 5 minutes of clock skew), on create and on edit', async () => {
    const { clerk } = await setup(); // the desk clock reads 2026-11-24 10:00 UTC
    for (const reportedAt of ['2026-11-26T10:00:00.000Z', '2027-06-01T00:00:00.000Z', '2026-11-24T10:05:01.000Z']) {
      const r = await h.call(clerk, 'tickets.create', intake({ reportedAt }));
      expect(r.ok === false && r.error, reportedAt).toMatchObject({ code: 'VALIDATION', fields: { reportedAt: '报修时间不能晚于当前时间' } });
    }
    const { id } = await h.ok(clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T10:04:00.000Z' }));
    const t = await h.ok(clerk, 'tickets.get', { id });
    const edit = (reportedAt: string) => h.call(clerk, 'tickets.update', {
      id, version: t.version, channel: t.channel, reportedAt, contactName: t.contactName, contactPhone: t.contactPhone,
      urgency: t.urgency, problemType: t.problemType, faultDescription: t.faultDescription,
    });
    const later = await edit('2026-11-26T10:00:00.000Z');
    expect(later.ok === false && later.error.fields).toEqual({ reportedAt: '报修时间不能晚于当前时间' });
    expect((await edit('2026-11-24T09:00:00.000Z')).ok).toBe(true);
  });

  it('engineers may read tickets but not register them', async () => {
    const { engineer } = await setup();
    const r = await h.call(engineer, 'tickets.create', intake());
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
  });

  it('refuses a missing customer with a message on the field', async () => {
    const { clerk } = await setup();
    const r = await h.call(clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: 999 }));
    expect(r.ok === false && r.error).toMatchObject({ code: 'NOT_FOUND', fields: { customerId: '所选客户不存在。' } });
  });

  it('keeps a 10,000-character description whole', async () => {
    const { clerk } = await setup();
    const text = '屏幕偶尔失灵，触碰无反应。'.repeat(770).slice(0, 10_000);
    const { id } = await h.ok(clerk, 'tickets.create', intake({ faultDescription: text }));
    expect((await h.ok(clerk, 'tickets.get', { id })).faultDescription).toBe(text);
  });
});

describe('finding tickets', () => {
  it('finds by number, phone (any spelling), serial, customer name; newest first; paged', async () => {
    const { clerk, model } = await setup();
    const a = await h.ok(clerk, 'tickets.create', intake({ newDevice: { serial: 'P50-0001', modelId: model.id } }));
    h.clock.now = new Date('2026-11-24T03:00:00Z');
    const b = await h.ok(clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T02:30:00.000Z', contactPhone: '13912340139', newCustomer: { name: '林女士', salutation: 'ms', phone: '13912340139' } }));
    const numbers = async (q: string) => (await h.ok(clerk, 'tickets.list', { q })).rows.map((r) => r.number);
    expect(await numbers(a.number.toLowerCase())).toEqual([a.number]);
    expect(await numbers('+86 139-1234-0139')).toEqual([b.number]);
    expect(await numbers('p50-0001')).toEqual([a.number]);
    expect(await numbers('林')).toEqual([b.number]);
    expect(await numbers('')).toEqual([b.number, a.number]);
    const page2 = await h.ok(clerk, 'tickets.list', { pageSize: 1, page: 2 });
    expect([page2.total, page2.rows.map((r) => r.number)]).toEqual([2, [a.number]]);
  });

  it('filters by status, urgency and problem type', async () => {
    const { clerk } = await setup();
    await h.ok(clerk, 'tickets.create', intake({ urgency: 'urgent' }));
    await h.ok(clerk, 'tickets.create', intake({ problemType: 'complaint', newCustomer: undefined, customerId: 1 }));
    expect((await h.ok(clerk, 'tickets.list', { urgency: ['urgent'] })).total).toBe(1);
    expect((await h.ok(clerk, 'tickets.list', { problemType: ['complaint'] })).total).toBe(1);
    expect((await h.ok(clerk, 'tickets.list', { status: ['closed'] })).total).toBe(0);
  });

  it.each(["'; DROP TABLE tickets; --", '%', '_', '" OR 1=1 --', '\\'])('treats %s in search as text', async (q) => {
    const { clerk } = await setup();
    await h.ok(clerk, 'tickets.create', intake());
    expect((await h.ok(clerk, 'tickets.list', { q })).total).toBe(0);
    expect((await h.ok(clerk, 'customers.search', { q })).length).toBe(0);
    expect((await h.ok(clerk, 'tickets.list', {})).total).toBe(1);
  });

  it('customer type-ahead finds by phone prefix and name; device type-ahead by serial prefix with warranty', async () => {
    const { clerk, model } = await setup();
    await h.ok(clerk, 'tickets.create', intake({ newDevice: { serial: 'KF35-777', modelId: model.id, purchaseDate: '2024-01-01' } }));
    expect((await h.ok(clerk, 'customers.search', { q: '1380013' })).map((c) => c.name)).toEqual(['陈先生']);
    expect((await h.ok(clerk, 'customers.search', { q: '陈' })).map((c) => c.phone)).toEqual(['13800135678']);
    const devices = await h.ok(clerk, 'devices.search', { q: 'kf35' });
    expect(devices).toMatchObject([{ serial: 'KF35-777', modelCode: 'KFR-35', warrantyStatus: 'out', warrantyEnd: '2024-12-31', customerName: '陈先生' }]);
  });
});

describe('editing a ticket', () => {
  it('two users save the same version: the second gets a conflict and nothing is silently lost', async () => {
    const { clerk, supervisor } = await setup();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    const t = await h.ok(clerk, 'tickets.get', { id });
    const edit = (faultWhen: string) => ({
      id, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: t.contactName, contactPhone: t.contactPhone,
      urgency: t.urgency, problemType: t.problemType, faultDescription: t.faultDescription, faultWhen,
    });
    const [first, second] = await Promise.all([h.call(clerk, 'tickets.update', edit('开机后 10 分钟')), h.call(supervisor, 'tickets.update', edit('每天早上'))]);
    expect(first.ok).toBe(true);
    expect(second.ok === false && second.error).toMatchObject({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重新编辑。' });
    const after = await h.ok(clerk, 'tickets.get', { id });
    expect([after.faultWhen, after.version]).toEqual(['开机后 10 分钟', t.version + 1]);
    expect(after.events.map((e) => e.kind)).toEqual(['created', 'updated']);
  });

  it('raising the urgency recomputes the deadlines', async () => {
    const { clerk } = await setup();
    const { id } = await h.ok(clerk, 'tickets.create', intake({ urgency: 'normal' }));
    const t = await h.ok(clerk, 'tickets.get', { id });
    const updated = await h.ok(clerk, 'tickets.update', {
      id, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: t.contactName, contactPhone: t.contactPhone,
      urgency: 'urgent', problemType: t.problemType, faultDescription: t.faultDescription,
    });
    expect([updated.responseDueAt, updated.resolveDueAt]).toEqual(['2026-11-24T03:30:00.000Z', '2026-11-24T05:30:00.000Z']);
  });
});
