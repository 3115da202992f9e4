import { describe, expect, it } from 'vitest';
import { formatNumber, isValidPattern, numberScope } from '../../shared/domain/numbering';

describe('ticket numbers: TS + YYYYMMDD + 4-digit daily sequence by default', () => {
  it.each([
    ['TS{YYYYMMDD}{SEQ:4}', '2026-11-24', 1, 'TS202611240001'],
    ['TS{YYYYMMDD}{SEQ:4}', '2026-11-24', 9999, 'TS202611249999'],
    ['{YYYYMMDD}{SEQ:4}', '2024-05-12', 1, '202405120001'],
    ['RMA{YY}{MM}{DD}-{SEQ:3}', '2026-01-05', 42, 'RMA260105-042'],
    ['TS{YYYY}{SEQ:6}', '2026-12-31', 123456, 'TS2026123456'],
  ])('%s on %s #%i → %s', (pattern, day, seq, expected) => {
    expect(formatNumber(numberScope(pattern, day), seq)).toBe(expected);
  });

  it('restarts the sequence per day: the scope differs between days and is equal within a day', () => {
    const p = 'TS{YYYYMMDD}{SEQ:4}';
    expect(numberScope(p, '2026-11-24')).toBe(numberScope(p, '2026-11-24'));
    expect(numberScope(p, '2026-11-24')).not.toBe(numberScope(p, '2026-11-25'));
  });

  it.each([0, -1, 10000])('refuses sequence %i instead of wrapping or padding wrongly', (seq) => {
    expect(() => formatNumber(numberScope('TS{YYYYMMDD}{SEQ:4}', '2026-11-24'), seq)).toThrow(RangeError);
  });

  it.each([
    ['TS{YYYYMMDD}{SEQ:4}', true],
    ['{YYYYMMDD}{SEQ:4}', true],
    ['TS{YYYYMMDD}', false],
    ['TS{SEQ:4}{SEQ:2}', false],
    ['TS{FOO}{SEQ:4}', false],
    ["TS'; DROP{SEQ:4}", false],
  ])('pattern %s valid: %s', (pattern, valid) => {
    expect(isValidPattern(pattern)).toBe(valid);
  });
});
