/**
 * No double tickets and the customer's history (issue 22), against a real SQLite file: which tickets the
 * intake lookup offers (open, closed 29 vs 31 days ago, by phone, serial and device), the note added when
 * the customer calls again, a new ticket with its reason, the repeat flag at the 90-day window's edge,
 * the audited key-account flag, and the history panel with balances and devices in the depot.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { relatedQuery } from '../../electron/core/services/related.service';

let h: Harness;
let c: Record<Role, Client>;
let modelId: number;
const DAY = 86_400_000;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
  modelId = (await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 })).id;
});
afterEach(() => h.close());

const device = (serial: string) => ({ newDevice: { serial, modelId, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null } });

/** Closes a ticket `daysAgo` days before the desk clock (the lifecycle's own moves are tested elsewhere). */
async function closeDaysAgo(id: number, daysAgo: number) {
  const at = h.clock.now.getTime() - daysAgo * DAY; // kept as milliseconds (db/instants.ts)
  await h.core.db.write((tx) => tx.run("UPDATE tickets SET status = 'closed', closed_at = ? WHERE id = ?", [at, id]));
}

const related = (input: Partial<InputOf<'tickets.related'>>) => h.ok(c.clerk, 'tickets.related', { phone: '', serial: '', deviceId: null, ...input });

describe('the related-ticket lookup', () => {
  it('finds an open ticket by phone (any spelling), serial and device, saying what matched', async () => {
    const t = await h.ok(c.clerk, 'tickets.create', intake(device('SN-A1')));
    const { device: d } = await h.ok(c.clerk, 'tickets.get', { id: t.id });
    expect((await related({ phone: '+86 138-0013-5678' })).map((r) => [r.number, r.matches])).toEqual([[t.number, ['phone']]]);
    expect((await related({ serial: 'sn-a1' })).map((r) => r.matches)).toEqual([['serial']]);
    expect((await related({ deviceId: d!.id })).map((r) => r.matches)).toEqual([['device']]);
    const all = await related({ phone: '13800135678', serial: 'SN-A1', deviceId: d!.id });
    expect(all).toHaveLength(1);
    expect(all[0]!.matches.sort()).toEqual(['device', 'phone', 'serial']);
    expect(all[0]).toMatchObject({ status: 'registered', customerName: '陈先生', serial: 'SN-A1', closedAt: null });
    // Another phone, another serial, a phone still being typed: nothing.
    expect(await related({ phone: '13900000000', serial: 'SN-B9', deviceId: 999 })).toEqual([]);
    expect(await related({ phone: '138001' })).toEqual([]);
  });

  it('offers a ticket closed 29 days ago, not one closed 31 days ago, nor a cancelled one', async () => {
    const recent = await h.ok(c.clerk, 'tickets.create', intake(device('SN-29')));
    const old = await h.ok(c.clerk, 'tickets.create', intake(device('SN-31')));
    const cancelled = await h.ok(c.clerk, 'tickets.create', intake(device('SN-CX')));
    await closeDaysAgo(recent.id, 29);
    await closeDaysAgo(old.id, 31);
    await h.core.db.write((tx) => tx.run("UPDATE tickets SET status = 'cancelled' WHERE id = ?", [cancelled.id]));
    expect((await related({ phone: '13800135678' })).map((r) => r.number)).toEqual([recent.number]);
    expect((await related({ serial: 'SN-29' }))[0]).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(await related({ serial: 'SN-31' })).toEqual([]);
    // The edge: a minute inside 30 days is offered, a minute past it is not.
    const inside = await h.ok(c.clerk, 'tickets.create', intake(device('SN-30A')));
    const past = await h.ok(c.clerk, 'tickets.create', intake(device('SN-30B')));
    await closeDaysAgo(inside.id, 30 - 1 / 1440);
    await closeDaysAgo(past.id, 30 + 1 / 1440);
    expect((await related({ serial: 'SN-30A' })).map((r) => r.id)).toEqual([inside.id]);
    expect(await related({ serial: 'SN-30B' })).toEqual([]);
  });

  it('is the desk\'s: an engineer may not look up', async () => {
    const r = await h.call(c.engineer, 'tickets.related', { phone: '13800135678', serial: '', deviceId: null });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
  });
});

