/**
 * Inputs for the fuzz tests, from a seeded PRNG so a failure names the seed that reproduces it. Values
 * are grown from a contract method's zod schema (so most pass validation and reach the handler) and
 * spoiled at random with hostile ones: control characters, U+FFFE, lone surrogates, FTS5 and SQL
 * syntax, very long strings, wrong types, arrays for objects, prototype-polluting keys.
 */
import type { z } from 'zod';

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Pieces hostile text is made of. */
const PIECES = [
  'a', 'Z', '9', ' ', '王', '强', '制冷', '𠮷', '😀', '\u0000', '\u0001', '\u001b', '\t', '\n', '\r', '\u007f', '\u0085',
  '\ufffe', '\uffff', '\ud800', '\udc00', '\u202e', '\u200b', '"', "'", '`', '\\', '%', '_', '*', '^', ':', '(', ')', '-', '+',
  '=', '@', ';', ',', '<', '>', '&', '{{what}}', '$1', 'NEAR', ' OR ', ' AND ', 'NOT ', '--', '/*', "'; DROP TABLE tickets; --",
  '../', '..\\', '/etc/passwd', 'C:\\', 'CON', '__proto__', 'constructor', 'prototype', 'toString', 'SEQ', '{SEQ:4}', '{YYYY}',
];

/** NUL thrice: it is the one SQLite's FTS5 reads as the end of a query. */
const FORBIDDEN = ['\u0000', '\u0000', '\u0000', '\u0001', '\u001b', '\ufffe', '\uffff', '\ud800', '\udc00', '\u0008'];

/** Pieces any text field accepts: syntax of FTS5, SQL, LIKE, templates and paths, but no forbidden character. */
const ALLOWED_PIECES = PIECES.filter((p) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/.test(p.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));

/** Hostile text; `allowed` keeps to what text fields accept, to reach the handler behind the schema. */
export function hostileString(rng: Rng, max = 64, allowed = false): string {
  const pieces = allowed ? ALLOWED_PIECES : PIECES;
  const roll = rng();
  if (roll < 0.05) return '';
  if (roll < 0.1) return pick(rng, pieces).repeat(allowed ? Math.max(1, Math.floor(max / 2)) : int(rng, 1000, 70_000)).slice(0, allowed ? max : undefined);
  let s = '';
  const n = int(rng, 1, 12);
  for (let i = 0; i < n && s.length < max * 2; i++) s += pick(rng, pieces);
  return allowed ? s.slice(0, max) : s;
}

/** Objects whose keys attack a careless merge: `__proto__` as an own key (as JSON.parse makes it), `constructor.prototype`. */
export function pollutingObject(rng: Rng): Record<string, unknown> {
  return pick(rng, [
    () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>,
    () => ({ constructor: { prototype: { polluted: 'yes' } } }),
    () => JSON.parse('{"__proto__":{"polluted":"yes"},"id":1,"version":0}') as Record<string, unknown>,
    () => ({ toString: 'x', valueOf: 1, hasOwnProperty: null }),
  ])();
}

const NUMBERS = [0, -0, -1, 1, 2, 3, 0.5, -1.5, 1e308, -1e308, 2 ** 31, 2 ** 32 + 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity, -Infinity];

