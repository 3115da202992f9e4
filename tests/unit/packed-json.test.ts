/** Packed JSON (bills' and quotes' fee input and calculation): every value reads back as written, old text rows too. */
import { describe, expect, it } from 'vitest';
import { packJson, unpackJson } from '../../electron/core/db/packed-json';

const CALC = {
  lines: [{ kind: 'part', description: '制冷剂 R32（1 kg） (R32-KFR)', unitFen: 7400, quantity: 2, amountFen: 14800, covered: false, reason: 'consumable', consumable: true, overrideReason: null }],
  subtotalFen: 14800, coveredFen: 0, chargedFen: 14800, discountFen: 0, discountNeedsApproval: false, taxFen: 888, totalFen: 15688, suggestReplace: false, modelValueFen: 504000,
};

const VALUES: [string, unknown][] = [
  ['the empty object', {}],
  ['a calculation', CALC],
  ['an input with a discount', { lines: [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }], discount: { kind: 'percent', percentBp: 1000 } }],
  ['non-ASCII text', { overrideReason: '客户是老用户，主管同意减免 ℃ 😀' }],
  ['quotes, backslashes and NUL', { note: 'say "ok" \\ then\u0000end', list: ['"', '\\', '\u0000'] }],
  ['numbers at the edges', { big: Number.MAX_SAFE_INTEGER, negative: -1, zero: 0, fraction: 0.1 }],
  ['an empty list and null', { lines: [], discount: null }],
];

describe('packed JSON', () => {
  it.each(VALUES)('%s: round trip', (_name, value) => {
    const packed = packJson(value);
    expect(packed).toBeInstanceOf(Buffer);
    expect(unpackJson(packed)).toEqual(value);
    // As better-sqlite3 hands a BLOB back: a Uint8Array view into a larger buffer.
    const pool = new Uint8Array(packed.length + 16);
    pool.set(packed, 8);
    expect(unpackJson(pool.subarray(8, 8 + packed.length))).toEqual(value);
  });

  it.each(VALUES)('%s: JSON text written before reads as it is', (_name, value) => {
    expect(unpackJson(JSON.stringify(value))).toEqual(value);
  });

  it('packs a bill calculation to a fraction of its text', () => {
    expect(packJson(CALC).length).toBeLessThan(JSON.stringify(CALC).length / 4);
  });

  it('refuses a BLOB of an unknown version instead of guessing', () => {
    expect(() => unpackJson(new Uint8Array([9, 1, 2, 3]))).toThrow(/unknown version 9/);
  });
});
