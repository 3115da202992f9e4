/**
 * Part quantities in their unit's decimals (issue 21: 0.8 kg of refrigerant was saved as 1): the service
 * record keeps 0.8 kg, stock moves by exactly 0.8 without binary drift, and a quantity the unit does not
 * allow is refused on its field in words, never rounded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';

let h: Harness;
afterEach(() => h?.close());

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function inService() {
  h = await openHarness();
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  const { id } = await h.ok(roles.clerk, 'tickets.create', intake());
  await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '冷媒不足', repairPlan: '检漏补焊，加注 R32', estimateFen: 0 });
  await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId });
  await moveOk(roles.engineer, id, { move: 'startService' });
  const r32 = await h.ok(roles.supervisor, 'parts.create', { partNo: 'R32', name: '制冷剂 R32', unit: 'kg', priceFen: 8000, consumable: true });
  await h.ok(roles.supervisor, 'stock.move', { partId: r32.id, kind: 'receive', quantity: 10, reason: '' });
  return { ...roles, id, r32 };
}

async function record(c: Client, id: number, parts: InputOf<'tickets.recordService'>['parts']) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.call(c, 'tickets.recordService', { id, version: t.version, steps: '检漏补焊，加注冷媒', problems: '', parts });
}

describe('decimal part quantities', () => {
  it('keeps 0.8 kg on the ticket and takes exactly 0.8 kg from stock, twelve times without drift', async () => {
    const { engineer, id, r32 } = await inService();
    expect((await record(engineer, id, [{ partName: r32.name, partModel: r32.partNo, quantity: 0.8, serial: '', partId: r32.id }])).ok).toBe(true);
    const t = await h.ok(engineer, 'tickets.get', { id });
    expect(t.progress.parts.map((p) => [p.partName, p.quantity, p.unit])).toEqual([['制冷剂 R32', 0.8, 'kg']]);
    expect((await h.ok(engineer, 'parts.get', { id: r32.id })).onHand).toBe(9.2);
    for (let i = 0; i < 11; i++) await record(engineer, id, [{ partName: r32.name, quantity: 0.8, serial: '', partId: r32.id }]);
    const part = await h.ok(engineer, 'parts.get', { id: r32.id });
    expect([part.onHand, part.unit]).toEqual([0.4, 'kg']);
    const moves = await h.ok(engineer, 'stock.movements', { partId: r32.id });
    expect(moves.slice(0, 2).map((m) => [m.quantity, m.delta, m.onHandAfter, m.unit])).toEqual([[0.8, -0.8, 0.4, 'kg'], [0.8, -0.8, 1.2, 'kg']]);
  });

  it('refuses, on the quantity field and in words, what the unit does not allow, and saves nothing', async () => {
    const { engineer, id, r32 } = await inService();
    const tooFine = await record(engineer, id, [{ partName: r32.name, quantity: 0.855, serial: '', partId: r32.id }]);
    expect(tooFine.ok === false && [tooFine.error.code, tooFine.error.fields]).toEqual(['VALIDATION', { 'parts.0.quantity': '「制冷剂 R32」的数量最多保留 2 位小数。' }]);
    const half = await record(engineer, id, [{ partName: r32.name, quantity: 0.5, serial: '', partId: r32.id }, { partName: '启动电容', quantity: 1.5, serial: '' }]);
    expect(half.ok === false && half.error.fields).toEqual({ 'parts.1.quantity': '「启动电容」按整数计量，数量不能有小数。' });
    const typedKg = await record(engineer, id, [{ partName: '铜管', quantity: 2.5, unit: 'm', serial: '' }]);
    expect(typedKg.ok).toBe(true);
    const t = await h.ok(engineer, 'tickets.get', { id });
    expect(t.progress.parts.map((p) => [p.partName, p.quantity, p.unit])).toEqual([['铜管', 2.5, 'm']]);
    expect((await h.ok(engineer, 'parts.get', { id: r32.id })).onHand).toBe(10);
  });

  it('stock moves by hand take decimals of kg but not of pieces; the unit stays while stock is held', async () => {
    const { supervisor, r32 } = await inService();
    await h.ok(supervisor, 'stock.move', { partId: r32.id, kind: 'adjust', quantity: -0.25, reason: '盘点' });
    expect((await h.ok(supervisor, 'parts.get', { id: r32.id })).onHand).toBe(9.75);
    const cap = await h.ok(supervisor, 'parts.create', { partNo: 'CAP', name: '启动电容' });
    const half = await h.call(supervisor, 'stock.move', { partId: cap.id, kind: 'receive', quantity: 0.5, reason: '' });
    expect(half.ok === false && [half.error.code, half.error.message]).toEqual(['VALIDATION', '「CAP 启动电容」按整数计量，数量不能有小数。']);
    const part = await h.ok(supervisor, 'parts.get', { id: r32.id });
    const { id, version, onHand: _onHand, low: _low, ...fields } = part;
    const changed = await h.call(supervisor, 'parts.update', { ...fields, id, version, unit: 'pcs' });
    expect(changed.ok === false && changed.error.fields).toEqual({ unit: '有库存时不能更改计量单位。' });
  });
});
