/** The pure rules of customer messages: placeholders, the SMS length and segments, the back-off, sealing secrets. */
import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { backoffMs, DEFAULT_TEMPLATES, renderTemplate, smsSegments, unknownPlaceholders } from '../../shared/domain/messaging';
import { seal, unseal } from '../../electron/core/messaging/secrets';

describe('SMS length and segments (70 UCS-2 characters in one, 67 per part when split)', () => {
  it.each([
    ['', 0, 0],
    ['好', 1, 1],
    ['好'.repeat(70), 70, 1],
    ['好'.repeat(71), 71, 2],
    ['好'.repeat(134), 134, 2],
    ['好'.repeat(135), 135, 3],
    ['😀'.repeat(70), 70, 1],
  ])('%#: %s has %i characters in %i segments', (text, length, segments) => {
    expect(smsSegments(text)).toEqual({ length, segments });
  });
});

describe('templates', () => {
  const values = { customer: '陈先生', ticket: 'TS202611240001', company: '华信售后', hotline: '400-800-1234', amount: '1,280.50', address: '深圳', hours: '9–18', storage: '保管30天', model: 'KFR-35' };
  it.each([
    ['{customer}您好，工单{ticket}', '陈先生您好，工单TS202611240001'],
    ['报价{amount}元', '报价1,280.50元'],
    ['{unknown}留着', '{unknown}留着'],
    ['没有占位符', '没有占位符'],
  ])('%s → %s', (text, out) => expect(renderTemplate(text, values)).toBe(out));

  it('names the placeholders it does not know', () => {
    expect(unknownPlaceholders('{customer}{amout}{ticket}{x}')).toEqual(['amout', 'x']);
  });

  it('every default SMS fits two segments with a real ticket number', () => {
    for (const [key, t] of Object.entries(DEFAULT_TEMPLATES).filter(([k]) => k.endsWith('.sms'))) {
      expect(smsSegments(renderTemplate(t.body, values)).segments, key).toBeLessThanOrEqual(2);
      expect(unknownPlaceholders(t.body), key).toEqual([]);
    }
  });
});

describe('back-off', () => {
  it.each([
    [1, 1], [2, 2], [3, 4], [4, 8], [5, 16], [6, 32], [7, 60], [8, 60], [80, 60],
  ])('after %i tries, wait %i minutes', (attempts, minutes) => expect(backoffMs(attempts)).toBe(minutes * 60_000));
});

describe('sealed secrets (AES-256-GCM)', () => {
  const key = crypto.randomBytes(32);
  it('open what they sealed, never hold the clear text, differ each time', () => {
    const a = seal(key, 'smtp-密码-Secret');
    expect(unseal(key, a)).toBe('smtp-密码-Secret');
    expect(a).not.toContain('Secret');
    expect(seal(key, 'smtp-密码-Secret')).not.toBe(a);
  });
  it('refuse a tampered value or another key', () => {
    const a = seal(key, 'secret');
    const parts = a.split(':');
    parts[3] = Buffer.from('SECRET').toString('base64');
    expect(() => unseal(key, parts.join(':'))).toThrow();
    expect(() => unseal(crypto.randomBytes(32), a)).toThrow();
  });
});
