import { describe, expect, it } from 'vitest';
import { chineseCapitals, formatDifference, formatMoney, formatYuan, parseYuan, yuanInput } from '../../shared/domain/money';

describe('yuan typed by people → fen, without floating point', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.29', 29],
    ['1.15', 115],
    ['.5', 50],
    ['4.35', 435],
    ['1,234.56', 123_456],
    ['¥ 8.05', 805],
    ['￥1，000', 100_000],
    ['0', 0],
    ['999999999999.99', 99_999_999_999_999],
  ])('%s → %i fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each(['', ' ', '-1', '1.234', 'abc', '1e3', '12..5', "1'; DROP TABLE bills;--", '1.2.3', '+5', '1000000000000'])('refuses %j', (text) => expect(parseYuan(text)).toBeNull());
});

describe('fen shown as yuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1250, '12.50'],
    [123_456_789, '1,234,567.89'],
    [-350, '-3.50'],
  ])('%i → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));

  it('money, differences and input text', () => {
    expect(formatMoney(128_000)).toBe('¥1,280.00');
    expect([formatDifference(1200), formatDifference(-350), formatDifference(0)]).toEqual(['+¥12.00', '-¥3.50', '¥0.00']);
    expect(yuanInput(805)).toBe('8.05');
    for (const fen of [0, 1, 29, 115, 435, 99_999]) expect(parseYuan(yuanInput(fen))).toBe(fen);
  });
});

describe('Chinese capitals (人民币大写) on receipts', () => {
  it.each([
    [0, '零元整'],
    [100, '壹元整'],
    [123_450, '壹仟贰佰叁拾肆元伍角整'],
    [100_005, '壹仟元零伍分'],
    [1_000_000, '壹万元整'],
    [1_000_100, '壹万零壹元整'],
    [10_050_000, '壹拾万零伍佰元整'],
    [50, '伍角整'],
    [7, '柒分'],
    [1_200_000_000, '壹仟贰佰万元整'],
    [10_000_000_000, '壹亿元整'],
    [50_000, '伍佰元整'],
    [30_710, '叁佰零柒元壹角整'],
  ])('%i fen → %s', (fen, text) => expect(chineseCapitals(fen)).toBe(text));
});
