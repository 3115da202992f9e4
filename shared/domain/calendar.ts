/**
 * The working calendar (SPEC "Working calendar"): working days and hours, public holidays and make-up
 * working days (调休), in the desk's time zone. Deadlines given in working time are walked through it,
 * skipping the intervals when the ticket's clock was paused (waiting for the customer or for parts).
 */
import { localDate } from './time';

export interface WorkingCalendar {
  timeZone: string;
  /** Opening and closing wall-clock times, "HH:MM". */
  opens: string;
  closes: string;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Dates (YYYY-MM-DD) that are not worked although their weekday is. */
  holidays: string[];
  /** Dates (YYYY-MM-DD) that are worked although their weekday is not (调休). */
  makeupDays: string[];
}

export interface Interval {
  from: number;
  to: number;
}

export const DEFAULT_CALENDAR: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  opens: '09:00',
  closes: '18:00',
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
  makeupDays: [],
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_DAYS = 800;

/** One formatter per zone: constructing an Intl.DateTimeFormat costs ~100 µs, far more than using one. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8 h, no daylight saving). */
function offsetAt(timeZone: string, instant: number): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time on a date in the zone. */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, first);
}

const dateInZone = (instant: number, timeZone: string) => localDate(new Date(instant), timeZone);

const HALF_HOUR = 1_800_000;

/**
 * A converter from stored UTC instants to the zone's wall-clock time, held in a Date's UTC fields: how
 * exports hand times to Excel, which has no time zones. Offsets change only on whole or half UTC hours
 * (daylight saving, Newfoundland's −3:30), so each half hour's offset is looked up once.
 */
export function wallClock(timeZone: string): (iso: string | null) => Date | null {
  const offsets = new Map<number, number>();
  return (iso) => {
    if (!iso) return null;
    const at = Date.parse(iso);
    const slot = Math.floor(at / HALF_HOUR);
    let offset = offsets.get(slot);
    if (offset === undefined) offsets.set(slot, (offset = offsetAt(timeZone, slot * HALF_HOUR)));
    return new Date(at + offset);
  };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  if (cal.makeupDays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return cal.weekdays.includes(weekday);
}

/** Parts of [from, to) not covered by any pause. */
function withoutPauses(window: Interval, pauses: Interval[]): Interval[] {
  let pieces = [window];
  for (const p of pauses) {
    pieces = pieces.flatMap((w) => {
      if (p.to <= w.from || p.from >= w.to) return [w];
      const out: Interval[] = [];
      if (p.from > w.from) out.push({ from: w.from, to: p.from });
      if (p.to < w.to) out.push({ from: p.to, to: w.to });
      return out;
    });
  }
  return pieces;
}

/** The instant when `minutes` of working time have passed since `start`, pauses not counted. */
export function addWorkingMinutes(cal: WorkingCalendar, start: number, minutes: number, pauses: Interval[] = []): number {
  let remaining = minutes * MINUTE;
  let date = dateInZone(start, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    if (!isWorkingDay(cal, date)) continue;
    const window = { from: Math.max(start, zonedInstant(date, cal.opens, cal.timeZone)), to: zonedInstant(date, cal.closes, cal.timeZone) };
    if (window.to <= window.from) continue;
    for (const piece of withoutPauses(window, pauses)) {
      const length = piece.to - piece.from;
      if (remaining <= length) return piece.from + remaining;
      remaining -= length;
    }
  }
  throw new RangeError('the calendar has no working time in the next 800 days');
}

/** Elapsed time, pauses not counted: the clock of urgent tickets runs day and night. */
export function addElapsedMinutes(start: number, minutes: number, pauses: Interval[] = []): number {
  let remaining = minutes * MINUTE;
  let cursor = start;
  for (const p of [...pauses].sort((a, b) => a.from - b.from)) {
    if (p.to <= cursor) continue;
    const free = Math.max(0, p.from - cursor);
    if (remaining <= free) return cursor + remaining;
    remaining -= free;
    cursor = Math.max(cursor, p.to);
  }
  return cursor + remaining;
}

/** Working minutes between two instants (for "time left" and reports), pauses not counted. */
export function workingMinutesBetween(cal: WorkingCalendar, from: number, to: number, pauses: Interval[] = []): number {
  if (to <= from) return 0;
  let total = 0;
  let date = dateInZone(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    const open = zonedInstant(date, cal.opens, cal.timeZone);
    if (open >= to) break;
    if (!isWorkingDay(cal, date)) continue;
    const window = { from: Math.max(from, open), to: Math.min(to, zonedInstant(date, cal.closes, cal.timeZone)) };
    if (window.to <= window.from) continue;
    for (const piece of withoutPauses(window, pauses)) total += piece.to - piece.from;
  }
  return Math.round(total / MINUTE);
}

/**
 * Working time between many pairs of instants, fast: the working windows of a date range are laid out
 * once with running totals, so each question is two binary searches (reports ask it 100,000 times).
 */
export class WorkingTimeIndex {
  private readonly opens: number[] = [];
  private readonly closes: number[] = [];
  /** Working ms before window i. */
  private readonly before: number[] = [];

  constructor(cal: WorkingCalendar, fromDate: string, toDate: string) {
    let total = 0;
    for (let date = fromDate, i = 0; date <= toDate && i < 20_000; date = nextDate(date), i++) {
      if (!isWorkingDay(cal, date)) continue;
      const open = zonedInstant(date, cal.opens, cal.timeZone);
      const close = zonedInstant(date, cal.closes, cal.timeZone);
      this.opens.push(open);
      this.closes.push(close);
      this.before.push(total);
      total += close - open;
    }
    this.before.push(total);
  }

  /** Working ms from the start of the range up to an instant. */
  private upTo(instant: number): number {
    let lo = 0;
    let hi = this.opens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.opens[mid]! <= instant) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return 0;
    const i = lo - 1;
    return this.before[i]! + Math.min(instant, this.closes[i]!) - this.opens[i]!;
  }

  minutesBetween(from: number, to: number): number {
    return to <= from ? 0 : Math.round((this.upTo(to) - this.upTo(from)) / MINUTE);
  }
}
