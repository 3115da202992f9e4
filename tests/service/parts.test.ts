/** Spare parts against a real SQLite file: catalogue, movements, issue from stock with the service record, serials, concurrency. */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';

let h: Harness;
afterEach(() => h?.close());

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function desk() {
  h = await openHarness();
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  return { ...roles, engineerId };
}

async function ticketInService(roles: Record<Role, Client> & { engineerId: number }) {
  const { id } = await h.ok(roles.clerk, 'tickets.create', intake());
  await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '启动电容损坏', repairPlan: '更换启动电容', estimateFen: 0 });
  await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId: roles.engineerId });
  await moveOk(roles.engineer, id, { move: 'startService' });
  return id;
}

const capacitor = { partNo: 'cap-35uf', name: '启动电容 CBB65 35μF', models: ['KFR-35'], priceFen: 4500, minStock: 3, location: 'A-01-02' };

async function sumOfMovements(partId: number): Promise<number> {
  const row = await h.core.db.get<{ n: number | null }>('SELECT SUM(delta) AS n FROM stock_movements WHERE part_id = ?', [partId]);
  return row?.n ?? 0;
}

describe('parts catalogue', () => {
  it('creates parts with unique part numbers and finds them by number prefix, name or model', async () => {
    const { supervisor, engineer, clerk } = await desk();
    const part = await h.ok(supervisor, 'parts.create', capacitor);
    expect([part.partNo, part.onHand, part.low, part.consumable, part.serialTracked]).toEqual(['CAP-35UF', 0, true, false, false]);
    await h.ok(supervisor, 'parts.create', { partNo: 'R32-1KG', name: '制冷剂 R32', consumable: true });
    const dup = await h.call(supervisor, 'parts.create', { ...capacitor, name: '另一个' });
    expect(dup.ok === false && [dup.error.code, Object.keys(dup.error.fields ?? {})]).toEqual(['DUPLICATE', ['partNo']]);
    expect((await h.ok(engineer, 'parts.list', { q: 'cap' })).map((p) => p.partNo)).toEqual(['CAP-35UF']);
    expect((await h.ok(engineer, 'parts.list', { q: '制冷' })).map((p) => p.partNo)).toEqual(['R32-1KG']);
    expect((await h.ok(engineer, 'parts.list', { q: 'KFR' })).map((p) => p.partNo)).toEqual(['CAP-35UF']);
    expect((await h.ok(clerk, 'parts.get', { partNo: 'cap-35uf' })).id).toBe(part.id);
    expect(await h.ok(engineer, 'parts.list', { q: "'; DROP TABLE parts; --" })).toEqual([]);
    expect(await h.ok(engineer, 'parts.list', { q: '%' })).toEqual([]);
    const forbidden = await h.call(engineer, 'parts.create', { partNo: 'X1', name: 'x' });
    expect(forbidden.ok === false && forbidden.error.code).toBe('FORBIDDEN');
  });

  it.each([
    ['an empty part number', { partNo: '' }, 'partNo'],
    ['a part number with spaces', { partNo: 'A B' }, 'partNo'],
    ['a too long name', { name: '长'.repeat(81) }, 'name'],
    ['a negative price', { priceFen: -1 }, 'priceFen'],
    ['a price as text', { priceFen: '45' }, 'priceFen'],
    ['a fractional minimum', { minStock: 1.5 }, 'minStock'],
  ])('refuses %s', async (_name, change, field) => {
    const { supervisor } = await desk();
    const r = await h.call(supervisor, 'parts.create', { ...capacitor, ...change } as InputOf<'parts.create'>);
    expect(r.ok === false && Object.keys(r.error.fields ?? {})).toEqual([field]);
  });

  it('an SQL-looking name is stored as text', async () => {
    const { supervisor } = await desk();
    const p = await h.ok(supervisor, 'parts.create', { partNo: 'SQL-1', name: "x'); DELETE FROM parts; --" });
    expect((await h.ok(supervisor, 'parts.get', { id: p.id })).name).toBe("x'); DELETE FROM parts; --");
  });

  it('edits are optimistic; on hand never changes through an edit', async () => {
    const { supervisor, admin } = await desk();
    const p = await h.ok(supervisor, 'parts.create', capacitor);
    await h.ok(supervisor, 'stock.move', { partId: p.id, kind: 'receive', quantity: 5, reason: '采购入库' });
    const edited = await h.ok(admin, 'parts.update', { ...capacitor, id: p.id, version: p.version, minStock: 8 });
    expect([edited.onHand, edited.minStock, edited.low]).toEqual([5, 8, true]);
    const stale = await h.call(supervisor, 'parts.update', { ...capacitor, id: p.id, version: p.version });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
  });
});

