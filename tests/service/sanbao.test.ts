/**
 * 三包 on tickets (issue 19) against a real database: the right and its words from the device's purchase date and its
 * earlier repairs of the same fault, the terms the admin keeps per product line, the decision and a supervisor's
 * override on the timeline, and the exchange that registers the new unit (its 三包 period from the exchange day) and
 * takes the old one back; the return; what is refused, in words on the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf, MethodName } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let h: Harness;
let roles: Record<Role, Client>;
let engineerId: number;
let phoneModel: number;

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

/** A ticket reported at `at` (registered later, at the desk clock's now), for a device (id) or a new one (serial and purchase date). */
async function report(at: string, fault: string, device: { id: number } | { serial: string; purchaseDate: string }): Promise<number> {
  const target = 'id' in device ? { deviceId: device.id } : { newDevice: { serial: device.serial, modelId: phoneModel, purchaseDate: device.purchaseDate, purchaseChannel: '', installDate: null, warrantyEnd: null } };
  const { id } = await h.ok(roles.clerk, 'tickets.create', intake({ reportedAt: at, modelId: phoneModel, faultDescription: fault, ...target }));
  return id;
}

/** The ticket repaired and accepted (at the desk clock's now). */
async function repair(id: number): Promise<void> {
  await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'depot', diagnosis: '排线松动', repairPlan: '重新插接排线', estimateFen: 0 });
  await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId });
  await moveOk(roles.engineer, id, { move: 'startService' });
  await moveOk(roles.engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
}

/** The refusal of a call that must fail. */
async function refused<M extends MethodName>(c: Client, method: M, input: InputOf<M>) {
  const r = await h.call(c, method, input);
  return r.ok ? null : r.error;
}

const deviceOf = async (ticketId: number) => (await h.ok(roles.clerk, 'tickets.get', { id: ticketId })).device!.id;

beforeAll(async () => {
  h = await openHarness();
  roles = await h.signedIn();
  engineerId = (await h.ok(roles.admin, 'users.list', {})).find((u) => u.role === 'engineer')!.id;
  phoneModel = (await h.ok(roles.admin, 'models.create', { code: 'P50', name: '智能手机 P50', productLine: '手机', warrantyMonths: 12 })).id;
});
afterAll(() => h.close());

