/** Instants are stored in UTC and shown (and typed) in the desk's time zone, worded for the UI language. */

export function formatDateTime(iso: string | null, locale: string, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/** "2026-11-24T10:30" (wall time in the zone) → ISO instant. */
export function wallToIso(wall: string, timeZone: string): string {
  const guess = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(guess)) return wall;
  let at = guess - offsetMinutes(guess, timeZone) * 60_000;
  at = guess - offsetMinutes(at, timeZone) * 60_000;
  return new Date(at).toISOString();
}

/** ISO instant → "2026-11-24T10:30" in the zone, for datetime-local inputs. */
export function isoToWall(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  const local = new Date(at + offsetMinutes(at, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}
