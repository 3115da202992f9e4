/** What the contract fuzz found, pinned down: each answered in words on its field, never INTERNAL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';

let h: Harness;
let c: Record<Role, Client>;
beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
});
afterEach(() => h.close());

describe('a device', () => {
  it('naming an owner that does not exist is refused on the field (the foreign key made it INTERNAL)', async () => {
    const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
    const created = await h.call(c.clerk, 'devices.create', { serial: 'SN-1', modelId: model.id, customerId: 2_147_483_648 });
    expect(created.ok === false && [created.error.code, created.error.fields?.customerId]).toEqual(['NOT_FOUND', '所选客户不存在。']);
    const device = await h.ok(c.clerk, 'devices.create', { serial: 'SN-1', modelId: model.id });
    const updated = await h.call(c.clerk, 'devices.update', { id: device.id, version: device.version, serial: 'SN-1', modelId: model.id, customerId: 99 });
    expect(updated.ok === false && updated.error.fields?.customerId).toBe('所选客户不存在。');
    const noModel = await h.call(c.clerk, 'devices.update', { id: device.id, version: device.version, serial: 'SN-1', modelId: 99 });
    expect(noModel.ok === false && noModel.error.fields?.modelId).toBe('所选产品型号不存在。');
  });
});
