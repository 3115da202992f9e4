/**
 * Dates as the desk types them: 2026-11-05, 2026/11/05, 2026.11.5, 20261105 or 2026年11月5日, with an
 * optional time (2026-11-05 14:30, 2026-11-05T14:30). Shown back always as YYYY-MM-DD [HH:mm], whatever
 * the browser's or the system's locale. Pure, so the rules are unit-tested.
 */

const DATE = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))/;
const TIME = /^(?:\s+|\s*T\s*)?(\d{1,2})[:：](\d{2})(?::(\d{2}))?$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function realDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The typed text as `YYYY-MM-DD` (or `YYYY-MM-DD HH:mm:00` with `withTime`), or null when it is not a real day and time. */
export function parseDeskDate(text: string, withTime = false): string | null {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  if (!date) return null;
  const y = Number(date[1]);
  const m = Number(date[2] ?? date[4]);
  const d = Number(date[3] ?? date[5]);
  if (y < 1900 || y > 2999 || !realDay(y, m, d)) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const rest = trimmed.slice(date[0].length);
  if (!withTime) return rest.trim() === '' ? day : null;
  if (rest.trim() === '') return `${day} 00:00:00`;
  const time = TIME.exec(rest);
  if (!time) return null;
  const [h, min, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return `${day} ${pad(h)}:${pad(min)}:00`;
}

/** A form's `YYYY-MM-DDTHH:mm` (the shape the forms and the API's local times use) as the picker's value, and back. */
export const toPickerValue = (local: string): string | null => (local ? `${local.replace('T', ' ').slice(0, 16)}:00` : null);
export const fromPickerValue = (value: string | null): string => (value ? value.replace(' ', 'T').slice(0, 16) : '');

/** A time of day as typed, in 24 hours whatever the browser's locale: 9:00, 0900 and 9：00 read as 09:00; other text stays as typed (the schema names it). */
export function readClock(typed: string): string {
  const m = /^(\d{1,2})[:：]?(\d{2})$/.exec(typed.trim());
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${m[1]!.padStart(2, '0')}:${m[2]!}` : typed.trim();
}
