/**
 * Done means (issue 20): a ticket taken through intake, quote, repair and closing sends the customer's four
 * messages (received, quote ready, ready for pickup, closed with a satisfaction request) over a real SMTP
 * server; the follow-up reminder waits for the follow-up's due time and is cancelled by the call itself.
 * Templates preview against the real ticket with the SMS length and segments.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { mailSettings, startMailServer, type MailServer } from './mail-server';

const SIG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const RULES: InputOf<'fees.standard.publish'>['rules'] = {
  labour: [{ productLine: '电子', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }],
  lodgingPerNightFen: 20_000,
  discountApprovalShareBp: 1_000,
};
const LINES: InputOf<'quotes.create'>['lines'] = [{ kind: 'labour', productLine: '电子', difficulty: 'standard', unit: 'visit', quantity: 1 }, { kind: 'part', partNo: 'LCD-P50', quantity: 1 }];

let h: Harness;
let c: Record<Role, Client>;
let mail: MailServer;
let ticketId: number;
let modelId: number;

beforeEach(async () => {
  mail = await startMailServer({ user: 'desk@example.com', password: 'smtp-密码-Secret-42' });
  h = await openHarness(undefined, { trustedCa: [mail.ca], outboxEveryMs: null });
  c = await h.signedIn();
  await h.ok(c.admin, 'settings.update', { ...(await h.ok(c.admin, 'settings.get', {})), company: { name: '华信售后', address: '深圳市南山区科技园1号', hotline: '400-800-1234', logo: '' } });
  await h.ok(c.admin, 'messaging.settings.update', mailSettings(mail.port, 0));
  modelId = (await h.ok(c.admin, 'models.create', { code: 'P50', name: '手机', productLine: '电子', warrantyMonths: 12 })).id;
  await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'LCD-P50', name: '屏幕总成', priceFen: 42_000 });
  const newDevice = { serial: 'P50-2311-4402', modelId, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null };
  ticketId = (await h.ok(c.clerk, 'tickets.create', intake({ newDevice, faultDescription: '屏幕偶尔失灵', newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678', email: 'chen@example.com' } }))).id;
});
afterEach(async () => {
  await h.close();
  await mail.close();
});

const rec = (id: number) => h.ok(c.clerk, 'returns.get', { id });
const move = async (who: Client, id: number, m: InputOf<'returns.move'>['move'], extra: Partial<InputOf<'returns.move'>> = {}) =>
  h.ok(who, 'returns.move', { id, version: (await rec(id)).version, move: m, reason: '', ...extra });
const moveTicket = async (input: Record<string, unknown>) =>
  h.ok(c.clerk, 'tickets.move', { id: ticketId, version: (await h.ok(c.clerk, 'tickets.get', { id: ticketId })).version, ...input } as InputOf<'tickets.move'>);

describe('a repair from intake to closing', () => {
  it('sends the four customer messages, each once, and shows them on the ticket', async () => {
    const { id } = await h.ok(c.clerk, 'returns.checkIn', { ticketId, modelId, serial: 'P50-2311-4402', faultStated: '屏幕偶尔失灵', accessories: [] });
    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'requestQuote');
    const quote = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await move(c.clerk, id, 'quoteApproved', { consent: { channel: 'phone', signature: null, note: '客户电话同意' } });
    await move(c.engineer, id, 'finishRepair');
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'wechat', amountFen: bill.calc.totalFen });
    await h.ok(c.clerk, 'returns.handBack', { id, version: (await rec(id)).version, pickedUpBy: '陈先生', accessoriesBack: [], signature: SIG, satisfaction: 'satisfied' });
    await h.core.sendOutbox();
    expect(mail.received).toHaveLength(3);
    // The reminder waits for the follow-up's due time; the call came first, so it is never sent.
    await moveTicket({ move: 'followUpSolved', attitudeOk: true, satisfaction: 'satisfied', notes: '' });
    await moveTicket({ move: 'archive' });
    await h.core.sendOutbox();
    expect(mail.received).toHaveLength(4);
    const today = await h.ok(c.supervisor, 'outbox.list', { view: 'sentToday' });
    expect(today.map((m) => m.event).sort()).toEqual(['closed', 'quoteReady', 'readyForPickup', 'received']);
    const number = (await h.ok(c.clerk, 'tickets.get', { id: ticketId })).number;
    h.clock.now = new Date('2026-12-24T10:00:00Z');
    await h.core.sendOutbox();
    expect(mail.received).toHaveLength(4);
    await h.ok(c.supervisor, 'auth.login', { username: 'supervisor', password: 'supervisor-pass-1' });

    const subjects = mail.received.map((m) => m.subject);
    expect(subjects).toEqual([`【华信售后】报修已受理：${number}`, `【华信售后】维修报价：${number}`, `【华信售后】设备已修好，请取机：${number}`, `【华信售后】服务完成，请您评价：${number}`]);
    expect(mail.received[1]!.text).toContain(`维修报价为${(quote.calc.totalFen / 100).toFixed(2)}元`);
    expect(mail.received[2]!.text).toContain('请到深圳市南山区科技园1号取机（周一至周六 9:00–18:00）。设备免费保管30天。');
    const messages = await h.ok(c.supervisor, 'outbox.ofTicket', { ticketId });
    expect(messages.map((m) => [m.event, m.state])).toEqual([['received', 'sent'], ['quoteReady', 'sent'], ['readyForPickup', 'sent'], ['followUp', 'cancelled'], ['closed', 'sent']]);
    expect(await h.ok(c.supervisor, 'outbox.list', { view: 'sentToday' })).toEqual([]);
  }, 60_000);

  it('previews a template with the real ticket, the SMS length and segments, and refuses an unknown placeholder', async () => {
    const number = (await h.ok(c.clerk, 'tickets.get', { id: ticketId })).number;
    const p = await h.ok(c.admin, 'messaging.preview', { ticketNumber: number, event: 'received', subject: '', body: '{customer}您好，工单{ticket}已受理，热线{hotline}。{oops}' });
    expect(p.body).toBe(`陈先生您好，工单${number}已受理，热线400-800-1234。{oops}`);
    expect(p).toMatchObject({ length: [...p.body].length, segments: 1, unknown: ['oops'] });
    const view = await h.ok(c.admin, 'messaging.settings.get', {});
    const { emailPasswordSet: _set, smsSecretSet: _sms, wecomSet: _robot, ...settings } = view;
    const bad = await h.call(c.admin, 'messaging.settings.update', { ...settings, templates: { ...settings.templates, 'received.sms': { subject: '', body: '{oops}' } } });
    expect(bad.ok === false && bad.error.fields?.['templates.received.sms.body']).toContain('oops');
    const saved = await h.ok(c.admin, 'messaging.settings.update', { ...settings, templates: { ...settings.templates, 'received.email': { subject: '受理 {ticket}', body: '已受理' } } });
    expect(saved.templates['received.email'].subject).toBe('受理 {ticket}');
    expect(saved.emailPasswordSet).toBe(true);
  });
});