export function hostileValue(rng: Rng, depth = 0): unknown {
  const kinds = [
    () => hostileString(rng),
    () => pick(rng, NUMBERS),
    () => pick(rng, [true, false, null, undefined]),
    () => pollutingObject(rng),
    () => (depth < 3 ? Array.from({ length: int(rng, 0, 3) }, () => hostileValue(rng, depth + 1)) : []),
    () => (depth < 3 ? { [hostileString(rng, 8)]: hostileValue(rng, depth + 1) } : {}),
    () => JSON.parse(`${'['.repeat(1000)}${']'.repeat(1000)}`) as unknown,
    () => '2026-02-30',
    () => '9999-12-31T23:59:59Z',
  ];
  return pick(rng, kinds)();
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** How hostile the grown values are: `spoil` is the chance of a hostile value at each node. */
export interface Mood {
  spoil: number;
  /** Text with characters the schema refuses (true), or only with what it accepts (false). */
  forbiddenText: boolean;
}

const CSV = Buffer.from('客户名称,电话\r\n王强,13912345678\r\n').toString('base64');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** What a field of this name takes: most schemas check these formats, and a guess from the name gets past them. */
const BY_NAME: [RegExp, readonly string[]][] = [
  [/phone/i, ['13900000001', '021-6234 5678', '+86 139 1234 5678']],
  [/email/i, ['a@b.cn']],
  [/^month$/, ['2026-11', '2026-13']],
  [/password|^current$|^next$/, ['long-enough-1', 'admin-pass-1']],
  [/username/, ['fuzz_user', 'admin']],
  [/timeZone/, ['Asia/Shanghai', 'Europe/Berlin', 'Mars/Olympus']],
  [/Pattern$/, ['TS{YYYYMMDD}{SEQ:4}', 'RMA{YY}{MM}{SEQ:3}']],
  [/^(opens|closes|time|start|end)$/i, ['09:00', '18:00', '23:59']],
  [/signature|logo/i, [PNG]],
  [/dataBase64/, [CSV]],
  [/fileName/, ['客户.csv', 'photo.png']],
  [/serial|partNo|code/i, ['SN-001', 'KFR-35', 'CAP-35UF']],
];

/** A string as a schema of this kind (and a field of this name) would take it, or a hostile one. */
function stringFor(rng: Rng, schema: z.ZodString, mood: Mood, key = ''): string {
  const format = (schema as { format?: string | null }).format;
  const max = schema.maxLength ?? 200;
  const named = BY_NAME.find(([name]) => name.test(key))?.[1];
  if (named && !mood.forbiddenText && rng() < 0.7) return pick(rng, named);
  if (format === 'date') return pick(rng, ['2026-11-24', '2026-11-01', '2025-01-31', '2026-02-30', '0001-01-01', '9999-12-31']);
  if (format === 'datetime') return pick(rng, ['2026-11-24T02:00:00Z', '2026-11-24T10:00:00+08:00', '2027-06-01T00:00:00Z', '1970-01-01T00:00:00Z']);
  if (format === 'email') return pick(rng, ['a@b.cn', 'x@y.z', `${'a'.repeat(64)}@example.com`]);
  const plain = pick(rng, ['13900000001', 'SN-001', 'KFR-35', 'TS202611240001', 'admin', 'clerk', '家电', 'cash', 'abc制冷']);
  if (!mood.forbiddenText) return rng() < 0.5 ? plain : hostileString(rng, max, true);
  // Spoiled text: a forbidden character inside something the field would otherwise take, or hostile text.
  if (rng() < 0.5) return `${plain.slice(0, 2)}${pick(rng, FORBIDDEN)}${plain.slice(2)}`;
  const s = hostileString(rng, max);
  return max > 100_000 ? s.slice(0, 100_000) : s;
}

function numberFor(rng: Rng, schema: z.ZodNumber): number {
  const lo = Math.max(schema.minValue ?? -1e6, -1e9);
  const hi = Math.min(schema.maxValue ?? 1e6, 1e9);
  if (rng() < 0.15) return pick(rng, NUMBERS);
  // Ids of records the fuzz desk holds are small: most picks land on one.
  if (rng() < 0.5) return Math.min(Math.max(int(rng, 1, 4), lo), hi);
  const n = lo + rng() * (hi - lo);
  return schema.isInt ? Math.round(n) : n;
}

/**
 * A value for `schema`: mostly of the right shape, with probability `spoil` at each node a hostile value
 * instead, and now and then a polluting or unknown key in an object.
 */
export function valueFor(rng: Rng, schema: unknown, mood: Mood, depth = 0, key = ''): unknown {
  if (rng() < mood.spoil) return hostileValue(rng);
  const def = defOf(schema);
  const next = (inner: unknown, name = key) => valueFor(rng, inner, mood, depth + 1, name);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(def.shape as Record<string, unknown>)) if (rng() < 0.85) out[name] = next(field, name);
      if (rng() < mood.spoil) Object.assign(out, pollutingObject(rng));
      return out;
    }
    case 'string':
      return stringFor(rng, schema as z.ZodString, mood, key);
    case 'number':
      return numberFor(rng, schema as z.ZodNumber);
    case 'boolean':
      return rng() < 0.5;
    case 'enum':
      return pick(rng, Object.values(def.entries as Record<string, string>));
    case 'literal':
      return pick(rng, def.values as unknown[]);
    case 'union':
      return next(pick(rng, def.options as unknown[]));
    case 'array':
      return depth > 6 ? [] : Array.from({ length: rng() < 0.1 ? int(rng, 20, 60) : int(rng, 0, 3) }, () => next(def.element));
    case 'record':
      return rng() < 0.5 ? {} : { [stringFor(rng, def.keyType as z.ZodString, mood)]: next(def.valueType) };
    case 'tuple':
      return (def.items as unknown[]).map((item) => next(item));
    case 'optional':
    case 'nullable':
      return rng() < 0.2 ? (def.type === 'nullable' ? null : undefined) : next(def.innerType);
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return rng() < 0.2 ? undefined : next(def.innerType);
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return depth > 6 ? null : next((def.getter as () => unknown)());
    case 'intersection':
      return { ...(next(def.left) as object), ...(next(def.right) as object) };
    default:
      return hostileValue(rng);
  }
}

/** Abbreviates an input for a failure message (a 70,000-character string would drown it). */
export function shortJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 40 ? `${v.slice(0, 40)}…(${v.length})` : v));
    return (text ?? String(value)).slice(0, 400);
  } catch {
    return '(nested too deep to show)';
  }
}
