/** Statistics periods: calendar months of the desk's time zone, or any inclusive date range. */
import { localDate } from '../../../../shared/domain/time';
import { deskNow } from '../../api/desk-clock';

export interface Period {
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** "2026-11" in the desk's zone (the PC's clock may sit in another zone). */
export function currentMonth(timeZone: string, now = deskNow()): string {
  return localDate(now, timeZone).slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

export function monthPeriod(month: string): Period {
  const last = new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`) - 86_400_000);
  return { from: `${month}-01`, to: last.toISOString().slice(0, 10) };
}

/** The month a period covers exactly, or null for any other range. */
export function wholeMonth(p: Period): string | null {
  const month = p.from.slice(0, 7);
  if (!MONTH.test(month)) return null;
  const m = monthPeriod(month);
  return m.from === p.from && m.to === p.to ? month : null;
}

/** The `count` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

/** The core accepts at most 366 days. */
export function isValidRange(p: Period): boolean {
  return isDate(p.from) && isDate(p.to) && p.from <= p.to && Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000;
}
