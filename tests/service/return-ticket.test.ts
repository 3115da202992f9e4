/**
 * The returned device and its ticket as one process, against a real SQLite file: the register's moves carry the
 * ticket through the lifecycle's own moves (timeline, clocks), the customer's consent to the quote is one fact
 * wherever it is recorded, and the hand-back accepts the ticket, warning of an open balance first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';

const SIG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const RULES: InputOf<'fees.standard.publish'>['rules'] = {
  labour: [{ productLine: '电子', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }],
  lodgingPerNightFen: 20_000,
  discountApprovalShareBp: 1_000,
};
const LINES: InputOf<'quotes.create'>['lines'] = [{ kind: 'labour', productLine: '电子', difficulty: 'standard', unit: 'visit', quantity: 1 }, { kind: 'part', partNo: 'LCD-P50', quantity: 1 }];

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;
let modelId: number;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
  modelId = (await h.ok(c.admin, 'models.create', { code: 'P50', name: '手机', productLine: '电子', warrantyMonths: 12 })).id;
  await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'LCD-P50', name: '屏幕总成', priceFen: 42_000 });
  const device = { serial: 'P50-2311-4402', modelId, purchaseDate: '2024-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null };
  ticketId = (await h.ok(c.clerk, 'tickets.create', intake({ newDevice: device, faultDescription: '屏幕偶尔失灵' }))).id;
});
afterEach(() => h.close());

const ticket = () => h.ok(c.clerk, 'tickets.get', { id: ticketId });
const rec = (id: number) => h.ok(c.clerk, 'returns.get', { id });
const checkIn = () => h.ok(c.clerk, 'returns.checkIn', { ticketId, modelId, serial: 'P50-2311-4402', faultStated: '屏幕偶尔失灵', accessories: [{ name: '充电器', quantity: 1 }] });
const move = async (who: Client, id: number, m: InputOf<'returns.move'>['move'], extra: Partial<InputOf<'returns.move'>> = {}) =>
  h.call(who, 'returns.move', { id, version: (await rec(id)).version, move: m, reason: '', ...extra });
const handBack = async (id: number, extra: Partial<InputOf<'returns.handBack'>> = {}) =>
  h.call(c.clerk, 'returns.handBack', { id, version: (await rec(id)).version, pickedUpBy: '陈先生', accessoriesBack: [{ name: '充电器', quantity: 1 }], signature: SIG, ...extra });

describe('the TS…0002 story: inspected, quoted, repaired, billed, partly paid, handed back', () => {
  it('carries the ticket to acceptance with no clock running, and nothing entered twice', async () => {
    const { id, ticket: atCheckIn } = await checkIn();
    expect(atCheckIn).toEqual({ status: 'diagnosing', held: null });
    expect((await ticket()).status).toBe('diagnosing');

    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'requestQuote');
    const quote = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    expect((await rec(id)).ticketLink.pendingQuote).toEqual({ id: quote.id, version: quote.version, totalFen: quote.calc.totalFen });

    // 客户同意报价 on the device needs how the customer agreed, since the ticket's quote waits for it…
    const bare = await move(c.clerk, id, 'quoteApproved');
    expect(bare.ok === false && bare.error.fields?.consent).toBeTruthy();
    // …and once given there, the quote is accepted: the fee card never asks again.
    const approved = await move(c.clerk, id, 'quoteApproved', { consent: { channel: 'phone', signature: null, note: '客户电话同意' } });
    expect(approved.ok && approved.value.state).toBe('repairing');
    const fees = await h.ok(c.clerk, 'quotes.get', { ticketId });
    expect(fees.quotes[0]).toMatchObject({ id: quote.id, status: 'accepted', consentChannel: 'phone' });
    expect((await rec(id)).ticketLink.pendingQuote).toBeNull();

    const repaired = await move(c.engineer, id, 'finishRepair');
    expect(repaired.ok && repaired.value.ticket).toEqual({ status: 'in_service', held: null });
    const inService = await ticket();
    expect(inService.progress.assignedTo?.name).toBe('engineer');
    expect(inService.progress.serviceMode).toBe('depot');
    const kinds = inService.events.filter((e) => e.toStatus !== null && e.kind !== 'created').map((e) => [e.kind, e.toStatus, e.note]);
    const slip = (await rec(id)).number;
    expect(kinds).toEqual([
      ['startDiagnosis', 'diagnosing', slip],
      ['submitPlan', 'planning', slip],
      ['dispatch', 'dispatched', slip],
      ['startService', 'in_service', slip],
    ]);

    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'wechat', amountFen: 20_000 });
    const detail = await rec(id);
    expect(detail.ticketLink).toMatchObject({ handBackAccepts: true, openBalanceFen: bill.calc.totalFen - 20_000 });

    const noSatisfaction = await handBack(id);
    expect(noSatisfaction.ok === false && noSatisfaction.error.fields?.satisfaction).toBeTruthy();
    const unconfirmed = await handBack(id, { satisfaction: 'satisfied' });
    expect(unconfirmed.ok === false && unconfirmed.error.fields?.balanceConfirmed).toBeTruthy();
    expect(unconfirmed.ok === false && unconfirmed.error.message).toContain('¥300.00');
    const back = await handBack(id, { satisfaction: 'satisfied', balanceConfirmed: true });
    expect(back.ok && back.value.ticket).toEqual({ status: 'accepted', held: null });

    const done = await ticket();
    expect(done.status).toBe('accepted');
    expect(done.progress).toMatchObject({ functionTest: 'normal', satisfaction: 'satisfied' });
    expect(done.progress.resolvedAt).not.toBeNull();
    expect(done.progress.respondedAt).not.toBeNull();
    expect(done.progress.attachments.some((a) => a.fileName === 'acceptance-signature.png')).toBe(true);
    // A week on, well past its resolve deadline, the ticket is not on the supervisor's overdue list.
    h.clock.now = new Date('2026-12-01T10:00:00Z');
    const supervisor = h.client();
    await h.ok(supervisor, 'auth.login', { username: 'supervisor', password: 'supervisor-pass-1' });
    expect(new Date(done.resolveDueAt).getTime()).toBeLessThan(h.clock.now.getTime());
    const overdue = await h.ok(supervisor, 'tickets.list', { overdue: true, pageSize: 50 });
    expect(overdue.rows.map((r) => r.id)).not.toContain(ticketId);
  });
});

describe('one fact, either way, never moved back', () => {
  it('the customer consenting on the fee card moves the waiting device on to repair', async () => {
    const { id } = await checkIn();
    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'requestQuote');
    const quote = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'quotes.consent', { id: quote.id, version: quote.version, channel: 'onsite', signature: SIG, note: '' });
    const after = await rec(id);
    expect(after.state).toBe('repairing');
    expect(after.events.at(-1)).toMatchObject({ kind: 'quoteApproved', fromState: 'waiting_quote', toState: 'repairing' });
  });

  it('leaves a ticket already further along where it is, and says where a plan waits for the supervisor', async () => {
    await h.ok(c.clerk, 'tickets.move', { id: ticketId, version: (await ticket()).version, move: 'startDiagnosis', remoteGuidance: '' });
    await h.ok(c.engineer, 'tickets.move', {
      id: ticketId, version: (await ticket()).version, move: 'submitPlan', serviceMode: 'depot', diagnosis: '屏幕排线', repairPlan: '更换屏幕总成', touchesCoreParts: true,
    });
    const { id, ticket: atCheckIn } = await checkIn();
    expect(atCheckIn).toEqual({ status: 'awaiting_approval', held: null });
    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'startRepair');
    const repaired = await move(c.engineer, id, 'finishRepair');
    expect(repaired.ok && repaired.value.ticket).toEqual({ status: 'awaiting_approval', held: 'awaitsApproval' });
    expect((await ticket()).status).toBe('awaiting_approval');
    // The device still goes home; the ticket is not accepted behind the supervisor's back.
    expect((await rec(id)).ticketLink.handBackAccepts).toBe(false);
    const back = await handBack(id);
    expect(back.ok && back.value.ticket).toEqual({ status: 'awaiting_approval', held: 'awaitsApproval' });
  });

  it('a paused ticket stays paused, and a cancelled one is left alone', async () => {
    const { id } = await checkIn();
    await h.ok(c.clerk, 'tickets.pause', { id: ticketId, version: (await ticket()).version, reason: 'parts', note: '' });
    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'startRepair');
    const repaired = await move(c.engineer, id, 'finishRepair');
    expect(repaired.ok && repaired.value.ticket).toEqual({ status: 'diagnosing', held: 'paused' });
    await h.ok(c.clerk, 'tickets.move', { id: ticketId, version: (await ticket()).version, move: 'cancel', reason: '客户放弃' });
    const back = await handBack(id);
    expect(back.ok && back.value.ticket).toEqual({ status: 'cancelled', held: 'finished' });
  });
});
