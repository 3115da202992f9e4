/** Fees against a real SQLite file: standard versions, quote → consent → bill → payments, receivables. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';

const SIG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const RULES: InputOf<'fees.standard.publish'>['rules'] = {
  labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }],
  lodgingPerNightFen: 20_000,
  discountApprovalShareBp: 1_000,
};
/** The customer agreed to the bill by phone, the standard explained (no accepted quote carries it). */
const BY_PHONE = { channel: 'phone' as const, signature: null, note: '', informed: true as const };
const LINES: InputOf<'quotes.create'>['lines'] = [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }, { kind: 'part', partNo: 'CMP-1', quantity: 1 }];

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
  const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
  await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
  // Part prices come from the parts catalogue (备件库存), not the standard.
  await h.ok(c.supervisor, 'parts.create', { partNo: 'CMP-1', name: '压缩机', priceFen: 120_000 });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'FLT-1', name: '滤网', priceFen: 3_500, consumable: true });
  const t = await h.ok(c.clerk, 'tickets.create', intake({ newDevice: { serial: 'SN-OUT-1', modelId: model.id, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null } }));
  ticketId = t.id;
});
afterEach(() => h.close());

describe('fee standards', () => {
  it('an old quote keeps its standard version after the standard changes', async () => {
    const q1 = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: { ...RULES, labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 9_900, perHourFen: 5_000 }] } });
    const q2 = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    expect(q2.standardId).not.toBe(q1.standardId);
    expect(q2.calc.totalFen).toBe(129_900);
    const fees = await h.ok(c.clerk, 'quotes.get', { ticketId });
    const old = fees.quotes.find((q) => q.id === q1.id)!;
    expect([old.standardId, old.calc.totalFen, old.status]).toEqual([q1.standardId, 128_000, 'superseded']);
    const std = await h.ok(c.clerk, 'fees.standard.get', {});
    expect(std.versions).toHaveLength(2);
    expect(std.current?.id).toBe(q2.standardId);
  });

  it('refuses a backdated version and clerks cannot publish', async () => {
    const r = await h.call(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-01-01', rules: RULES });
    expect(r.ok === false && r.error.code).toBe('VALIDATION');
    expect((await h.call(c.clerk, 'fees.standard.publish', { effectiveFrom: '2026-12-01', rules: RULES })).ok).toBe(false);
  });

  it('the calculator previews with the ticket device warranty, and refuses zero quantities with a field message', async () => {
    const p = await h.ok(c.clerk, 'fees.calculate', { ticketId, lines: LINES });
    expect(p.decision.status).toBe('out');
    expect(p.calc.totalFen).toBe(128_000);
    const bad = await h.call(c.clerk, 'fees.calculate', { ticketId, lines: [{ kind: 'lodging', quantity: 0 }] });
    expect(bad.ok === false && bad.error.fields?.['lines.0.quantity']).toBe('数量须大于 0。');
  });

  it('a clerk cannot cover a line as goodwill; a supervisor can', async () => {
    const goodwill = [{ kind: 'part' as const, partNo: 'CMP-1', quantity: 1, override: { covered: true, reason: '老客户' } }];
    const r = await h.call(c.clerk, 'quotes.create', { ticketId, lines: goodwill });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    const q = await h.ok(c.supervisor, 'quotes.create', { ticketId, lines: goodwill });
    expect(q.calc.totalFen).toBe(0);
    expect(q.calc.lines[0]!.overrideReason).toBe('老客户');
  });
});