describe('the customer calls again', () => {
  it('adds the note to the existing ticket\'s timeline and creates no ticket', async () => {
    const t = await h.ok(c.clerk, 'tickets.create', intake());
    await h.ok(c.clerk, 'tickets.calledAgain', { id: t.id, note: '客户再次来电：仍然不制冷' });
    const after = await h.ok(c.clerk, 'tickets.get', { id: t.id });
    expect(after.events.map((e) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['calledAgain', '客户再次来电：仍然不制冷'],
    ]);
    expect(after.events[1]!.actorName).toBe('clerk');
    expect((await h.ok(c.clerk, 'tickets.list', {})).total).toBe(1);
  });

  it('works on a ticket closed 29 days ago, and is refused on one closed 31 days ago', async () => {
    const recent = await h.ok(c.clerk, 'tickets.create', intake());
    const old = await h.ok(c.clerk, 'tickets.create', intake());
    await closeDaysAgo(recent.id, 29);
    await closeDaysAgo(old.id, 31);
    await h.ok(c.clerk, 'tickets.calledAgain', { id: recent.id, note: '客户再次来电' });
    const refused = await h.call(c.clerk, 'tickets.calledAgain', { id: old.id, note: '客户再次来电' });
    expect(refused.ok === false && refused.error.code).toBe('CONFLICT');
    expect((await h.call(c.clerk, 'tickets.calledAgain', { id: 9999, note: '客户再次来电' })).ok).toBe(false);
  });
});

describe('a new ticket beside a related one', () => {
  it('stores the reason on the ticket and shows it on its timeline', async () => {
    await h.ok(c.clerk, 'tickets.create', intake());
    const t = await h.ok(c.clerk, 'tickets.create', intake({ duplicateReason: '另一台空调，与原工单无关' }));
    const detail = await h.ok(c.clerk, 'tickets.get', { id: t.id });
    expect(detail.duplicateReason).toBe('另一台空调，与原工单无关');
    expect(detail.events.map((e) => [e.kind, e.note])).toEqual([
      ['created', null],
      ['registeredAgain', '另一台空调，与原工单无关'],
    ]);
    const stored = await h.core.db.get<{ duplicate_reason: string }>('SELECT duplicate_reason FROM tickets WHERE id = ?', [t.id]);
    expect(stored?.duplicate_reason).toBe('另一台空调，与原工单无关');
    // Without a reason (nothing related), the timeline has the registration only.
    const plain = await h.ok(c.clerk, 'tickets.get', { id: (await h.ok(c.clerk, 'tickets.create', intake({ contactPhone: '13911112222' }))).id });
    expect([plain.duplicateReason, plain.events.map((e) => e.kind)]).toEqual(['', ['created']]);
  });

  it('is refused without a reason for a serial or device with a ticket in progress, in words on the reason; a closed one or the phone alone needs none', async () => {
    const first = await h.ok(c.clerk, 'tickets.create', intake({ ...device('SN-D1') }));
    const { device: d } = await h.ok(c.clerk, 'tickets.get', { id: first.id });
    const refused = async (input: Partial<InputOf<'tickets.create'>>) => {
      const r = await h.call(c.clerk, 'tickets.create', intake(input));
      return r.ok ? null : r.error;
    };
    const words = `该设备（序列号）已有处理中的工单 ${first.number}：请填写新建工单的原因，或在原工单上记录客户再次来电。`;
    for (const input of [{ deviceId: d!.id }, { serial: 'sn-d1', modelId }, { deviceId: d!.id, duplicateReason: '   ' }]) {
      expect(await refused(input), JSON.stringify(input)).toMatchObject({ code: 'VALIDATION', fields: { duplicateReason: words } });
    }
    expect((await h.ok(c.clerk, 'tickets.list', {})).total).toBe(1);
    // The phone alone (a company's switchboard carries many open tickets) is the form's question, not a refusal.
    expect(await refused({ ...device('SN-D2') })).toBeNull();
    expect(await refused({ deviceId: d!.id, duplicateReason: '另一故障：遥控器失灵' })).toBeNull();
    await closeDaysAgo(first.id, 1);
    const second = (await h.ok(c.clerk, 'tickets.list', { q: 'SN-D1' })).rows.find((r) => r.id !== first.id)!;
    await closeDaysAgo(second.id, 1);
    expect(await refused({ deviceId: d!.id })).toBeNull();
  });

  it('marks a repeat of the same device within 90 days, not after (the statistics\' is_repeat), in the ticket and the list', async () => {
    const first = await h.ok(c.clerk, 'tickets.create', intake({ ...device('SN-R1'), reportedAt: '2026-08-26T02:00:00.000Z' }));
    const { device: d } = await h.ok(c.clerk, 'tickets.get', { id: first.id });
    // 2026-08-26T02:00Z + 90 days = 2026-11-24T02:00Z: on the edge it is a repeat; a minute later it is not.
    const edge = await h.ok(c.clerk, 'tickets.create', intake({ deviceId: d!.id, reportedAt: '2026-11-24T01:59:00.000Z', duplicateReason: '同一故障再次出现' }));
    expect((await h.ok(c.clerk, 'tickets.get', { id: edge.id })).isRepeat).toBe(true);
    expect((await h.ok(c.clerk, 'tickets.get', { id: first.id })).isRepeat).toBe(false);

    const other = await h.ok(c.clerk, 'tickets.create', intake({ ...device('SN-R2'), reportedAt: '2026-08-25T01:00:00.000Z' }));
    const { device: d2 } = await h.ok(c.clerk, 'tickets.get', { id: other.id });
    const late = await h.ok(c.clerk, 'tickets.create', intake({ deviceId: d2!.id, reportedAt: '2026-11-24T01:01:00.000Z', duplicateReason: '同一设备再次报修' }));
    expect((await h.ok(c.clerk, 'tickets.get', { id: late.id })).isRepeat).toBe(false);

    const rows = (await h.ok(c.clerk, 'tickets.list', {})).rows;
    expect(rows.filter((r) => r.isRepeat).map((r) => r.number)).toEqual([edge.number]);
  });
});

