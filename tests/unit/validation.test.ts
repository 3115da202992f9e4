import { describe, expect, it } from 'vitest';
import { ticketCreateInput } from '../../shared/api/tickets.schema';
import { customerFields } from '../../shared/api/master-data.schema';
import { validate } from '../../shared/api/validation';
import { en } from '../../shared/i18n/en';
import { zhCN } from '../../shared/i18n/zh-CN';
import { translate } from '../../shared/i18n/translate';

const base = {
  channel: 'phone',
  reportedAt: '2026-11-24T01:30:00.000Z',
  contactName: '陈先生',
  contactPhone: '13800135678',
  urgency: 'important',
  problemType: 'hardware',
  faultDescription: '制冷效果差',
  customerId: 1,
};

function problems(input: unknown) {
  const result = validate(ticketCreateInput, input);
  return result.ok ? {} : result.problems;
}

describe('intake validation names each field problem by an i18n key', () => {
  it.each([
    ['empty contact name', { contactName: '   ' }, 'contactName', 'validation.required'],
    ['missing description', { faultDescription: undefined }, 'faultDescription', 'validation.required'],
    ['description of 10,001 characters', { faultDescription: '坏'.repeat(10_001) }, 'faultDescription', 'validation.tooLong'],
    ['phone with letters', { contactPhone: '138-ABCD' }, 'contactPhone', 'validation.phone'],
    ['phone too short', { contactPhone: '1234' }, 'contactPhone', 'validation.phone'],
    ['unknown channel', { channel: 'fax' }, 'channel', 'validation.invalidChoice'],
    ['missing urgency', { urgency: undefined }, 'urgency', 'validation.required'],
    ['number instead of text', { contactName: 42 }, 'contactName', 'validation.wrongType'],
    ['not a date-time', { reportedAt: 'yesterday' }, 'reportedAt', 'validation.format.datetime'],
    ['serial with spaces', { serial: 'AB 12' }, 'serial', 'validation.serial'],
    ['no customer at all', { customerId: undefined }, 'customerId', 'validation.customerChoice'],
    ['unknown field', { isAdmin: true }, '', 'validation.unknownField'],
    ['model id 0 (nothing chosen)', { modelId: 0 }, 'modelId', 'validation.required'],
    ['negative model id', { modelId: -3 }, 'modelId', 'validation.required'],
    ['model id as text', { modelId: '7' }, 'modelId', 'validation.wrongType'],
  ])('%s', (_name, change, path, key) => {
    expect(problems({ ...base, ...change })[path]?.key).toBe(key);
  });

  it('an exclusive lower bound is worded as "more than", an inclusive one as "at least"', async () => {
    const { z } = await import('zod');
    expect(validate(z.strictObject({ n: z.number().positive() }), { n: 0 })).toMatchObject({ ok: false, problems: { n: { key: 'validation.aboveMin', params: { min: 0 } } } });
    expect(validate(z.strictObject({ n: z.number().min(1) }), { n: 0 })).toMatchObject({ ok: false, problems: { n: { key: 'validation.tooSmall', params: { min: 1 } } } });
    expect(translate('zh-CN', 'validation.aboveMin', { min: 0 })).toBe('须大于 0');
  });

  it('accepts a 10,000-character description', () => {
    expect(problems({ ...base, faultDescription: '坏'.repeat(10_000) })).toEqual({});
  });

  it('trims text and fills optional fields with their defaults', () => {
    const parsed = ticketCreateInput.parse({ ...base, contactName: '  陈先生  ' });
    expect(parsed.contactName).toBe('陈先生');
    expect(parsed.faultWhen).toBe('');
    expect(parsed.safetyRisk).toBe(false);
  });

  it('new customers need a name and a phone', () => {
    const result = validate(customerFields, { name: '', phone: '' });
    const p = result.ok ? {} : result.problems;
    expect(p.name?.key).toBe('validation.required');
    expect(p.phone?.key).toBe('validation.phone');
  });
});

describe('shared words exist in both languages', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('zh-CN and en have the same keys and no empty text', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const key of keys(zhCN)) if (!key.startsWith('salutation.')) expect(translate('en', key)).not.toBe('');
  });

  it('fills parameters', () => {
    expect(translate('zh-CN', 'validation.tooLong', { max: 40 })).toBe('最多 40 个字符');
    expect(translate('en', 'validation.tooLong', { max: 40 })).toBe('At most 40 characters');
  });
});