describe('三包 on a ticket', () => {
  it('gives a phone bought 10 days ago that fails again after one repair the right to exchange; the exchange registers the new unit and takes the old one back', async () => {
    const first = await report('2026-11-17T02:00:00.000Z', '屏幕偶尔失灵，触摸无反应', { serial: 'P50A0001', purchaseDate: '2026-11-14' });
    await repair(first);
    const device = await deviceOf(first);
    const again = await report('2026-11-24T02:00:00.000Z', '屏幕又失灵了', { id: device });
    const owner = (await h.ok(roles.clerk, 'devices.get', { id: device })).customerId;

    const a = await h.ok(roles.clerk, 'sanbao.assess', { ticketId: again });
    expect(a).toMatchObject({ productLine: '手机', purchaseDate: '2026-11-14', serviceDate: '2026-11-24', decision: { right: 'exchange', rule: 'exchangeWindow', options: ['exchange', 'repair'], params: { days: '10', window: '15' } } });
    expect(a.sameFaultRepairs.map((r) => r.ticketId)).toEqual([first]);
    expect(a.recorded).toBeNull();

    // Exchange before the decision is refused; the clerk records the decision, which the timeline says in words.
    expect(await refused(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'P50B0002' })).toMatchObject({ code: 'CONFLICT', message: '请先作出“换货”或“退货”的三包判定。' });
    const decided = await h.ok(roles.clerk, 'sanbao.decide', { ticketId: again, right: 'exchange', reason: '' });
    expect(decided.recorded).toMatchObject({ right: 'exchange', rule: 'exchangeWindow', override: false, byName: 'clerk' });
    const timeline = (await h.ok(roles.clerk, 'tickets.get', { id: again })).events;
    expect(timeline.at(-1)).toMatchObject({ kind: 'sanbaoDecided', note: '换货 · 购买 10 天内性能故障（15 日内），可选择换货或修理' });

    // The new serial may be neither the old one nor another device's.
    const same = await refused(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'p50a0001' });
    expect(same).toMatchObject({ code: 'VALIDATION', fields: { newSerial: '新机序列号不能与旧机相同。' } });
    await report('2026-11-24T02:10:00.000Z', '无法开机', { serial: 'P50C0003', purchaseDate: '2026-01-05' });
    const taken = await refused(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'P50C0003' });
    expect(taken).toMatchObject({ code: 'DUPLICATE', fields: { newSerial: '新机序列号已登记在其他设备上。' } });

    const done = await h.ok(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'p50b0002' });
    const ticketNumber = (await h.ok(roles.clerk, 'tickets.get', { id: again })).number;
    expect(done.done).toMatchObject({ kind: 'exchange', number: `${ticketNumber}-EX`, oldDevice: { id: device, serial: 'P50A0001' }, newDevice: { serial: 'P50B0002', warrantyEnd: '2027-11-23' } });
    const fresh = await h.ok(roles.clerk, 'devices.profile', { id: done.done!.newDevice!.id });
    expect(fresh.device).toMatchObject({ serial: 'P50B0002', modelId: phoneModel, customerId: owner, purchaseDate: '2026-11-24', purchaseChannel: '三包换货（原机 P50A0001）' });
    expect([fresh.warrantyStatus, fresh.warrantyEnd]).toEqual(['in', '2027-11-23']);
    expect((await h.ok(roles.clerk, 'devices.get', { id: device })).customerId).toBeNull();
    // Each device page links the other unit, with the day and the ticket.
    const link = { at: done.done!.at, ticket: { id: again, number: ticketNumber } };
    expect([fresh.exchangedTo, fresh.exchangedFrom]).toEqual([null, { deviceId: device, serial: 'P50A0001', ...link }]);
    const old = await h.ok(roles.clerk, 'devices.profile', { id: device });
    expect([old.exchangedTo, old.exchangedFrom]).toEqual([{ deviceId: done.done!.newDevice!.id, serial: 'P50B0002', ...link }, null]);
    expect((await h.ok(roles.clerk, 'tickets.get', { id: again })).events.at(-1)).toMatchObject({ kind: 'sanbaoExchanged', note: 'P50A0001 → P50B0002' });
    const trail = await h.core.db.query<{ entity: string; action: string; changes: string }>("SELECT entity, action, changes FROM audit_log WHERE entity IN ('sanbao_cases', 'devices') ORDER BY id DESC LIMIT 3");
    expect(trail.map((r) => [r.entity, r.action])).toEqual([['sanbao_cases', 'create'], ['devices', 'update'], ['devices', 'create']]);
    expect(JSON.parse(trail[1]!.changes)).toEqual({ customer_id: [owner, null] });
    // The old unit is in defective stock, counted as an exchange, for a 返厂单.
    const stock = await h.ok(roles.clerk, 'defective.list', { ticketId: again });
    expect(stock.map((d) => [d.kind, d.origin, d.serial, d.onHand, d.batch])).toEqual([['unit', 'exchange', 'P50A0001', 1, 'P50A00']]);

    // Done once: a second exchange or a new decision is refused.
    expect((await refused(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'P50D0004' }))?.code).toBe('CONFLICT');
    expect(await refused(roles.supervisor, 'sanbao.decide', { ticketId: again, right: 'repair', reason: '' })).toMatchObject({ code: 'CONFLICT', message: '该工单已办理换货或退货。' });
  });

  it('counts the earlier repairs of the same fault within the warranty: the second one gives the right to exchange, other faults do not count', async () => {
    const bought = { serial: 'P50E0005', purchaseDate: '2026-01-10' };
    const first = await report('2026-03-01T02:00:00.000Z', '屏幕偶尔失灵', bought);
    await repair(first);
    const device = await deviceOf(first);
    await repair(await report('2026-04-01T02:00:00.000Z', '电池鼓包', { id: device }));
    const second = await report('2026-05-01T02:00:00.000Z', '屏幕又失灵，触摸不灵', { id: device });
    const onSecond = await h.ok(roles.clerk, 'sanbao.assess', { ticketId: second });
    expect([onSecond.decision.right, onSecond.decision.rule, onSecond.sameFaultRepairs.length]).toEqual(['repair', 'wholeUnit', 1]);
    await repair(second);
    const third = await report('2026-09-01T02:00:00.000Z', '屏幕失灵', { id: device });
    const a = await h.ok(roles.clerk, 'sanbao.assess', { ticketId: third });
    expect(a.decision).toMatchObject({ right: 'exchange', rule: 'repeatedRepairs', params: { repairs: '2', until: '2027-01-09' } });
    expect(a.sameFaultRepairs.map((r) => r.ticketId)).toEqual([first, second]);

    // The admin's terms per product line decide: with 3 repairs needed, the same ticket gets a repair.
    const initial = await h.ok(roles.admin, 'settings.get', {});
    await h.ok(roles.admin, 'settings.update', { version: initial.version, company: initial.company, ticketNumberPattern: initial.ticketNumberPattern, timeZone: initial.timeZone, sla: initial.sla });
    const settings = await h.ok(roles.admin, 'settings.get', {});
    const sanbao = settings.sanbao.map((t) => (t.productLine === '手机' ? { ...t, repairsForExchange: 3 } : t));
    await h.ok(roles.admin, 'settings.update', { version: settings.version, company: settings.company, ticketNumberPattern: settings.ticketNumberPattern, timeZone: settings.timeZone, sla: settings.sla, sanbao });
    expect((await h.ok(roles.clerk, 'sanbao.assess', { ticketId: third })).decision.rule).toBe('wholeUnit');
    const [trail] = await h.core.db.query<{ changes: string }>("SELECT changes FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1");
    expect(Object.keys(JSON.parse(trail!.changes))).toEqual(['sanbao']);
    const dup = await refused(roles.admin, 'settings.update', { ...(await h.ok(roles.admin, 'settings.get', {})), sanbao: [...sanbao, sanbao[0]!] });
    expect(dup).toMatchObject({ code: 'VALIDATION', fields: { sanbao: '每条产品线只能有一套三包条款' } });
    await h.ok(roles.admin, 'settings.update', { ...(await h.ok(roles.admin, 'settings.get', {})), sanbao: settings.sanbao });
  });

  it('lets only a supervisor go beyond the rules, with a reason on the timeline; a return takes the unit back', async () => {
    const first = await report('2026-06-01T02:00:00.000Z', '听筒无声', { serial: 'P50F0006', purchaseDate: '2026-05-01' });
    await repair(first);
    const again = await report('2026-07-01T02:00:00.000Z', '听筒又无声', { id: await deviceOf(first) });
    expect((await h.ok(roles.clerk, 'sanbao.assess', { ticketId: again })).decision.rule).toBe('wholeUnit');

    const byClerk = await refused(roles.clerk, 'sanbao.decide', { ticketId: again, right: 'return', reason: '客户坚持' });
    expect(byClerk).toMatchObject({ code: 'FORBIDDEN', message: '按三包规定不能选择“退货”：超出规定的选择须由主管填写原因后作出。' });
    const noReason = await refused(roles.supervisor, 'sanbao.decide', { ticketId: again, right: 'return', reason: '' });
    expect(noReason).toMatchObject({ code: 'VALIDATION', fields: { reason: '请填写超出三包规定的原因。' } });
    const over = await h.ok(roles.supervisor, 'sanbao.decide', { ticketId: again, right: 'return', reason: '同一故障第二次返修，客户投诉，主管同意退货' });
    expect(over.recorded).toMatchObject({ right: 'return', override: true, reason: '同一故障第二次返修，客户投诉，主管同意退货', byName: 'supervisor' });
    expect((await h.ok(roles.clerk, 'tickets.get', { id: again })).events.at(-1)!.note).toBe('退货 · 整机三包有效期内（至 2027-04-30），性能故障免费修理 · 同一故障第二次返修，客户投诉，主管同意退货');

    // The decision was a return: an exchange is refused, the return is done without a new unit.
    expect((await refused(roles.clerk, 'sanbao.exchange', { ticketId: again, kind: 'exchange', newSerial: 'P50G0007' }))?.code).toBe('CONFLICT');
    // The refund: more than nothing, never more than the invoice's price; refused in words on the amount's field.
    const returned = { ticketId: again, kind: 'return', refundMethod: 'original' } as const;
    expect(await refused(roles.clerk, 'sanbao.exchange', { ...returned, paidFen: 129_900, refundFen: 0 })).toMatchObject({ code: 'VALIDATION', fields: { refundFen: '请填写退款金额（大于 0）。' } });
    expect(await refused(roles.clerk, 'sanbao.exchange', { ...returned, paidFen: 129_900, refundFen: 130_000 })).toMatchObject({ code: 'VALIDATION', fields: { refundFen: '退款金额不能超过客户实付的 ¥1,299.00。' } });
    expect((await h.ok(roles.clerk, 'tickets.get', { id: again })).events.at(-1)!.kind).toBe('sanbaoDecided');
    const done = await h.ok(roles.clerk, 'sanbao.exchange', { ...returned, paidFen: 129_900, refundFen: 119_900 });
    expect(done.done).toMatchObject({ kind: 'return', newDevice: null, oldDevice: { serial: 'P50F0006' }, refund: { paidFen: 129_900, refundFen: 119_900, method: 'original' }, byName: 'clerk' });
    expect((await h.ok(roles.clerk, 'tickets.get', { id: again })).events.at(-1)).toMatchObject({ kind: 'sanbaoReturned', note: 'P50F0006 · 退款 ¥1,199.00（原路退回）' });
    // The audit's creation entry points at the row, which keeps the refund (a creation's values are the row itself).
    const [row] = await h.core.db.query("SELECT s.price_paid_fen, s.refunded_fen, s.refund_method, u.username FROM sanbao_cases s JOIN audit_log a ON a.entity = 'sanbao_cases' AND a.entity_id = s.id AND a.action = 'create' JOIN users u ON u.id = a.actor_id WHERE s.ticket_id = ?", [again]);
    expect(row).toMatchObject({ price_paid_fen: 129_900, refunded_fen: 119_900, refund_method: 'original', username: 'clerk' });
    // The 退货证明 prints the refund.
    const { html } = await h.ok(roles.clerk, 'slips.render', { document: 'sanbaoCertificate', id: done.done!.id, paper: 'A4' });
    expect(html).toContain('¥1,199.00 · 原路退回');
  });

  it('gives no 三包 right to a ticket without a device or to a usage question', async () => {
    const { id } = await h.ok(roles.clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T05:00:00.000Z', modelId: phoneModel }));
    expect((await h.ok(roles.clerk, 'sanbao.assess', { ticketId: id })).decision.rule).toBe('noPurchaseDate');
    await h.ok(roles.supervisor, 'sanbao.decide', { ticketId: id, right: 'exchange', reason: '老客户，主管特批' });
    expect(await refused(roles.clerk, 'sanbao.exchange', { ticketId: id, kind: 'exchange', newSerial: 'P50H0008' })).toMatchObject({ code: 'CONFLICT', message: '该工单没有登记设备（序列号），不能按三包处理。' });
    const usage = await report('2026-11-24T05:10:00.000Z', '怎么设置来电铃声', { serial: 'P50J0009', purchaseDate: '2026-11-20' });
    await h.core.db.write((tx) => tx.run("UPDATE tickets SET problem_type = 'usage' WHERE id = ?", [usage]));
    expect((await h.ok(roles.clerk, 'sanbao.assess', { ticketId: usage })).decision.rule).toBe('notAFault');
  });
});