describe('the key-account flag', () => {
  it('is set with its note by a supervisor, refused to a clerk, and audited', async () => {
    const customer = await h.ok(c.clerk, 'customers.create', { name: '张江科技有限公司', kind: 'company', phone: '021-58880000' });
    const input = { ...customer, keyAccount: true, keyAccountNote: '年度服务合同，优先上门' };
    const refused = await h.call(c.clerk, 'customers.update', input);
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    expect(refused.ok === false && refused.error.fields?.keyAccount).toBe('重点客户标记及说明只能由主管或管理员修改');
    // Nor may a clerk mark one when registering the customer, alone or at intake.
    const marked = await h.call(c.clerk, 'customers.create', { name: '浦东物业', kind: 'company', phone: '021-58880001', keyAccount: true });
    expect(marked.ok === false && marked.error.fields?.keyAccount).toBe('重点客户标记及说明只能由主管或管理员修改');
    const atIntake = await h.call(c.clerk, 'tickets.create', intake({ contactPhone: '021-58880002', newCustomer: { name: '浦东物业二部', phone: '021-58880002', keyAccountNote: '合同客户' } }));
    expect(atIntake.ok === false && atIntake.error.code).toBe('FORBIDDEN');
    const saved = await h.ok(c.supervisor, 'customers.update', input);
    expect([saved.keyAccount, saved.keyAccountNote]).toEqual([true, '年度服务合同，优先上门']);
    // A clerk still corrects the address, the flag left as it is.
    await h.ok(c.clerk, 'customers.update', { ...saved, address: '上海市浦东新区' });
    const entries = (await h.ok(c.admin, 'audit.list', { entity: 'customers', entityId: customer.id, action: 'update' })).rows;
    expect(entries).toHaveLength(2);
    const flagged = entries.find((e) => 'key_account' in e.changes);
    expect(flagged?.actorName).toBe('supervisor');
    expect([flagged?.changes.key_account, flagged?.changes.key_account_note]).toEqual([
      [0, 1],
      ['', '年度服务合同，优先上门'],
    ]);
    const corrected = entries.find((e) => 'address' in e.changes);
    expect([corrected?.actorName, 'key_account' in (corrected?.changes ?? {})]).toEqual(['clerk', false]);
  });
});