describe('stock movements', () => {
  it('receives, scraps, adjusts; keeps who, when, why; lists low stock; on hand equals the sum of movements', async () => {
    const { supervisor, engineer, clerk } = await desk();
    const p = await h.ok(supervisor, 'parts.create', capacitor);
    await h.ok(supervisor, 'stock.move', { partId: p.id, kind: 'receive', quantity: 10, reason: '采购单 PO-1' });
    const noReason = await h.call(supervisor, 'stock.move', { partId: p.id, kind: 'scrap', quantity: 1 });
    expect(noReason.ok === false && noReason.error.message).toBe('请填写原因（报废、盘点调整和强制出库须注明）。');
    await h.ok(supervisor, 'stock.move', { partId: p.id, kind: 'scrap', quantity: 2, reason: '受潮' });
    await h.ok(supervisor, 'stock.move', { partId: p.id, kind: 'adjust', quantity: -6, reason: '盘点少 6 个' });
    const below = await h.call(supervisor, 'stock.move', { partId: p.id, kind: 'adjust', quantity: -3, reason: '盘点' });
    expect(below.ok === false && below.error.code).toBe('CONFLICT');
    const engineerReceive = await h.call(engineer, 'stock.move', { partId: p.id, kind: 'receive', quantity: 1 });
    expect(engineerReceive.ok === false && engineerReceive.error.code).toBe('FORBIDDEN');
    const clerkMove = await h.call(clerk, 'stock.move', { partId: p.id, kind: 'receive', quantity: 1 });
    expect(clerkMove.ok === false && clerkMove.error.code).toBe('FORBIDDEN');
    const part = await h.ok(clerk, 'parts.get', { id: p.id });
    expect([part.onHand, part.low]).toEqual([2, true]);
    expect(await sumOfMovements(p.id)).toBe(2);
    const moves = await h.ok(clerk, 'stock.movements', { partId: p.id });
    expect(moves.map((m) => [m.kind, m.quantity, m.delta, m.onHandAfter, m.reason, m.actorName])).toEqual([
      ['adjust', -6, -6, 2, '盘点少 6 个', 'supervisor'],
      ['scrap', 2, -2, 8, '受潮', 'supervisor'],
      ['receive', 10, 10, 10, '采购单 PO-1', 'supervisor'],
    ]);
    expect(moves[0]!.at).toBe(h.clock.now.toISOString());
    expect((await h.ok(clerk, 'stock.low', {})).map((x) => [x.partNo, x.onHand, x.minStock])).toEqual([['CAP-35UF', 2, 3]]);
    expect((await h.ok(clerk, 'parts.list', { lowOnly: true })).length).toBe(1);
  });
});

