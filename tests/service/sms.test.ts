/**
 * SMS through the outbox against a local HTTPS server that checks each request as the provider documents it
 * (tests/service/sms-server.ts): Alibaba Cloud and Tencent Cloud SendSms, the template's variables by name or
 * in order, the providers' refusals in words (permanent ones fail at once, throttling and outages wait for the
 * back-off), the certificate trusted only because the test hands over its CA, and the secret never in clear.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import { DEFAULT_MESSAGING, type SmsProvider } from '../../shared/domain/messaging';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { APP_ID, KEY_ID, SECRET, startSmsServer, type SmsServer } from './sms-server';

const states = (h: Harness) => h.core.db.query<{ state: string; attempts: number; last_error: string; body: string }>('SELECT state, attempts, last_error, body FROM outbox ORDER BY id');

let h: Harness;
let c: Record<Role, Client>;
let sms: SmsServer;

async function open(trust = true): Promise<void> {
  h = await openHarness(undefined, { trustedCa: trust ? [sms.ca] : undefined, outboxEveryMs: null });
  c = await h.signedIn();
  await h.ok(c.admin, 'settings.update', { ...(await h.ok(c.admin, 'settings.get', {})), company: { name: '华信售后', address: '深圳市南山区科技园1号', hotline: '400-800-1234', logo: '' } });
}

function smsSettings(provider: SmsProvider, version: number, secret = SECRET): InputOf<'messaging.settings.update'> {
  const { enabled, templates, openingHours, storageTerms, email, overdueEmail, retentionDays } = DEFAULT_MESSAGING;
  return {
    version, email, enabled, templates, openingHours, storageTerms, overdueEmail, retentionDays,
    sms: { provider, keyId: KEY_ID, signName: '华信售后', appId: APP_ID, region: 'ap-guangzhou', endpoint: sms.url, templateCodes: { received: provider === 'aliyun' ? 'SMS_154950909' : '449739', quoteReady: 'SMS_2', readyForPickup: 'SMS_3', closed: 'SMS_4', followUp: '' } },
    smsSecret: secret,
  };
}

beforeEach(async () => {
  sms = await startSmsServer(() => h.clock.now);
});
afterEach(async () => {
  await h.close();
  await sms.close();
});

describe('SMS through Alibaba Cloud and Tencent Cloud', () => {
  it('Alibaba: the received message goes as template SMS_154950909 with its variables by name, signed and checked by the server', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 0));
    const t = await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    expect(sms.refused).toEqual([]);
    expect(sms.received).toEqual([{ provider: 'aliyun', phone: '13800135678', signName: '华信售后', template: 'SMS_154950909', params: { customer: '陈先生', ticket: t.number, hotline: '400-800-1234' } }]);
    expect(await states(h)).toMatchObject([{ state: 'sent', attempts: 1, body: `陈先生您好，您的报修已受理，工单号${t.number}。如有疑问请致电400-800-1234。` }]);
    expect(await h.core.sendOutbox()).toBe(0);
    expect(sms.received).toHaveLength(1);
  });

  it('Tencent: the same message as TemplateId 449739 with its variables in order, to +86…, TC3-signed', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('tencent', 0));
    const t = await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    expect(sms.refused).toEqual([]);
    expect(sms.received).toEqual([{ provider: 'tencent', phone: '+8613800135678', signName: '华信售后', template: '449739', params: ['陈先生', t.number, '400-800-1234'] }]);
    expect((await states(h))[0]).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('a message without a template code for its event is not queued as SMS (the provider sends only approved templates)', async () => {
    await open();
    const settings = smsSettings('aliyun', 0);
    await h.ok(c.admin, 'messaging.settings.update', { ...settings, sms: { ...settings.sms, templateCodes: { ...settings.sms.templateCodes, received: '' } } });
    await h.ok(c.clerk, 'tickets.create', intake());
    expect(await states(h)).toEqual([]);
  });

  it.each([
    ['aliyun', [200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '该账号下找不到对应模板' }], 'smsTemplate'],
    ['aliyun', [200, { Code: 'isv.SMS_SIGNATURE_ILLEGAL', Message: '该账号下找不到对应签名' }], 'smsSign'],
    ['aliyun', [200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '手机号码格式错误' }], 'badNumber'],
    ['aliyun', [200, { Code: 'isv.AMOUNT_NOT_ENOUGH', Message: '账户余额不足' }], 'balance'],
    ['tencent', [200, { Response: { SendStatusSet: [{ Code: 'FailedOperation.TemplateIncorrectOrUnapproved', Message: 'template is not approved' }] } }], 'smsTemplate'],
    ['tencent', [200, { Response: { SendStatusSet: [{ Code: 'FailedOperation.SignatureIncorrectOrUnapproved', Message: 'signature is not approved' }] } }], 'smsSign'],
    ['tencent', [200, { Response: { SendStatusSet: [{ Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'invalid number' }] } }], 'badNumber'],
  ] as const)('%s answering %j fails the message at once as %s, with the reason in words', async (provider, answer, kind) => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings(provider, 0));
    sms.answers.push([answer[0], answer[1]]);
    await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    const [row] = await h.ok(c.supervisor, 'outbox.list', { view: 'failed' });
    expect(row).toMatchObject({ state: 'failed', attempts: 1, channel: 'sms' });
    expect(row!.lastError.split('|')[0]).toBe(kind);
  });

  it('a wrong secret: the server\'s signature check refuses it (SignatureDoesNotMatch / AuthFailure), failed at once as a credentials problem', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 0, 'wrong-secret'));
    await h.ok(c.clerk, 'tickets.create', intake({ contactPhone: '139 0000 0001' }));
    await h.core.sendOutbox();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('tencent', 1, 'wrong-secret'));
    await h.ok(c.clerk, 'tickets.create', intake({ contactPhone: '139 0000 0002' }));
    await h.core.sendOutbox();
    expect(sms.refused).toEqual(['SignatureDoesNotMatch', 'AuthFailure.SignatureFailure']);
    expect((await states(h)).map((r) => [r.state, r.last_error.split('|')[0]])).toEqual([['failed', 'auth'], ['failed', 'auth']]);
  });

  it('throttling (isv.BUSINESS_LIMIT_CONTROL, 发送过于频繁) and a 5xx are passing: tried again after the back-off, then sent', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 0));
    sms.answers.push([200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发号码天级流控' }], [503, { Code: 'ServiceUnavailable', Message: 'busy' }]);
    await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    expect(await states(h)).toMatchObject([{ state: 'queued', attempts: 1 }]);
    expect((await states(h))[0]!.last_error.split('|')[0]).toBe('throttled');
    const start = h.clock.now.getTime();
    h.clock.now = new Date(start + 60_000);
    await h.core.sendOutbox();
    expect(await states(h)).toMatchObject([{ state: 'queued', attempts: 2 }]);
    expect((await states(h))[0]!.last_error.split('|')[0]).toBe('connection');
    h.clock.now = new Date(start + 2 * 60_000);
    await h.core.sendOutbox(); // 2 minutes after the second try: not yet
    expect(await states(h)).toMatchObject([{ state: 'queued', attempts: 2 }]);
    h.clock.now = new Date(start + 3 * 60_000);
    await h.core.sendOutbox();
    expect(await states(h)).toMatchObject([{ state: 'sent', attempts: 3 }]);
    expect(sms.received).toHaveLength(3);
  });

  it('an outage (connections refused) keeps the messages queued on the back-off; all go out once the provider is back', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('tencent', 0));
    await sms.close();
    for (const phone of ['139 0000 0001', '139 0000 0002']) await h.ok(c.clerk, 'tickets.create', intake({ contactPhone: phone }));
    const start = h.clock.now.getTime();
    for (let minute = 0; minute <= 120; minute += 1) {
      h.clock.now = new Date(start + minute * 60_000);
      await h.core.sendOutbox();
    }
    // Tries at minutes 0, 1, 3, 7, 15, 31, 63 (then the next at 127).
    expect((await states(h)).map((r) => [r.state, r.attempts, r.last_error.split('|')[0]])).toEqual([['queued', 7, 'connection'], ['queued', 7, 'connection']]);
    await sms.reopen();
    h.clock.now = new Date(start + 127 * 60_000);
    await h.core.sendOutbox();
    expect(sms.received.map((r) => r.phone).sort()).toEqual(['+8613900000001', '+8613900000002']);
    expect((await states(h)).map((r) => r.state)).toEqual(['sent', 'sent']);
  }, 60_000);

  it('without the test\'s CA the self-signed certificate is refused (verification is on): nothing is sent, the message waits', async () => {
    await open(false);
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 0));
    await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    expect(sms.received).toEqual([]);
    const [row] = await states(h);
    expect(row).toMatchObject({ state: 'queued', attempts: 1 });
    expect(row!.last_error).toMatch(/^connection\|.*(self.signed|certificate)/i);
  });

  it('the SMS secret is sealed: never shown back, never in clear in the database, its WAL or the audit trail', async () => {
    await open();
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 0, 'an-old-secret'));
    await h.ok(c.admin, 'messaging.settings.update', smsSettings('aliyun', 1));
    await h.ok(c.clerk, 'tickets.create', intake());
    await h.core.sendOutbox();
    expect(sms.received).toHaveLength(1);
    const view = await h.ok(c.admin, 'messaging.settings.get', {});
    expect(view.smsSecretSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    const audit = await h.core.db.query<{ changes: string }>("SELECT changes FROM audit_log WHERE entity = 'messaging_settings'");
    expect(audit.map((a) => a.changes).join()).toContain('smsSecret');
    expect(audit.map((a) => a.changes).join()).not.toContain(SECRET);
    const needle = Buffer.from(SECRET);
    for (const file of fs.readdirSync(h.dir).filter((f) => f.startsWith('aftercare.sqlite'))) expect(fs.readFileSync(path.join(h.dir, file)).includes(needle), file).toBe(false);
  });
});