describe('the history at a glance', () => {
  it('lists the customer\'s and the device\'s earlier tickets, the open balance and the devices in the depot', async () => {
    const RULES: InputOf<'fees.standard.publish'>['rules'] = { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }], lodgingPerNightFen: 20_000 };
    await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
    const first = await h.ok(c.clerk, 'tickets.create', intake(device('SN-H1')));
    const firstDetail = await h.ok(c.clerk, 'tickets.get', { id: first.id });
    const customerId = firstDetail.customer.id;
    const second = await h.ok(c.clerk, 'tickets.create', intake({ customerId, newCustomer: undefined, ...device('SN-H2') }));
    const current = await h.ok(c.clerk, 'tickets.create', intake({ customerId, newCustomer: undefined, deviceId: firstDetail.device!.id, duplicateReason: '同一台空调再次报修' }));
    const stranger = await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: { name: '李女士', salutation: 'ms', phone: '13900001111' } }));
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId: first.id, lines: [{ kind: 'lodging', quantity: 1 }], consent: { channel: 'phone', signature: null, note: '', informed: true } });
    await h.ok(c.clerk, 'returns.checkIn', { ticketId: second.id, modelId, serial: 'SN-H2', faultStated: '不开机' });
    await h.ok(c.clerk, 'returns.checkIn', { ticketId: stranger.id, modelId, serial: 'SN-X', faultStated: '不开机' });

    const history = await h.ok(c.engineer, 'tickets.history', { customerId, deviceId: firstDetail.device!.id, exceptTicketId: current.id });
    expect(history.customer).toEqual({ id: customerId, name: '陈先生', keyAccount: false, keyAccountNote: '' });
    expect(history.tickets.map((t) => t.number).sort()).toEqual([first.number, second.number].sort());
    expect(history.ticketTotal).toBe(2);
    expect(history.tickets[0]).toMatchObject({ faultSummary: expect.stringContaining('制冷效果差') });
    expect(bill.balanceFen).toBeGreaterThan(0);
    expect([history.balanceFen, history.openBills]).toEqual([bill.balanceFen, 1]);
    expect(history.depot.map((d) => [d.serial, d.state])).toEqual([['SN-H2', 'received']]);

    // Only the device known (its owner is found from it); nothing known: an empty panel.
    const byDevice = await h.ok(c.clerk, 'tickets.history', { customerId: null, deviceId: firstDetail.device!.id, exceptTicketId: null });
    expect(byDevice.customer?.id).toBe(customerId);
    expect(byDevice.ticketTotal).toBe(3);
    const none = await h.ok(c.clerk, 'tickets.history', { customerId: null, deviceId: null, exceptTicketId: null });
    expect(none).toEqual({ customer: null, tickets: [], ticketTotal: 0, balanceFen: 0, openBills: 0, depot: [] });
  });
});

describe('the lookup at a million tickets', () => {
  it('probes ix_tickets_phone, ix_tickets_serial and a device index, never scans the tickets', async () => {
    const q = relatedQuery({ phone: '138 0013 5678', serial: 'sn-a1', deviceId: 7 }, h.clock.now)!;
    const plan = (await h.core.db.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, q.params)).map((r) => r.detail);
    const uses = (index: string) => plan.some((d) => d.includes(`USING INDEX ${index} (`) || d.includes(`USING COVERING INDEX ${index} (`));
    expect([uses('ix_tickets_phone'), uses('ix_tickets_serial'), uses('ix_tickets_device_reported')], plan.join('\n')).toEqual([true, true, true]);
    expect(plan.filter((d) => /^SCAN t\b|^SCAN tickets\b/.test(d)), plan.join('\n')).toEqual([]);
    expect(plan.some((d) => /SEARCH t USING INTEGER PRIMARY KEY/.test(d)), plan.join('\n')).toBe(true);
  });
});