describe('issue from stock with the service record', () => {
  it('issues catalogue parts in the same transaction; a shortage refuses the whole record; a supervisor may override with a reason', async () => {
    const roles = await desk();
    const { supervisor, engineer } = roles;
    const cap = await h.ok(supervisor, 'parts.create', capacitor);
    const gas = await h.ok(supervisor, 'parts.create', { partNo: 'R32-1KG', name: '制冷剂 R32', consumable: true, minStock: 2 });
    await h.ok(supervisor, 'stock.move', { partId: cap.id, kind: 'receive', quantity: 4, reason: '入库' });
    await h.ok(supervisor, 'stock.move', { partId: gas.id, kind: 'receive', quantity: 1, reason: '入库' });
    const id = await ticketInService(roles);
    let t = await h.ok(engineer, 'tickets.get', { id });
    const short = await h.call(engineer, 'tickets.recordService', {
      id, version: t.version, steps: '更换电容并补加制冷剂',
      parts: [
        { partName: cap.name, partModel: cap.partNo, quantity: 2, partId: cap.id },
        { partName: gas.name, partModel: gas.partNo, quantity: 2, partId: gas.id },
      ],
    });
    expect(short.ok === false && [short.error.code, short.error.message]).toEqual(['CONFLICT', '备件「R32-1KG 制冷剂 R32」库存不足：现有 1，需要 2。未保存；如确需先用，请服务主管填写原因后强制出库。']);
    // Nothing of the refused record stayed: no parts on the ticket, stock unchanged, version unchanged.
    t = await h.ok(engineer, 'tickets.get', { id });
    expect([t.progress.parts.length, t.progress.serviceSteps, (await h.ok(engineer, 'parts.get', { id: cap.id })).onHand]).toEqual([0, '', 4]);
    const engineerOverride = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: 'x', parts: [{ partName: gas.name, quantity: 2, partId: gas.id }], stockOverride: true, overrideReason: '急修' });
    expect(engineerOverride.ok === false && engineerOverride.error.code).toBe('FORBIDDEN');
    await h.ok(engineer, 'tickets.recordService', { id, version: t.version, steps: '更换电容', parts: [{ partName: cap.name, partModel: cap.partNo, quantity: 2, partId: cap.id, oldPartRecovered: true }, { partName: '螺丝', quantity: 4 }] });
    t = await h.ok(engineer, 'tickets.get', { id });
    const noReason = await h.call(supervisor, 'tickets.recordService', { id, version: t.version, steps: '补加制冷剂', parts: [{ partName: gas.name, quantity: 2, partId: gas.id }], stockOverride: true });
    expect(noReason.ok === false && noReason.error.code).toBe('VALIDATION');
    await h.ok(supervisor, 'tickets.recordService', { id, version: t.version, steps: '补加制冷剂', parts: [{ partName: gas.name, quantity: 2, partId: gas.id }], stockOverride: true, overrideReason: '客户急用，明日补货' });
    t = await h.ok(engineer, 'tickets.get', { id });
    expect(t.progress.parts.map((p) => [p.partName, p.quantity, p.partId, p.oldPartRecovered])).toEqual([[cap.name, 2, cap.id, true], ['螺丝', 4, null, false], [gas.name, 2, gas.id, false]]);
    expect((await h.ok(engineer, 'parts.get', { id: cap.id })).onHand).toBe(2);
    expect((await h.ok(engineer, 'parts.get', { id: gas.id })).onHand).toBe(-1);
    const ticketMoves = await h.ok(engineer, 'stock.movements', { ticketId: id });
    expect(ticketMoves.map((m) => [m.partNo, m.kind, m.delta, m.override, m.reason, m.ticket?.id])).toEqual([
      ['R32-1KG', 'issue', -2, true, '客户急用，明日补货', id],
      ['CAP-35UF', 'recover', 0, false, '', id],
      ['CAP-35UF', 'issue', -2, false, '', id],
    ]);
    expect((await h.ok(engineer, 'stock.low', {})).map((p) => p.partNo)).toEqual(['R32-1KG', 'CAP-35UF']);
    // An unused part comes back.
    await h.ok(engineer, 'stock.move', { partId: cap.id, kind: 'return', quantity: 1, ticketId: id, reason: '多领一个' });
    expect((await h.ok(engineer, 'parts.get', { id: cap.id })).onHand).toBe(3);
    expect(await sumOfMovements(cap.id)).toBe(3);
    expect(await sumOfMovements(gas.id)).toBe(-1);
  });

  it('serial-tracked parts keep their serial through receipt, issue, return and recovery', async () => {
    const roles = await desk();
    const { supervisor, engineer } = roles;
    const cmp = await h.ok(supervisor, 'parts.create', { partNo: 'CMP-KFR35', name: '压缩机', serialTracked: true, minStock: 1 });
    const noSerial = await h.call(supervisor, 'stock.move', { partId: cmp.id, kind: 'receive', quantity: 1 });
    expect(noSerial.ok === false && noSerial.error.code).toBe('VALIDATION');
    await h.ok(supervisor, 'stock.move', { partId: cmp.id, kind: 'receive', quantity: 1, serial: 'cmp-001' });
    await h.ok(supervisor, 'stock.move', { partId: cmp.id, kind: 'receive', quantity: 1, serial: 'CMP-002' });
    const again = await h.call(supervisor, 'stock.move', { partId: cmp.id, kind: 'receive', quantity: 1, serial: 'CMP-001' });
    expect(again.ok === false && again.error.message).toBe('序列号 CMP-001 已在库中。');
    const id = await ticketInService(roles);
    let t = await h.ok(engineer, 'tickets.get', { id });
    const unknown = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: '更换压缩机', parts: [{ partName: '压缩机', quantity: 1, serial: 'CMP-999', partId: cmp.id }] });
    expect(unknown.ok === false && unknown.error.message).toBe('序列号 CMP-999 不在库中，不能出库。');
    await h.ok(engineer, 'tickets.recordService', { id, version: t.version, steps: '更换压缩机', parts: [{ partName: '压缩机', quantity: 1, serial: 'cmp-001', partId: cmp.id, oldPartRecovered: true }] });
    t = await h.ok(engineer, 'tickets.get', { id });
    expect(t.progress.parts.map((p) => [p.serial, p.oldPartRecovered])).toEqual([['CMP-001', true]]);
    const twice = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: '再换', parts: [{ partName: '压缩机', quantity: 1, serial: 'CMP-001', partId: cmp.id }] });
    expect(twice.ok === false && twice.error.message).toBe('序列号 CMP-001 不在库中，不能出库。');
    await h.ok(engineer, 'stock.move', { partId: cmp.id, kind: 'recover', quantity: 1, serial: 'OLD-778', ticketId: id, reason: '旧压缩机回收' });
    const neverIssued = await h.call(engineer, 'stock.move', { partId: cmp.id, kind: 'return', quantity: 1, serial: 'CMP-002', ticketId: id });
    expect(neverIssued.ok === false && neverIssued.error.message).toBe('序列号 CMP-002 未曾出库，不能退回。');
    await h.ok(engineer, 'stock.move', { partId: cmp.id, kind: 'return', quantity: 1, serial: 'CMP-001', ticketId: id, reason: '客户取消更换' });
    const moves = await h.ok(engineer, 'stock.movements', { partId: cmp.id });
    expect(moves.map((m) => [m.kind, m.serial, m.delta, m.ticket?.number ?? null])).toEqual([
      ['return', 'CMP-001', 1, t.number],
      ['recover', 'OLD-778', 0, t.number],
      ['issue', 'CMP-001', -1, t.number],
      ['receive', 'CMP-002', 1, null],
      ['receive', 'CMP-001', 1, null],
    ]);
    expect((await h.ok(engineer, 'parts.get', { id: cmp.id })).onHand).toBe(2);
  });
});

