/**
 * Human-readable document numbers (SPEC: TS + YYYYMMDD + 4-digit daily sequence by default).
 * A pattern holds date tokens {YYYY} {YY} {MM} {DD} and one {SEQ:n}; the sequence restarts whenever the
 * text around it changes, so `TS{YYYYMMDD}{SEQ:4}` counts per day and `TS{YYYY}{SEQ:6}` per year.
 */
export const DEFAULT_TICKET_PATTERN = 'TS{YYYYMMDD}{SEQ:4}';

const SEQ_TOKEN = /\{SEQ:(\d)\}/;

export function isValidPattern(pattern: string): boolean {
  const seqs = pattern.match(/\{SEQ:\d\}/g) ?? [];
  const stripped = pattern.replace(/\{(YYYYMMDD|YYYY|YY|MM|DD|SEQ:\d)\}/g, '');
  return seqs.length === 1 && !/[{}]/.test(stripped) && /^[A-Za-z0-9\-_]*$/.test(stripped);
}

/** The pattern with its date tokens filled in; the sequence counter is kept per distinct scope. */
export function numberScope(pattern: string, localDate: string): string {
  const [y, m, d] = localDate.split('-') as [string, string, string];
  return pattern
    .replace('{YYYYMMDD}', `${y}${m}${d}`)
    .replace('{YYYY}', y)
    .replace('{YY}', y.slice(2))
    .replace('{MM}', m)
    .replace('{DD}', d);
}

/** Fills the sequence into a scope. Refuses a sequence that no longer fits its width: numbers never wrap. */
export function formatNumber(scope: string, seq: number): string {
  const match = SEQ_TOKEN.exec(scope);
  if (!match) throw new Error(`pattern has no {SEQ:n}: ${scope}`);
  const width = Number(match[1]);
  const text = String(seq);
  if (seq < 1 || text.length > width) throw new RangeError(`sequence ${seq} does not fit ${width} digits`);
  return scope.replace(SEQ_TOKEN, text.padStart(width, '0'));
}
