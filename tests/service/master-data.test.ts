/** Product models (import), the customer and device pages, and the supervisor's warranty correction with its audit. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';

let h: Harness;
let c: Record<Role, Client>;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
});
afterEach(() => h.close());

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');
const MODELS = '型号编码,型号名称,产品线,保修月数,启用\r\nKFR-35GW,分体式空调,空调,12,是\r\nP50,手机,手机,24,\r\nOLD-1,老款净水器,净水器,12,停用\r\n';

describe('importing product models', () => {
  it('previews, imports all rows for a supervisor, and reads the active column', async () => {
    const preview = await h.ok(c.supervisor, 'imports.preview', { kind: 'models', fileName: '型号.csv', dataBase64: csv(MODELS) });
    expect([preview.rows, preview.valid, preview.problems]).toEqual([3, 3, []]);
    expect(preview.columns.map((col) => col.field)).toEqual(['code', 'name', 'productLine', 'warrantyMonths', 'active']);
    expect(await h.ok(c.supervisor, 'imports.run', { kind: 'models', fileName: '型号.csv', dataBase64: csv(MODELS) })).toEqual({ imported: 3 });
    const models = await h.ok(c.clerk, 'models.list', {});
    expect(models.map((m) => [m.code, m.productLine, m.warrantyMonths, m.active])).toEqual([
      ['P50', '手机', 24, true],
      ['KFR-35GW', '空调', 12, true],
      ['OLD-1', '净水器', 12, false],
    ]);
  });

  it('says each bad row in words and imports nothing while one is wrong', async () => {
    await h.ok(c.admin, 'models.create', { code: 'KFR-35GW', name: '分体式空调', productLine: '空调', warrantyMonths: 12 });
    const bad = '型号编码,型号名称,产品线,保修月数\r\nkfr-35gw,重复,空调,12\r\nX1,新款,,12\r\nX2,新款二,手机,十二\r\nX3,新款三,手机,12\r\nX3,又一个,手机,12\r\n';
    const preview = await h.ok(c.admin, 'imports.preview', { kind: 'models', fileName: '型号.csv', dataBase64: csv(bad) });
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '型号编码'],
      [3, '产品线'],
      [4, '保修月数'],
      [6, '型号编码'],
    ]);
    expect(preview.problems[0]!.message).toBe('该记录已登记。');
    expect(preview.problems[3]!.message).toBe('与第 5 行重复。');
    const refused = await h.call(c.admin, 'imports.run', { kind: 'models', fileName: '型号.csv', dataBase64: csv(bad) });
    expect(refused.ok).toBe(false);
    expect((await h.ok(c.admin, 'models.list', {})).map((m) => m.code)).toEqual(['KFR-35GW']);
  });

  it('is the supervisor’s and the admin’s: a clerk is refused in words', async () => {
    const r = await h.call(c.clerk, 'imports.preview', { kind: 'models', fileName: '型号.csv', dataBase64: csv(MODELS) });
    expect(r.ok === false && [r.error.code, r.error.message]).toEqual(['FORBIDDEN', '产品型号只能由主管或管理员导入。']);
  });
});

async function deviceWithTickets() {
  const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35GW', name: '分体式空调', productLine: '空调', warrantyMonths: 12 });
  const customer = await h.ok(c.clerk, 'customers.create', { name: '陈先生', salutation: 'mr', phone: '13800135678' });
  const device = await h.ok(c.clerk, 'devices.create', { serial: 'sn-001', modelId: model.id, customerId: customer.id, purchaseDate: '2025-10-01' });
  await h.ok(c.clerk, 'devices.create', { serial: 'SN-002', modelId: model.id, customerId: customer.id, purchaseDate: '2026-06-01' });
  const first = await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: customer.id, deviceId: device.id, reportedAt: '2026-11-20T01:00:00.000Z' }));
  const second = await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: customer.id, reportedAt: '2026-11-23T01:00:00.000Z' }));
  return { model, customer, device, first, second };
}

describe('the customer and device pages', () => {
  it('show the customer’s devices with their warranty today and their tickets newest first', async () => {
    const { customer, first, second } = await deviceWithTickets();
    const profile = await h.ok(c.engineer, 'customers.profile', { id: customer.id });
    expect(profile.customer.name).toBe('陈先生');
    // The desk's today is 2026-11-24: bought 2025-10-01 with 12 months, the first device is out of warranty.
    expect(profile.devices.map((d) => [d.serial, d.modelCode, d.warrantyStatus, d.warrantyEnd])).toEqual([
      ['SN-001', 'KFR-35GW', 'out', '2026-09-30'],
      ['SN-002', 'KFR-35GW', 'in', '2027-05-31'],
    ]);
    expect(profile.tickets.map((t) => t.number)).toEqual([second.number, first.number]);
    expect(profile.ticketTotal).toBe(2);
  });

  it('show the device with its model, owner, warranty in effect and only its own tickets', async () => {
    const { device, customer, first } = await deviceWithTickets();
    const profile = await h.ok(c.clerk, 'devices.profile', { id: device.id });
    expect([profile.device.serial, profile.model.code, profile.owner?.id, profile.warrantyStatus, profile.warrantyEnd]).toEqual(['SN-001', 'KFR-35GW', customer.id, 'out', '2026-09-30']);
    expect(profile.tickets.map((t) => [t.number, t.serial])).toEqual([[first.number, 'SN-001']]);
    const missing = await h.call(c.clerk, 'devices.profile', { id: 999 });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
  });
});

describe('correcting a device’s warranty', () => {
  it('a supervisor corrects the dates with a reason; the audit trail keeps both and the warranty follows', async () => {
    const { device } = await deviceWithTickets();
    const fixed = await h.ok(c.supervisor, 'devices.correctWarranty', {
      id: device.id, version: device.version, purchaseDate: '2025-10-01', installDate: null, warrantyEnd: '2027-03-31', reason: '经销商延保凭证 YB-2291',
    });
    expect([fixed.warrantyEnd, fixed.version]).toEqual(['2027-03-31', device.version + 1]);
    expect((await h.ok(c.clerk, 'devices.profile', { id: device.id })).warrantyStatus).toBe('in');
    const trail = await h.ok(c.admin, 'audit.list', { entity: 'devices', entityId: device.id, action: 'update' });
    expect(trail.rows[0]).toMatchObject({ actorName: 'supervisor', changes: { warranty_end: [null, '2027-03-31'], reason: [null, '经销商延保凭证 YB-2291'] } });
    expect((await h.ok(c.admin, 'audit.list', { q: 'YB-2291' })).total).toBe(1);
  });

  it('is refused to the clerk and the engineer, without a reason, with a bad date, and on a stale version', async () => {
    const { device } = await deviceWithTickets();
    const input = { id: device.id, version: device.version, purchaseDate: '2025-10-01', installDate: null, warrantyEnd: '2027-03-31', reason: '延保' };
    for (const who of [c.clerk, c.engineer]) {
      const r = await h.call(who, 'devices.correctWarranty', input);
      expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    }
    const noReason = await h.call(c.supervisor, 'devices.correctWarranty', { ...input, reason: '  ' });
    expect(noReason.ok === false && [noReason.error.code, noReason.error.fields?.reason]).toEqual(['VALIDATION', '必填']);
    const badDate = await h.call(c.supervisor, 'devices.correctWarranty', { ...input, warrantyEnd: '2027-02-30' });
    expect(badDate.ok === false && Object.keys(badDate.error.fields ?? {})).toEqual(['warrantyEnd']);
    await h.ok(c.supervisor, 'devices.correctWarranty', input);
    const stale = await h.call(c.admin, 'devices.correctWarranty', { ...input, warrantyEnd: '2028-01-01' });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    expect((await h.ok(c.admin, 'audit.list', { entity: 'devices', entityId: device.id, action: 'update' })).total).toBe(1);
  });

  it('devices.update corrects the rest but leaves the warranty dates to the correction', async () => {
    const { device, model } = await deviceWithTickets();
    const base = { id: device.id, version: device.version, serial: 'SN-001', modelId: model.id, customerId: device.customerId, purchaseDate: '2025-10-01' };
    const refused = await h.call(c.clerk, 'devices.update', { ...base, warrantyEnd: '2030-01-01' });
    expect(refused.ok === false && [refused.error.code, refused.error.fields]).toEqual(['VALIDATION', { warrantyEnd: '保修相关日期只能由主管在设备页更正，并写明原因。' }]);
    const moved = await h.ok(c.clerk, 'devices.update', { ...base, purchaseChannel: '京东自营' });
    expect([moved.purchaseChannel, moved.warrantyEnd]).toEqual(['京东自营', null]);
  });
});