describe('concurrent issues', () => {
  it('many parallel service records through the dispatcher: never below zero, nothing lost, totals add up', async () => {
    const roles = await desk();
    const { supervisor, engineer } = roles;
    const cap = await h.ok(supervisor, 'parts.create', capacitor);
    await h.ok(supervisor, 'stock.move', { partId: cap.id, kind: 'receive', quantity: 10, reason: '入库' });
    const tickets: { id: number; version: number }[] = [];
    for (let i = 0; i < 14; i++) {
      const id = await ticketInService(roles);
      tickets.push({ id, version: (await h.ok(engineer, 'tickets.get', { id })).version });
    }
    const results = await Promise.all([
      ...tickets.map((t) => h.call(engineer, 'tickets.recordService', { id: t.id, version: t.version, steps: '更换电容', parts: [{ partName: cap.name, quantity: 1, partId: cap.id }] })),
      // Stock arriving and being scrapped at the same time.
      h.call(supervisor, 'stock.move', { partId: cap.id, kind: 'receive', quantity: 2, reason: '补货' }),
      h.call(supervisor, 'stock.move', { partId: cap.id, kind: 'scrap', quantity: 1, reason: '破损' }),
    ]);
    const records = results.slice(0, tickets.length);
    const issued = records.filter((r) => r.ok).length;
    const refused = records.filter((r) => !r.ok);
    expect(results.slice(tickets.length).every((r) => r.ok)).toBe(true);
    // 10 + 2 received − 1 scrapped: 11 could be issued; whichever order the writes ran in, at least 10 were.
    expect(issued).toBeGreaterThanOrEqual(10);
    expect(issued).toBeLessThanOrEqual(11);
    expect(refused.length).toBe(tickets.length - issued);
    expect(refused.every((r) => r.ok === false && r.error.code === 'CONFLICT' && r.error.message.includes('库存不足'))).toBe(true);
    const part = await h.ok(engineer, 'parts.get', { id: cap.id });
    expect(part.onHand).toBe(11 - issued);
    expect(await sumOfMovements(cap.id)).toBe(part.onHand);
    const onTickets = await h.core.db.get<{ n: number }>('SELECT SUM(quantity) AS n FROM ticket_parts WHERE part_id = ?', [cap.id]);
    expect(onTickets?.n).toBe(issued);
    const moves = await h.ok(engineer, 'stock.movements', { partId: cap.id, limit: 500 });
    expect(moves.filter((m) => m.kind === 'issue').length).toBe(issued);
    expect(Math.min(...moves.map((m) => m.onHandAfter))).toBeGreaterThanOrEqual(0);
    // Each movement's running figure follows from the one before it: none was computed from a stale on hand.
    const ascending = [...moves].reverse();
    ascending.forEach((m, i) => expect(m.onHandAfter).toBe((i === 0 ? 0 : ascending[i - 1]!.onHandAfter) + m.delta));
  });
});