describe('quote → consent → bill → payments', () => {
  async function toDispatched(): Promise<number> {
    let v = (await h.ok(c.clerk, 'tickets.get', { id: ticketId })).version;
    const move = async (who: Client, input: object) => { await h.ok(who, 'tickets.move', { id: ticketId, version: v, ...input } as InputOf<'tickets.move'>); v = (await h.ok(c.clerk, 'tickets.get', { id: ticketId })).version; };
    await move(c.clerk, { move: 'startDiagnosis' });
    await move(c.engineer, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '压缩机坏', repairPlan: '更换压缩机' });
    const engineers = await h.ok(c.supervisor, 'users.engineers', {});
    await move(c.supervisor, { move: 'dispatch', engineerId: engineers[0]!.id });
    return v;
  }

  it('out-of-warranty work does not start until the customer accepts the quote', async () => {
    const v = await toDispatched();
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    const refused = await h.call(c.engineer, 'tickets.move', { id: ticketId, version: v, move: 'startService' });
    expect(refused.ok === false && refused.error.message).toContain('确认');
    const accepted = await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'onsite', signature: SIG });
    expect(accepted.consentSignatureId).not.toBeNull();
    await h.ok(c.engineer, 'tickets.move', { id: ticketId, version: v, move: 'startService' });
  });

  it('the bill differs from the quote; a large discount is refused until approved; partial payments; no overpayment', async () => {
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'phone' });
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: [...LINES, { kind: 'part', partNo: 'FLT-1', quantity: 1 }], discount: { kind: 'amount', fen: 20_000 } });
    expect([bill.quoteTotalFen, bill.calc.totalFen, bill.differenceFen]).toEqual([128_000, 111_500, -16_500]);
    const early = await h.call(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 10_000 });
    expect(early.ok === false && early.error.code).toBe('CONFLICT');
    expect((await h.call(c.clerk, 'bills.approveDiscount', { id: bill.id, version: bill.version })).ok).toBe(false);
    const approved = await h.ok(c.supervisor, 'bills.approveDiscount', { id: bill.id, version: bill.version });
    const part1 = await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 50_000, receiptNo: 'SJ-001' });
    expect([part1.paidFen, part1.balanceFen]).toEqual([50_000, 61_500]);
    const over = await h.call(c.clerk, 'payments.record', { billId: bill.id, method: 'wechat', amountFen: 61_501 });
    expect(over.ok === false && over.error.fields?.amountFen).toContain('615.00');
    const acked = await h.ok(c.clerk, 'payments.acknowledgeBalance', { billId: bill.id, version: part1.version, signature: SIG, promisedDate: '2026-12-10' });
    expect(acked.ackSignatureId).not.toBeNull();
    const fees = await h.ok(c.engineer, 'quotes.get', { ticketId });
    expect(fees.payments.map((p) => [p.amountFen, p.receiptNo, p.takenByName])).toEqual([[50_000, 'SJ-001', 'clerk']]);
    expect(approved.discountApprovedAt).not.toBeNull();
  });

  it('concurrent payments on one bill never exceed its total', async () => {
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: BY_PHONE });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => h.call(i % 2 ? c.clerk : c.supervisor, 'payments.record', { billId: bill.id, method: 'alipay', amountFen: 50_000 })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const after = (await h.ok(c.clerk, 'quotes.get', { ticketId })).bill!;
    expect([after.paidFen, after.balanceFen]).toEqual([100_000, 28_000]);
  });

  it('receivables by customer age by bill date', async () => {
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: BY_PHONE });
    await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'card', amountFen: 8_000 });
    const relogin = () => h.ok(c.clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    h.clock.now = new Date('2027-01-10T10:00:00Z'); // 47 days later
    await relogin();
    const t2 = await h.ok(c.clerk, 'tickets.create', intake({ reportedAt: '2027-01-10T01:00:00.000Z', newCustomer: { name: '李女士', salutation: 'ms', phone: '13900001111' } }));
    await h.ok(c.clerk, 'bills.create', { ticketId: t2.id, lines: [{ kind: 'lodging', quantity: 1 }], consent: BY_PHONE });
    h.clock.now = new Date('2027-03-01T10:00:00Z'); // 97 and 50 days
    await relogin();
    const rows = await h.ok(c.clerk, 'receivables.list', {});
    expect(rows.map((r) => [r.customerName, r.buckets.over90, r.buckets.d31_60, r.totalFen])).toEqual([
      ['陈先生', 120_000, 0, 120_000],
      ['李女士', 0, 20_000, 20_000],
    ]);
    // Each row opens the bills behind it, oldest first, with their tickets and ages.
    const chen = await h.ok(c.clerk, 'receivables.bills', { customerId: rows[0]!.customerId });
    const ticket = await h.ok(c.clerk, 'tickets.get', { id: ticketId });
    expect(chen.map((b) => [b.ticketId, b.ticketNumber, b.balanceFen, b.paidFen, b.ageDays])).toEqual([[ticketId, ticket.number, 120_000, 8_000, 97]]);
    expect(await h.ok(c.clerk, 'receivables.bills', { customerId: 99_999 })).toEqual([]);
  });
});

