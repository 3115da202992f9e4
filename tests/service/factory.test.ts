/**
 * Issue 19, part 2, against a real SQLite file: loaners lent against a deposit and brought back before the
 * ticket closes; recovered parts entering defective stock, scrapped only by a supervisor and never below zero
 * (two concurrent takes of the last one included); every move of a 返厂单 and the refused ones; the quality
 * report against a recount from the raw rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { receiveDefective } from '../../electron/core/services/defective.service';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let h: Harness;
afterEach(() => h?.close());

type Desk = Record<Role, Client> & { engineerId: number; modelId: number };

async function desk(now?: string): Promise<Desk> {
  h = await openHarness();
  if (now) h.clock.now = new Date(now);
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  const modelId = (await h.ok(roles.admin, 'models.create', { code: 'P50', name: '智能手机', productLine: '手机', warrantyMonths: 12 })).id;
  return { ...roles, engineerId, modelId };
}

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function moveCall(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.call(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function inService(d: Desk, overrides: Partial<InputOf<'tickets.create'>> = {}): Promise<number> {
  const { id } = await h.ok(d.clerk, 'tickets.create', intake({ modelId: d.modelId, serial: 'P50B2611X0001', alarmCodes: 'E-TOUCH', ...overrides }));
  await moveOk(d.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(d.engineer, id, { move: 'submitPlan', serviceMode: 'depot', diagnosis: '触摸屏排线松动', repairPlan: '更换屏幕总成', estimateFen: 0 });
  await moveOk(d.supervisor, id, { move: 'dispatch', engineerId: d.engineerId });
  await moveOk(d.engineer, id, { move: 'startService' });
  return id;
}

async function toFollowUp(d: Desk, id: number) {
  await moveOk(d.engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  await moveOk(d.clerk, id, { move: 'followUpSolved', attitudeOk: true, satisfaction: 'satisfied', notes: '' });
}

describe('loaners', () => {
  it('lends a unit against a deposit, refuses to close the ticket until it is back, then refunds the deposit', async () => {
    const d = await desk();
    const id = await inService(d);
    const { id: loanerId } = await h.ok(d.supervisor, 'loaners.create', { serial: 'ln-p50-01', modelId: d.modelId });
    expect((await h.call(d.clerk, 'loaners.create', { serial: 'LN-X' })).ok).toBe(false);
    const dup = await h.call(d.supervisor, 'loaners.create', { serial: 'LN-P50-01' });
    expect(dup.ok === false && dup.error.code).toBe('DUPLICATE');

    const past = await h.call(d.clerk, 'loaners.lend', { loanerId, ticketId: id, depositFen: 50_000, dueOn: '2026-11-23' });
    expect(past.ok === false && Object.keys(past.error.fields ?? {})).toEqual(['dueOn']);
    const loan = await h.ok(d.clerk, 'loaners.lend', { loanerId, ticketId: id, depositFen: 50_000, dueOn: '2026-11-30' });
    expect([loan.number, loan.loanerSerial, loan.depositFen, loan.overdue, loan.returnedAt]).toEqual(['JY20261124001', 'LN-P50-01', 50_000, false, null]);
    const again = await h.call(d.clerk, 'loaners.lend', { loanerId, ticketId: id, depositFen: 50_000, dueOn: '2026-11-30' });
    expect(again.ok === false && again.error.message).toContain('LN-P50-01');

    await toFollowUp(d, id);
    const refused = await moveCall(d.clerk, id, { move: 'archive' });
    expect(refused.ok === false && [refused.error.code, refused.error.message]).toEqual(['CONFLICT', expect.stringContaining('LN-P50-01')]);
    const cancel = await moveCall(d.clerk, id, { move: 'cancel', reason: '客户撤单' });
    expect(cancel.ok).toBe(false);

    // Listed as out, then overdue once the due day has passed.
    expect((await h.ok(d.clerk, 'loaners.list', { show: 'out' })).map((l) => l.loan?.number)).toEqual(['JY20261124001']);
    expect(await h.ok(d.clerk, 'loaners.list', { show: 'overdue' })).toEqual([]);
    h.clock.now = new Date('2026-12-01T03:00:00Z');
    // A week later the sessions have ended: the clerk signs in again.
    d.clerk = h.client();
    await h.ok(d.clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    expect((await h.ok(d.clerk, 'loaners.list', { show: 'overdue' })).map((l) => [l.serial, l.loan?.overdue])).toEqual([['LN-P50-01', true]]);

    // Part of the deposit kept needs a reason; more than the deposit is refused.
    const noReason = await h.call(d.clerk, 'loaners.giveBack', { loanId: loan.id, condition: 'worn', refundFen: 45_000, keptReason: '' });
    expect(noReason.ok === false && Object.keys(noReason.error.fields ?? {})).toEqual(['keptReason']);
    const tooMuch = await h.call(d.clerk, 'loaners.giveBack', { loanId: loan.id, condition: 'good', refundFen: 50_001, keptReason: '' });
    expect(tooMuch.ok === false && Object.keys(tooMuch.error.fields ?? {})).toEqual(['refundFen']);
    const back = await h.ok(d.clerk, 'loaners.giveBack', { loanId: loan.id, condition: 'worn', refundFen: 45_000, keptReason: '屏幕划痕' });
    expect([back.refundFen, back.keptReason, back.returnCondition, back.overdue]).toEqual([45_000, '屏幕划痕', 'worn', false]);
    expect((await h.call(d.clerk, 'loaners.giveBack', { loanId: loan.id, condition: 'good', refundFen: 0, keptReason: 'x' })).ok).toBe(false);
    const [unit] = await h.ok(d.clerk, 'loaners.list', {});
    expect([unit!.state, unit!.condition, unit!.loan]).toEqual(['available', 'worn', null]);

    expect((await moveOk(d.clerk, id, { move: 'archive' })).status).toBe('closed');
    expect((await h.ok(d.clerk, 'loaners.ofTicket', { ticketId: id })).map((l) => [l.number, l.refundFen])).toEqual([['JY20261124001', 45_000]]);
    const kinds = (await h.ok(d.clerk, 'tickets.get', { id })).events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['loanerLent', 'loanerBack', 'archive']));
    const lent = await h.call(d.clerk, 'loaners.lend', { loanerId, ticketId: id, depositFen: 0, dueOn: '2026-12-05' });
    expect(lent.ok === false && lent.error.code).toBe('CONFLICT');
  });

  it('takes a damaged unit out of the pool and lends one unit to only one of two clerks at once', async () => {
    const d = await desk();
    const a = await inService(d);
    const b = await inService(d, { serial: 'P50B2611X0002' });
    const { id: loanerId } = await h.ok(d.supervisor, 'loaners.create', { serial: 'LN-P50-02' });
    const both = await Promise.all([a, b].map((ticketId) => h.call(d.clerk, 'loaners.lend', { loanerId, ticketId, depositFen: 30_000, dueOn: '2026-11-28' })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const loan = (await h.ok(d.clerk, 'loaners.list', { show: 'out' }))[0]!.loan!;
    await h.ok(d.clerk, 'loaners.giveBack', { loanId: loan.id, condition: 'damaged', refundFen: 0, keptReason: '进水无法开机' });
    expect((await h.ok(d.clerk, 'loaners.list', {}))[0]!.state).toBe('retired');
    expect((await h.call(d.clerk, 'loaners.lend', { loanerId, ticketId: a, depositFen: 0, dueOn: '2026-11-28' })).ok).toBe(false);
  });
});

describe('defective stock', () => {
  it('receives a recovered part with its serial, ticket, fault code and batch; a supervisor scraps it, never below zero', async () => {
    const d = await desk();
    const id = await inService(d);
    const screen = await h.ok(d.supervisor, 'parts.create', { partNo: 'LCD-P50', name: 'P50 屏幕总成', priceFen: 38_000 });
    await h.ok(d.supervisor, 'stock.move', { partId: screen.id, kind: 'receive', quantity: 3 });
    const t = await h.ok(d.engineer, 'tickets.get', { id });
    await h.ok(d.engineer, 'tickets.recordService', {
      id, version: t.version, steps: '更换屏幕总成',
      parts: [{ partName: screen.name, quantity: 1, partId: screen.id, oldPartRecovered: true, oldSerial: 'lcd-old-771' }, { partName: '防尘网', quantity: 2, oldPartRecovered: true }, { partName: '螺丝', quantity: 4 }],
    });
    const items = await h.ok(d.engineer, 'defective.list', {});
    expect(items.map((i) => [i.name, i.serial, i.ticket?.id, i.faultCode, i.batch, i.modelCode, i.onHand, i.origin, i.partNo])).toEqual([
      ['防尘网', '', id, 'E-TOUCH', 'P50B26', 'P50', 2, 'repair', ''],
      ['P50 屏幕总成', 'LCD-OLD-771', id, 'E-TOUCH', 'P50B26', 'P50', 1, 'repair', 'LCD-P50'],
    ]);
    const mesh = items[0]!;

    const engineer = await h.call(d.engineer, 'defective.scrap', { id: mesh.id, quantity: 1, reason: '破损' });
    expect(engineer.ok === false && engineer.error.code).toBe('FORBIDDEN');
    const over = await h.call(d.supervisor, 'defective.scrap', { id: mesh.id, quantity: 3, reason: '破损' });
    expect(over.ok === false && [over.error.code, Object.keys(over.error.fields ?? {})]).toEqual(['CONFLICT', ['quantity']]);
    expect((await h.ok(d.supervisor, 'defective.scrap', { id: mesh.id, quantity: 1, reason: '破损' })).onHand).toBe(1);

    // Two takes of the last one at once: one scrapped, one put on a 返厂单 — never both.
    const order = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '深圳华显科技' });
    const race = await Promise.all([
      h.call(d.supervisor, 'defective.scrap', { id: mesh.id, quantity: 1, reason: '破损' }),
      h.call(d.clerk, 'factoryReturns.addLine', { id: order.id, defectiveId: mesh.id, quantity: 1 }),
    ]);
    expect(race.filter((r) => r.ok)).toHaveLength(1);
    const row = await h.core.db.get<{ on_hand: number }>('SELECT on_hand FROM defective_items WHERE id = ?', [mesh.id]);
    expect(row!.on_hand).toBe(0);
    expect((await h.ok(d.clerk, 'defective.list', {})).map((i) => i.name)).toEqual(['P50 屏幕总成']);
  });
});

describe('返厂单', () => {
  async function withStock(d: Desk) {
    const id = await inService(d);
    const a = await h.ok(d.clerk, 'defective.receive', { kind: 'part', ticketId: id, name: '屏幕总成', serial: 'LCD-1', quantity: 2 });
    const b = await h.ok(d.clerk, 'defective.receive', { kind: 'unit', ticketId: id, name: 'P50 整机', serial: 'P50B2611X0001' });
    return { a, b };
  }

  it('moves sent → received → credited with an amount per line, and lists what is outstanding per supplier', async () => {
    const d = await desk();
    const { a, b } = await withStock(d);
    let order = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '深圳华显科技', lines: [{ defectiveId: a.id, quantity: 2 }] });
    expect([order.number, order.state, order.lines.length]).toEqual(['FC20261124001', 'open', 1]);
    order = await h.ok(d.clerk, 'factoryReturns.addLine', { id: order.id, defectiveId: b.id, quantity: 1 });
    expect([order.quantity, order.lineCount, order.lines[1]!.batch]).toEqual([3, 2, 'P50B26']);
    expect(await h.ok(d.clerk, 'defective.list', {})).toEqual([]);

    const early = await h.call(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'credit', credits: [] });
    expect(early.ok === false && early.error.code).toBe('CONFLICT');
    order = await h.ok(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'send' });
    expect([order.state, order.sentAt]).toEqual(['sent', '2026-11-24T10:00:00.000Z']);
    const late = await h.call(d.clerk, 'factoryReturns.addLine', { id: order.id, defectiveId: a.id, quantity: 1 });
    expect(late.ok === false && late.error.code).toBe('CONFLICT');
    expect(await h.ok(d.engineer, 'factoryReturns.outstanding', {})).toEqual([{ supplier: '深圳华显科技', orders: 1, quantity: 3, oldestSentAt: '2026-11-24T10:00:00.000Z' }]);
    const stale = await h.call(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version - 1, move: 'receive' });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    order = await h.ok(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'receive' });
    const missing = await h.call(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'credit', credits: [{ lineId: order.lines[0]!.id, creditFen: 100 }] });
    expect(missing.ok === false && Object.keys(missing.error.fields ?? {})).toEqual(['credits']);
    order = await h.ok(d.clerk, 'factoryReturns.move', {
      id: order.id, version: order.version, move: 'credit', credits: [{ lineId: order.lines[0]!.id, creditFen: 7_600 }, { lineId: order.lines[1]!.id, creditFen: 129_900 }],
    });
    expect([order.state, order.creditFen, order.lines.map((l) => l.creditFen), order.closedAt]).toEqual(['credited', 137_500, [7_600, 129_900], '2026-11-24T10:00:00.000Z']);
    expect(await h.ok(d.clerk, 'factoryReturns.outstanding', {})).toEqual([]);
    const after = await h.call(d.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'reject', reason: 'x' });
    expect(after.ok === false && after.error.code).toBe('CONFLICT');
    expect((await h.ok(d.clerk, 'factoryReturns.get', { number: order.number })).id).toBe(order.id);
  });

  it('is repaired and sent back, or rejected with a reason (the goods come back into defective stock); not sent empty', async () => {
    const d = await desk();
    const { a, b } = await withStock(d);
    const empty = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '某工厂' });
    const sendEmpty = await h.call(d.clerk, 'factoryReturns.move', { id: empty.id, version: empty.version, move: 'send' });
    expect(sendEmpty.ok === false && sendEmpty.error.code).toBe('CONFLICT');

    let repaired = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '整机厂', lines: [{ defectiveId: b.id, quantity: 1 }] });
    for (const move of ['send', 'receive', 'repairBack'] as const) repaired = await h.ok(d.clerk, 'factoryReturns.move', { id: repaired.id, version: repaired.version, move });
    expect(repaired.state).toBe('repaired');

    let rejected = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '深圳华显科技', lines: [{ defectiveId: a.id, quantity: 2 }] });
    for (const move of ['send', 'receive'] as const) rejected = await h.ok(d.clerk, 'factoryReturns.move', { id: rejected.id, version: rejected.version, move });
    const noReason = await h.call(d.clerk, 'factoryReturns.move', { id: rejected.id, version: rejected.version, move: 'reject', reason: '' });
    expect(noReason.ok === false && Object.keys(noReason.error.fields ?? {})).toEqual(['reason']);
    rejected = await h.ok(d.clerk, 'factoryReturns.move', { id: rejected.id, version: rejected.version, move: 'reject', reason: '人为损坏，不予索赔' });
    expect([rejected.state, rejected.rejectReason]).toEqual(['rejected', '人为损坏，不予索赔']);
    expect((await h.ok(d.clerk, 'defective.list', {})).map((i) => [i.name, i.onHand])).toEqual([['屏幕总成', 2]]);
    const engineer = await h.call(d.engineer, 'factoryReturns.create', { supplier: 'x' });
    expect(engineer.ok === false && engineer.error.code).toBe('FORBIDDEN');
  });

  it('puts a part the supplier repaired back into usable stock, naming the 返厂单; a credited part stays out', async () => {
    const d = await desk();
    const id = await inService(d);
    const screen = await h.ok(d.supervisor, 'parts.create', { partNo: 'LCD-P60', name: 'P60 屏幕总成', priceFen: 38_000 });
    const fan = await h.ok(d.supervisor, 'parts.create', { partNo: 'FAN-P60', name: 'P60 风扇', priceFen: 2_000 });
    for (const part of [screen, fan]) await h.ok(d.supervisor, 'stock.move', { partId: part.id, kind: 'receive', quantity: 3 });
    const t = await h.ok(d.engineer, 'tickets.get', { id });
    await h.ok(d.engineer, 'tickets.recordService', {
      id, version: t.version, steps: '更换屏幕与风扇',
      parts: [{ partName: screen.name, quantity: 1, partId: screen.id, oldPartRecovered: true, oldSerial: 'lcd-old-9' }, { partName: fan.name, quantity: 2, partId: fan.id, oldPartRecovered: true }],
    });
    const onHand = async () => Promise.all([screen, fan].map(async (p) => (await h.ok(d.clerk, 'parts.get', { id: p.id })).onHand));
    expect(await onHand()).toEqual([2, 1]);
    const items = await h.ok(d.clerk, 'defective.list', { ticketId: id });
    const itemOf = (name: string) => items.find((i) => i.name === name)!;
    const unit = await h.ok(d.clerk, 'defective.receive', { kind: 'unit', ticketId: id, name: 'P60 整机', serial: 'P60A2611X0009' });

    let repaired = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '深圳华显科技', lines: [{ defectiveId: itemOf(screen.name).id, quantity: 1 }, { defectiveId: unit.id, quantity: 1 }] });
    let credited = await h.ok(d.clerk, 'factoryReturns.create', { supplier: '风扇厂', lines: [{ defectiveId: itemOf(fan.name).id, quantity: 2 }] });
    for (const move of ['send', 'receive'] as const) {
      repaired = await h.ok(d.clerk, 'factoryReturns.move', { id: repaired.id, version: repaired.version, move });
      credited = await h.ok(d.clerk, 'factoryReturns.move', { id: credited.id, version: credited.version, move });
    }
    // Sent and received, nothing has come back yet.
    expect(await onHand()).toEqual([2, 1]);
    repaired = await h.ok(d.clerk, 'factoryReturns.move', { id: repaired.id, version: repaired.version, move: 'repairBack' });
    credited = await h.ok(d.clerk, 'factoryReturns.move', { id: credited.id, version: credited.version, move: 'credit', credits: [{ lineId: credited.lines[0]!.id, creditFen: 4_000 }] });

    // The repaired screen is usable again, by a 'repaired' movement that names the 返厂单 and the clerk; the credited fans are not.
    expect(await onHand()).toEqual([3, 1]);
    const [back] = await h.ok(d.supervisor, 'stock.movements', { partId: screen.id, limit: 1 });
    expect(back).toMatchObject({ kind: 'repaired', quantity: 1, delta: 1, onHandAfter: 3, serial: 'LCD-OLD-9', reason: `返厂单 ${repaired.number}：供应商修复返回`, actorName: 'clerk' });
    expect((await h.ok(d.supervisor, 'stock.movements', { partId: fan.id, limit: 5 })).map((m) => m.kind)).not.toContain('repaired');
    // Neither is back in defective stock; the unit (no catalogue part) has no usable stock to go to.
    expect(await h.ok(d.clerk, 'defective.list', { ticketId: id })).toEqual([]);
  });
});

describe('the quality report', () => {
  it('equals a recount of the month from the raw rows', async () => {
    const d = await desk('2026-12-02T02:00:00Z');
    const other = (await h.ok(d.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 })).id;
    const make = (o: Partial<InputOf<'tickets.create'>>) => h.ok(d.clerk, 'tickets.create', intake({ modelId: d.modelId, ...o }));
    // November (the desk's month, in Shanghai): hardware faults of two models and batches, a usage question, a cancelled one.
    const a = await inService(d, { serial: 'P50B2611X0001', alarmCodes: 'E-TOUCH', reportedAt: '2026-11-02T01:00:00.000Z' });
    await inService(d, { serial: 'P50B2611X0002', alarmCodes: 'E-TOUCH', reportedAt: '2026-11-03T01:00:00.000Z' });
    await make({ serial: 'P50C2610X0009', alarmCodes: 'E-BATT', reportedAt: '2026-11-05T01:00:00.000Z' });
    await make({ modelId: other, serial: 'KFR2609A0001', reportedAt: '2026-11-06T01:00:00.000Z' });
    await make({ problemType: 'usage', serial: 'P50B2611X0003', reportedAt: '2026-11-07T01:00:00.000Z' });
    const cancelled = await make({ serial: 'P50B2611X0004', reportedAt: '2026-11-08T01:00:00.000Z' });
    await moveOk(d.clerk, cancelled.id, { move: 'cancel', reason: '重复登记' });
    // The first minutes of December in Shanghai are December's, though still 30 November in UTC; October is not counted either.
    await make({ serial: 'P50B2611X0005', reportedAt: '2026-11-30T16:30:00.000Z' });
    await make({ serial: 'P50B2611X0006', reportedAt: '2026-10-31T15:00:00.000Z' });
    // A repair with a part, and a unit taken back by an exchange (as the 三包 exchange puts it into defective stock).
    const t = await h.ok(d.engineer, 'tickets.get', { id: a });
    await h.ok(d.engineer, 'tickets.recordService', { id: a, version: t.version, steps: '更换屏幕', parts: [{ partName: '屏幕总成', quantity: 1, oldPartRecovered: true }] });
    const at = '2026-11-24T10:00:00.000Z';
    await h.core.db.write((tx) =>
      receiveDefective(tx, { at, by: 1, batchPrefix: 6, kind: 'unit', origin: 'exchange', ticketId: a, name: 'P50 整机', serial: 'P50B2611X0001' }),
    );

    const report = await h.ok(d.supervisor, 'reports.quality', { month: '2026-11' });

    const start = '2026-10-31T16:00:00.000Z';
    const end = '2026-11-30T16:00:00.000Z';
    const rows = await h.core.db.query<{ id: number; code: string | null; serial: string; alarm_codes: string; problem_type: string; status: string; reported_at: string; is_repeat: number }>(
      'SELECT t.id, m.code, t.serial, t.alarm_codes, t.problem_type, t.status, t.reported_at, t.is_repeat FROM tickets t LEFT JOIN product_models m ON m.id = t.model_id',
    );
    const month = rows.filter((r) => r.reported_at >= start && r.reported_at < end && r.status !== 'cancelled');
    const failures = month.filter((r) => r.problem_type === 'hardware');
    const tally = (keys: string[]) => {
      const m = new Map<string, number>();
      for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
      return [...m].map(([key, n]) => ({ key, n })).sort((x, y) => y.n - x.n || x.key.localeCompare(y.key));
    };
    const parts = await h.core.db.query<{ ticket_id: number; part_name: string }>('SELECT ticket_id, part_name FROM ticket_parts');
    const failed = new Set(failures.map((f) => f.id));
    expect(report).toEqual({
      month: '2026-11',
      failures: failures.length,
      byModel: tally(failures.map((f) => f.code ?? '')),
      byBatch: tally(failures.filter((f) => f.serial).map((f) => f.serial.slice(0, 6))),
      byPart: tally(parts.filter((p) => failed.has(p.ticket_id)).map((p) => p.part_name)),
      byFault: tally(failures.filter((f) => f.alarm_codes).map((f) => f.alarm_codes)),
      repeats: month.filter((r) => r.is_repeat).length,
      exchanges: 1,
      returns: 0,
    });
    // And the figures themselves, so the recount cannot agree with a wrong query by accident.
    expect([report.failures, report.byModel, report.byBatch.map((b) => b.key), report.byPart, report.byFault]).toEqual([
      4, [{ key: 'P50', n: 3 }, { key: 'KFR-35', n: 1 }], ['P50B26', 'KFR260', 'P50C26'], [{ key: '屏幕总成', n: 1 }], [{ key: 'E-TOUCH', n: 2 }, { key: 'E-BATT', n: 1 }],
    ]);
    const bad = await h.call(d.supervisor, 'reports.quality', { month: '2026-13' });
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    expect((await h.call(d.clerk, 'reports.quality', { month: '2026-11' })).ok).toBe(false);
  });
});
