/** The 三包 rules (issue 19) at every window boundary: return, exchange, whole-unit and main-part warranty, the Nth repair. */
import { describe, expect, it } from 'vitest';
import { daysBetween, decideSanbao, DEFAULT_SANBAO_TERMS, refundProblem, sameFault, termsFor, type SanbaoFacts, type SanbaoTerms } from '../../shared/domain/sanbao';

const PHONE: SanbaoTerms = { productLine: '手机', returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 12, repairsForExchange: 2 };
const APPLIANCE: SanbaoTerms = { productLine: '家电', returnDays: 7, exchangeDays: 15, wholeUnitMonths: 12, mainPartMonths: 36, repairsForExchange: 2 };
const BOUGHT = '2026-03-01';
const facts = (serviceDate: string, f: Partial<SanbaoFacts> = {}): SanbaoFacts => ({ purchaseDate: BOUGHT, serviceDate, performanceFault: true, sameFaultRepairs: 0, ...f });

describe('decideSanbao', () => {
  it.each([
    // The day of purchase is day 0: 7 日内 is days 0–7.
    ['2026-03-01', 0, 'return', 'returnWindow', ['return', 'exchange', 'repair']],
    ['2026-03-08', 0, 'return', 'returnWindow', ['return', 'exchange', 'repair']],
    ['2026-03-09', 0, 'exchange', 'exchangeWindow', ['exchange', 'repair']],
    ['2026-03-16', 0, 'exchange', 'exchangeWindow', ['exchange', 'repair']],
    ['2026-03-17', 0, 'repair', 'wholeUnit', ['repair']],
    // Repairs of the same fault: the 2nd earlier repair gives the right to exchange, the 1st does not.
    ['2026-06-01', 1, 'repair', 'wholeUnit', ['repair']],
    ['2026-06-01', 2, 'exchange', 'repeatedRepairs', ['exchange', 'repair']],
    ['2026-06-01', 3, 'exchange', 'repeatedRepairs', ['exchange', 'repair']],
    // Inside the exchange window the window decides, whatever the repairs.
    ['2026-03-11', 1, 'exchange', 'exchangeWindow', ['exchange', 'repair']],
    // The last day of the 12-month warranty and the day after.
    ['2027-02-28', 0, 'repair', 'wholeUnit', ['repair']],
    ['2027-02-28', 2, 'exchange', 'repeatedRepairs', ['exchange', 'repair']],
    ['2027-03-01', 0, 'paidRepair', 'expired', ['paidRepair']],
    ['2027-03-01', 5, 'paidRepair', 'expired', ['paidRepair']],
  ] as const)('a phone bought %s… on %s with %i earlier repairs: %s by %s', (serviceDate, repairs, right, rule, options) => {
    const d = decideSanbao(PHONE, facts(serviceDate, { sameFaultRepairs: repairs }));
    expect([d.right, d.rule, d.options]).toEqual([right, rule, options]);
  });

  it.each([
    ['2027-02-28', 'repair', 'wholeUnit', '2027-02-28'],
    ['2027-03-01', 'repair', 'mainPart', '2029-02-28'],
    ['2029-02-28', 'repair', 'mainPart', '2029-02-28'],
    ['2029-03-01', 'paidRepair', 'expired', '2029-02-28'],
  ] as const)('an appliance on %s: %s by %s until %s', (serviceDate, right, rule, until) => {
    const d = decideSanbao(APPLIANCE, facts(serviceDate));
    expect([d.right, d.rule, d.params.until]).toEqual([right, rule, until]);
  });

  it('names the days since purchase and the window in the rule', () => {
    expect(decideSanbao(PHONE, facts('2026-03-13')).params).toEqual({ days: '12', window: '15' });
    expect(decideSanbao(PHONE, facts('2026-03-08')).params).toEqual({ days: '7', window: '7' });
  });

  it('counts Shanghai calendar days across a month end and a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(decideSanbao(PHONE, facts('2028-03-07', { purchaseDate: '2028-02-29' })).rule).toBe('returnWindow');
    expect(decideSanbao(PHONE, facts('2028-03-08', { purchaseDate: '2028-02-29' })).rule).toBe('exchangeWindow');
    // Bought on 29 February: the warranty ends on the day before 28 February of the next year (clamped month end).
    expect(decideSanbao(PHONE, facts('2029-02-27', { purchaseDate: '2028-02-29' })).rule).toBe('wholeUnit');
    expect(decideSanbao(PHONE, facts('2029-02-28', { purchaseDate: '2028-02-29' })).rule).toBe('expired');
  });

  it('gives no statutory right without a proof of purchase or to a question that is not a fault', () => {
    expect(decideSanbao(PHONE, facts('2026-03-02', { purchaseDate: null })).rule).toBe('noPurchaseDate');
    expect(decideSanbao(PHONE, facts('2026-03-02', { performanceFault: false })).rule).toBe('notAFault');
  });

  it('follows terms the admin changed: a 3-repair exchange right and a 30-day exchange window', () => {
    const strict = { ...PHONE, repairsForExchange: 3, exchangeDays: 30 };
    expect(decideSanbao(strict, facts('2026-03-31')).rule).toBe('exchangeWindow');
    expect(decideSanbao(strict, facts('2026-04-01')).rule).toBe('wholeUnit');
    expect(decideSanbao(strict, facts('2026-06-01', { sameFaultRepairs: 2 })).rule).toBe('wholeUnit');
    expect(decideSanbao(strict, facts('2026-06-01', { sameFaultRepairs: 3 })).rule).toBe('repeatedRepairs');
  });
});

describe('termsFor', () => {
  it.each([
    ['家电', 36],
    ['手机', 12],
    ['工业设备', 12],
    [null, 12],
  ] as const)('%s → main part %i months', (line, months) => {
    expect(termsFor(DEFAULT_SANBAO_TERMS, line).mainPartMonths).toBe(months);
  });
});

describe('sameFault', () => {
  it.each([
    ['屏幕偶尔失灵', '', '屏幕又失灵了', '', true],
    ['屏幕偶尔失灵', '', '屏幕碎了', '', false],
    ['开机报错', 'E1, E4', '无法启动', 'e4', true],
    ['制冷效果差', 'E1', '漏水', 'E2', false],
    ['Touch screen fails', '', 'the screen fails to respond', '', true],
  ] as const)('%s (%s) and %s (%s): %s', (a, ac, b, bc, same) => {
    expect(sameFault({ description: a, alarmCodes: ac }, { description: b, alarmCodes: bc })).toBe(same);
  });
});

describe('refundProblem: a return gives back more than nothing, and never more than was paid when that is known', () => {
  it.each([
    [129_900, 129_900, null],
    [1, 129_900, null],
    [129_901, 129_900, 'sanbao.refundTooHigh'],
    [0, 129_900, 'sanbao.refundPositive'],
    [-100, 129_900, 'sanbao.refundPositive'],
    [12.5, 129_900, 'sanbao.refundPositive'],
    [500_000, null, null],
    [1, null, null],
    [0, null, 'sanbao.refundPositive'],
    [1, 0, 'sanbao.refundTooHigh'],
  ] as const)('refund %s fen of %s paid: %s', (refund, paid, problem) => {
    expect(refundProblem(refund, paid)).toBe(problem);
  });
});
