/** The intake's check asks for a missing value in words on its field, in both languages. */
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { zhCN } from '../../shared/i18n/zh-CN';
import { en } from '../../shared/i18n/en';
import { intakeProblems } from '../../renderer/src/features/tickets/intake-check';

const complete: InputOf<'tickets.create'> = {
  channel: 'phone',
  reportedAt: '2026-11-24T02:00:00.000Z',
  customerId: 7,
  contactName: '陈先生',
  contactPhone: '13800135678',
  urgency: 'normal',
  problemType: 'hardware',
  safetyRisk: false,
  faultDescription: '屏幕偶尔失灵',
  faultWhen: '',
  faultFrequency: null,
  alarmCodes: '',
  abnormalNoise: '',
  environment: '',
  customerTried: '',
  reportedBefore: false,
  modelId: null,
  serial: '',
  knowledgeArticleIds: [],
};

const newCustomer = { kind: 'individual' as const, name: '', salutation: '' as const, phone: '', address: '' };

describe('intake check', () => {
  it('lets a complete intake through', () => {
    expect(intakeProblems(complete)).toBeNull();
  });

  it.each([
    ['no customer chosen', { customerId: undefined }, 'customerId', 'validation.customerChoice'],
    ['an empty contact name', { contactName: '  ' }, 'contactName', 'validation.needContactName'],
    ['an empty contact phone', { contactPhone: '' }, 'contactPhone', 'validation.needContactPhone'],
    ['a wrong contact phone', { contactPhone: '12' }, 'contactPhone', 'validation.phone'],
    ['an empty fault', { faultDescription: '' }, 'faultDescription', 'validation.needFault'],
    ['no report time', { reportedAt: '' }, 'reportedAt', 'validation.needReportedAt'],
    ['a new customer without name', { customerId: undefined, newCustomer: { ...newCustomer, phone: '13912345678' } }, 'newCustomer.name', 'validation.needCustomerName'],
    ['a new customer without phone', { customerId: undefined, newCustomer: { ...newCustomer, name: '林' } }, 'newCustomer.phone', 'validation.needCustomerPhone'],
    ['a new device without model (sent as 0)', { newDevice: { serial: 'KF35-1', modelId: 0, purchaseDate: null } }, 'newDevice.modelId', 'validation.chooseModel'],
  ] as const)('%s is asked for on its field', (_case, change, path, key) => {
    const problems = intakeProblems({ ...complete, ...change } as InputOf<'tickets.create'>);
    expect(problems?.[path]?.key).toBe(key);
  });

  it('has the words in Chinese and English', () => {
    for (const key of ['chooseModel', 'needReportedAt', 'needContactName', 'needContactPhone', 'needCustomerName', 'needCustomerPhone', 'needFault'] as const) {
      expect(zhCN.validation[key]).toMatch(/^请/);
      expect(en.validation[key]).toMatch(/^[A-Z]/);
    }
  });
});