describe("no money before the customer's consent (seed 001: 获取书面同意后再收取)", () => {
  const SIGNED_ON_SITE = { channel: 'onsite' as const, signature: SIG, note: '', informed: true as const };

  it('a chargeable bill whose only quote is still pending is refused, in words', async () => {
    await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    const r = await h.call(c.clerk, 'bills.create', { ticketId, lines: LINES });
    expect(r.ok === false && r.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('客户同意') });
    expect((await h.ok(c.clerk, 'quotes.get', { ticketId })).bill).toBeNull();
  });

  it('consent recorded on the bill itself: a signature on site and the clerk attesting the customer was told the standard', async () => {
    const unsigned = await h.call(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: { ...SIGNED_ON_SITE, signature: null } });
    expect(unsigned.ok === false && unsigned.error.fields).toMatchObject({ 'consent.signature': '客户在场时须手写签名' });
    const unattested = await h.call(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: { ...SIGNED_ON_SITE, informed: false } as unknown as typeof SIGNED_ON_SITE });
    expect(unattested.ok === false && Object.keys(unattested.error.fields ?? {})).toEqual(['consent.informed']);
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: SIGNED_ON_SITE });
    expect([bill.consentFrom, bill.consentChannel, bill.consentSignatureId !== null, bill.consentAt]).toEqual(['bill', 'onsite', true, '2026-11-24T10:00:00.000Z']);
    expect((await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 10_000 })).paidFen).toBe(10_000);
  });

  it('an accepted quote is the consent; a bill that charges nothing needs none', async () => {
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'phone' });
    expect((await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES })).consentFrom).toBe('quote');
    // One bill per ticket, and the refusal names it in words (not "what.bill").
    const again = await h.call(c.clerk, 'bills.create', { ticketId, lines: LINES });
    expect(again.ok === false && again.error).toMatchObject({ code: 'DUPLICATE', message: '该工单的账单已存在。' });
    const t2 = await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: { name: '李女士', salutation: 'ms', phone: '13900001111' } }));
    const goodwill = await h.ok(c.supervisor, 'bills.create', { ticketId: t2.id, lines: [{ kind: 'lodging', quantity: 1, override: { covered: true, reason: '我方原因' } }] });
    expect([goodwill.calc.totalFen, goodwill.consentFrom]).toEqual([0, null]);
  });

  it('a bill above the accepted quote waits for the customer to agree to the difference; at or below the quote it does not', async () => {
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'phone' });
    const more = await h.ok(c.clerk, 'bills.create', { ticketId, lines: [...LINES, { kind: 'lodging', quantity: 1 }] });
    expect(more.calc.totalFen).toBeGreaterThan(q.calc.totalFen);
    expect([more.consentFrom, more.quoteTotalFen, more.differenceFen]).toEqual([null, q.calc.totalFen, more.calc.totalFen - q.calc.totalFen]);
    const refused = await h.call(c.clerk, 'payments.record', { billId: more.id, method: 'cash', amountFen: 10_000 });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('客户同意') });
    const consented = await h.ok(c.clerk, 'bills.consent', { id: more.id, version: more.version, channel: 'phone', signature: null, note: '同意加收住宿费', informed: true });
    expect(consented.consentFrom).toBe('bill');
    expect((await h.ok(c.clerk, 'payments.record', { billId: more.id, method: 'cash', amountFen: 10_000 })).paidFen).toBe(10_000);
    // A second consent on it is refused: it already has one.
    const twice = await h.call(c.clerk, 'bills.consent', { id: more.id, version: consented.version + 1, channel: 'phone', signature: null, note: '', informed: true });
    expect(twice.ok).toBe(false);
  });

  it('no payment on a bill without consent (one written before the rule) until consent is recorded on it', async () => {
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: { channel: 'phone', signature: null, note: '电话确认', informed: true } });
    await h.core.db.write((tx) => tx.run('UPDATE bills SET consent_at = NULL, consent_channel = NULL WHERE id = ?', [bill.id]));
    const refused = await h.call(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 10_000 });
    expect(refused.ok === false && refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('客户同意') });
    const before = (await h.ok(c.clerk, 'quotes.get', { ticketId })).bill!;
    expect(before.consentFrom).toBeNull();
    const consented = await h.ok(c.clerk, 'bills.consent', { id: bill.id, version: before.version, channel: 'email', signature: null, note: '邮件回复同意', informed: true });
    expect([consented.consentFrom, consented.consentChannel]).toEqual(['bill', 'email']);
    expect((await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 10_000 })).paidFen).toBe(10_000);
  });
});
