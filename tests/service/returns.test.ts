/** The returned-device register through the dispatcher: numbering, states, contacts, hand-back, list, scanner lookup. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';

const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SIGNATURE = `data:image/png;base64,${PNG_1PX}`;

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;
let modelId: number;

const checkIn = (over: Record<string, unknown> = {}) =>
  h.ok(c.clerk, 'returns.checkIn', {
    ticketId,
    modelId,
    serial: 'kfr35-0001',
    condition: [{ item: '外观划痕', checked: true }, { item: '缺少螺丝', checked: false }],
    conditionNotes: '右侧面板有 2 cm 划痕',
    accessories: [{ name: '遥控器', quantity: 1 }, { name: '电源线', quantity: 2 }],
    faultStated: '开机后不制冷',
    photos: [{ fileName: 'front.png', mime: 'image/png', dataBase64: PNG_1PX }],
    ...over,
  });

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  modelId = (await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '分体空调', productLine: '空调', warrantyMonths: 12 })).id;
  ticketId = (await h.ok(c.clerk, 'tickets.create', intake())).id;
});
afterAll(() => h.close());

describe('check-in', () => {
  it('numbers slips RMA + local date + a gapless daily sequence, even at the same instant', async () => {
    const [a, b] = await Promise.all([checkIn(), checkIn({ serial: 'KFR35-0002' })]);
    expect([a.number, b.number].sort()).toEqual(['RMA202611240001', 'RMA202611240002']);
    // A refused check-in (no such ticket) takes no number.
    const bad = await h.call(c.clerk, 'returns.checkIn', { ticketId: 9999, modelId, serial: 'X1', faultStated: 'x' });
    expect(bad.ok).toBe(false);
    expect((await checkIn({ serial: 'KFR35-0003' })).number).toBe('RMA202611240003');
    // 2026-11-24T17:00Z is already the 25th in Shanghai: the sequence restarts.
    h.clock.now = new Date('2026-11-24T17:00:00Z');
    expect((await checkIn({ serial: 'KFR35-0004' })).number).toBe('RMA202611250001');
    h.clock.now = new Date('2026-11-24T10:00:00Z');
  });

  it('keeps what was handed over, with photos, and finds it again by the scanned number', async () => {
    const { id, number } = await checkIn({ serial: 'KFR35-0005', expectedDate: '2026-11-28' });
    const rec = await h.ok(c.engineer, 'returns.get', { number: ` ${number.toLowerCase()} ` });
    expect(rec).toMatchObject({ id, state: 'received', serial: 'KFR35-0005', customerName: '陈先生', modelName: '分体空调', expectedDate: '2026-11-28', receivedByName: 'clerk' });
    expect(rec.accessories).toEqual([{ name: '遥控器', quantity: 1 }, { name: '电源线', quantity: 2 }]);
    expect(rec.photoIds).toHaveLength(1);
    expect(rec.moves).toEqual(['startInspection']);
    const ticket = await h.ok(c.clerk, 'tickets.get', { id: ticketId });
    expect(JSON.stringify(ticket)).toContain(number);
  });

  it('offers the checklist of the model\'s product line', async () => {
    expect(await h.ok(c.clerk, 'returns.checklist', { modelId })).toContain('外观划痕');
  });
});

describe('states and hand-back', () => {
  it('moves through repair with every change and contact on the timeline, then hands back against a signature', async () => {
    const { id } = await checkIn({ serial: 'KFR35-0100' });
    const move = async (who: Client, m: string, reason = '') => {
      const { version } = await h.ok(who, 'returns.get', { id });
      return h.call(who, 'returns.move', { id, version, move: m as 'startInspection', reason });
    };
    expect((await move(c.clerk, 'startInspection')).ok).toBe(false);
    expect((await move(c.engineer, 'finishRepair')).ok).toBe(false);
    for (const [who, m] of [[c.engineer, 'startInspection'], [c.engineer, 'requestQuote'], [c.clerk, 'quoteApproved'], [c.engineer, 'waitForParts'], [c.clerk, 'partsArrived']] as const) {
      const r = await move(who, m);
      expect(r.ok, m).toBe(true);
    }
    const { version } = await h.ok(c.clerk, 'returns.get', { id });
    await h.ok(c.clerk, 'returns.inform', { id, version, expectedDate: '2026-12-05', channel: 'phone', note: '配件预计下周到' });
    expect((await move(c.engineer, 'finishRepair')).ok).toBe(true);

    const stale = await h.call(c.clerk, 'returns.handBack', { id, version, pickedUpBy: '陈先生', accessoriesBack: [], signature: SIGNATURE });
    expect(stale.ok).toBe(false);
    let rec = await h.ok(c.clerk, 'returns.get', { id });
    const missing = await h.call(c.clerk, 'returns.handBack', { id, version: rec.version, pickedUpBy: '陈先生', accessoriesBack: [{ name: '遥控器', quantity: 1 }], signature: SIGNATURE });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('电源线');
    const delegateNoId = await h.call(c.clerk, 'returns.handBack', { id, version: rec.version, pickedUpBy: '王五', delegate: true, accessoriesBack: rec.accessories, signature: SIGNATURE });
    expect(delegateNoId.ok).toBe(false);
    // The repaired device's ticket is accepted by this hand-back, so the customer's satisfaction comes with the signature.
    await h.ok(c.clerk, 'returns.handBack', { id, version: rec.version, pickedUpBy: '王五', delegate: true, idNote: '身份证尾号 1234', accessoriesBack: rec.accessories, signature: SIGNATURE, satisfaction: 'satisfied' });

    rec = await h.ok(c.clerk, 'returns.get', { id });
    expect(rec.state).toBe('returned');
    expect(rec.pickup).toMatchObject({ by: '王五', delegate: true, idNote: '身份证尾号 1234' });
    expect(rec.expectedDate).toBe('2026-12-05');
    expect(rec.events.map((e) => e.kind)).toEqual(['checkedIn', 'startInspection', 'requestQuote', 'quoteApproved', 'waitForParts', 'partsArrived', 'informed', 'finishRepair', 'handedBack']);
    expect(rec.events.find((e) => e.kind === 'informed')?.data).toEqual({ expectedDate: '2026-12-05', channel: 'phone' });
    expect(rec.moves).toEqual([]);
    const again = await h.call(c.clerk, 'returns.inform', { id, version: rec.version, expectedDate: '2026-12-09', channel: 'phone' });
    expect(again.ok).toBe(false);
  });

  it('scraps only an unrepairable device, with the consent written down', async () => {
    const { id } = await checkIn({ serial: 'KFR35-0200' });
    const step = async (who: Client, move: 'startInspection' | 'declareUnrepairable' | 'scrap', reason = '') =>
      h.call(who, 'returns.move', { id, version: (await h.ok(who, 'returns.get', { id })).version, move, reason });
    expect((await step(c.engineer, 'startInspection')).ok).toBe(true);
    expect((await step(c.engineer, 'declareUnrepairable')).ok).toBe(false);
    expect((await step(c.engineer, 'declareUnrepairable', '主板烧毁，无备件')).ok).toBe(true);
    expect((await step(c.clerk, 'scrap')).ok).toBe(false);
    expect((await step(c.clerk, 'scrap', '客户电话同意报废 11-24')).ok).toBe(true);
    expect((await h.ok(c.clerk, 'returns.get', { id })).state).toBe('scrapped');
  });
});

describe('register list', () => {
  it('filters by state, age, customer, model and overdue; prefix search by number or serial', async () => {
    const all = await h.ok(c.clerk, 'returns.list', {});
    expect(all.total).toBe(7);
    const received = await h.ok(c.clerk, 'returns.list', { states: ['received'] });
    expect(received.rows.every((r) => r.state === 'received')).toBe(true);
    expect((await h.ok(c.clerk, 'returns.list', { query: 'rma20261125' })).rows.map((r) => r.number)).toEqual(['RMA202611250001']);
    expect((await h.ok(c.clerk, 'returns.list', { query: 'KFR35-010' })).total).toBe(1);
    expect((await h.ok(c.clerk, 'returns.list', { modelId: 9999 })).total).toBe(0);
    const customerId = (await h.ok(c.clerk, 'returns.get', { number: 'RMA202611240001' })).customerId;
    expect((await h.ok(c.clerk, 'returns.list', { customerId })).total).toBe(all.total);
    expect((await h.ok(c.clerk, 'returns.list', { ticketId })).total).toBe(all.total);
    const otherTicket = (await h.ok(c.clerk, 'tickets.create', intake())).id;
    const other = await h.ok(c.clerk, 'returns.checkIn', { ticketId: otherTicket, modelId, serial: 'OTHER-1', faultStated: '不开机' });
    const ofOther = await h.ok(c.clerk, 'returns.list', { ticketId: otherTicket });
    expect(ofOther.rows.map((r) => r.number)).toEqual([other.number]);
    expect((await h.ok(c.clerk, 'returns.list', { ticketId })).total).toBe(all.total);
    expect((await h.ok(c.clerk, 'returns.list', { ticketId: 999_999 })).total).toBe(0);
    expect((await h.call(c.clerk, 'returns.list', { ticketId: 'x' as unknown as number })).ok).toBe(false);
    expect((await h.ok(c.clerk, 'returns.list', { overdueOnly: true })).total).toBe(0);
    expect((await h.ok(c.clerk, 'returns.list', { minDays: 3 })).total).toBe(0);

    // Ten days later: the open records with a 7-day default are overdue and 10 days in the depot.
    h.clock.now = new Date('2026-12-04T10:00:00Z');
    const clerk = h.client();
    await h.ok(clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const overdue = await h.ok(clerk, 'returns.list', { overdueOnly: true, ticketId });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.overdue && r.daysInDepot >= 9)).toBe(true);
    expect((await h.ok(clerk, 'returns.list', { minDays: 9, openOnly: true })).rows.every((r) => r.state !== 'returned' && r.state !== 'scrapped')).toBe(true);
    h.clock.now = new Date('2026-11-24T10:00:00Z');
  });
});
