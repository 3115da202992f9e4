/**
 * Money as text: the API carries integer fen (分); people read and type yuan (元) with two decimals.
 * Parsing works on the digits, never through a float (0.29 yuan is 29 fen, not 28.999…).
 */

/** 123456 → "1,234.56"; negative amounts keep their sign. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** "¥1,234.56". */
export const formatMoney = (fen: number): string => `¥${formatYuan(fen)}`;

/** A signed difference: "+¥12.00" / "-¥3.50" / "¥0.00". */
export const formatDifference = (fen: number): string => (fen > 0 ? `+${formatMoney(fen)}` : fen < 0 ? `-${formatMoney(-fen)}` : formatMoney(0));

/**
 * Yuan as typed ("12", "12.5", "1,234.56", "¥ 8.05") → fen, or null when it is not an amount: a sign,
 * letters, more than two decimals or more than 12 digits are refused rather than guessed.
 */
export function parseYuan(text: string): number | null {
  const s = text.replace(/[¥￥,，\s]/g, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s) ?? /^()\.(\d{1,2})$/.exec(s);
  if (!m) return null;
  const whole = m[1] ? Number(m[1]) : 0;
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  const fen = whole * 100 + cents;
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen → the yuan text an input shows ("12.50"), without thousands separators. */
export const yuanInput = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The amount in Chinese capitals as written on receipts (人民币大写): 1234.50 → 壹仟贰佰叁拾肆元伍角整. */
export function chineseCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let v = yuan; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
    let zero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        zero = out !== '';
        continue;
      }
      if (zero || (out !== '' && group < 1000)) out += '零';
      zero = false;
      let inner = '';
      let pendingZero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          pendingZero = inner !== '';
          continue;
        }
        if (pendingZero) inner += '零';
        pendingZero = false;
        inner += DIGITS[d]! + SMALL[i]!;
      }
      out += inner + BIG[g]!;
    }
    out += '元';
  }
  if (jiao === 0 && fenDigit === 0) return `${out || '零元'}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}
