/**
 * What an SMS sends the provider: the template's placeholders as variables (in order, each once), each value within
 * the providers' rules (no links, at most 35 characters); each provider's answer code as a reason and whether
 * trying again can help; the robot's text within its byte limit and its 20-a-minute window.
 */
import { describe, expect, it } from 'vitest';
import { smsParams, smsVariable } from '../../shared/domain/messaging';
import { smsError } from '../../electron/core/messaging/sms';
import { RateWindow, robotText } from '../../electron/core/messaging/wecom';

describe('SMS template variables', () => {
  it.each([
    ['陈先生', '陈先生'],
    ['请访问 https://example.com/t/123 查看', '请访问 查看'],
    ['www.example.com', ''],
    ['深圳市南山区科技园科苑路15号科兴科学园A栋3单元12层1201室（电梯右转）', '深圳市南山区科技园科苑路15号科兴科学园A栋3单元12层1201室（…'],
    ['  多余   空格 ', '多余 空格'],
  ])('%s → %s', (value, sent) => {
    expect(smsVariable(value)).toBe(sent);
    expect([...smsVariable(value)].length).toBeLessThanOrEqual(35);
  });

  it('the placeholders of the template, each once, in the order they first appear; unknown ones are not variables', () => {
    const values = { customer: '陈先生', ticket: 'TS1', hotline: '400', amount: '1.00', company: 'c', address: 'a', hours: 'h', storage: 's', model: 'm' };
    expect(smsParams('{customer}您好，工单{ticket}…{hotline}，{ticket}{nope}', values)).toEqual([['customer', '陈先生'], ['ticket', 'TS1'], ['hotline', '400']]);
  });
});

describe('provider answers as reasons', () => {
  it.each([
    ['aliyun', 'isv.BUSINESS_LIMIT_CONTROL', 200, 'throttled', false],
    ['aliyun', 'Throttling.User', 400, 'throttled', false],
    ['aliyun', 'isp.SYSTEM_ERROR', 500, 'connection', false],
    ['aliyun', 'isv.SMS_TEMPLATE_ILLEGAL', 200, 'smsTemplate', true],
    ['aliyun', 'isv.TEMPLATE_MISSING_PARAMETERS', 200, 'smsTemplate', true],
    ['aliyun', 'isv.SMS_SIGNATURE_ILLEGAL', 200, 'smsSign', true],
    ['aliyun', 'isv.MOBILE_NUMBER_ILLEGAL', 200, 'badNumber', true],
    ['aliyun', 'InvalidAccessKeyId.NotFound', 404, 'auth', true],
    ['aliyun', 'SignatureDoesNotMatch', 400, 'auth', true],
    ['aliyun', 'isv.AMOUNT_NOT_ENOUGH', 200, 'balance', true],
    ['aliyun', 'Something.New', 400, 'rejected', true],
    ['aliyun', 'Something.New', 502, 'connection', false],
    ['tencent', 'LimitExceeded.PhoneNumberThirtySecondLimit', 200, 'throttled', false],
    ['tencent', 'RequestLimitExceeded', 200, 'throttled', false],
    ['tencent', 'InternalError.Timeout', 200, 'connection', false],
    ['tencent', 'FailedOperation.TemplateIncorrectOrUnapproved', 200, 'smsTemplate', true],
    ['tencent', 'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter', 200, 'smsTemplate', true],
    ['tencent', 'FailedOperation.SignatureIncorrectOrUnapproved', 200, 'smsSign', true],
    ['tencent', 'InvalidParameterValue.IncorrectPhoneNumber', 200, 'badNumber', true],
    ['tencent', 'AuthFailure.SecretIdNotFound', 200, 'auth', true],
    ['tencent', 'FailedOperation.InsufficientBalanceInSmsPackage', 200, 'balance', true],
  ] as const)('%s %s (HTTP %i) → %s, permanent %s', (provider, code, status, kind, permanent) => {
    const e = smsError(provider, code, 'm', status);
    expect([e.kind, e.permanent]).toEqual([kind, permanent]);
    expect(e.message).toBe(`${code}: m`);
  });
});

describe('the WeCom robot', () => {
  it('cuts a text to 2048 bytes on a character boundary', () => {
    const text = '超'.repeat(1000); // 3000 bytes
    expect(Buffer.byteLength(robotText(text))).toBe(2046);
    expect(robotText('short')).toBe('short');
  });

  it('takes 20 messages in any minute of the desk clock', () => {
    const clock = { now: new Date('2026-11-24T10:00:00Z') };
    const window = new RateWindow(20, 60_000, () => clock.now);
    expect(Array.from({ length: 21 }, () => window.take())).toEqual([...Array<boolean>(20).fill(true), false]);
    clock.now = new Date('2026-11-24T10:00:59.999Z');
    expect(window.take()).toBe(false);
    clock.now = new Date('2026-11-24T10:01:00.001Z');
    expect(window.take()).toBe(true);
  });
});
