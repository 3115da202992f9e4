/**
 * The working calendar (SPEC "Working calendar"): working days and hours with a lunch break, public
 * holidays, make-up working days (调休) and half days, in the desk's time zone. Deadlines given in working
 * time are walked through it, skipping the lunch break and the intervals when the ticket's clock was
 * paused (waiting for the customer or for parts).
 */
import { localDate } from './time';

export interface WorkingCalendar {
  timeZone: string;
  /** Opening and closing wall-clock times, "HH:MM". */
  opens: string;
  closes: string;
  /** The lunch break ("HH:MM" to "HH:MM", inside the opening hours), not worked; absent or null: none. */
  lunch?: { from: string; to: string } | null;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Dates (YYYY-MM-DD) that are not worked although their weekday is. */
  holidays: string[];
  /** Dates (YYYY-MM-DD) that are worked although their weekday is not (调休). */
  makeupDays: string[];
  /** Dates worked in the morning only: from opening to the lunch break (or to midday without one). */
  halfDays?: string[];
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
export function wallClock(timeZone: string): (instant: string | number | null) => Date | null {
  const offsets = new Map<number, number>();
  return (instant) => {
    if (instant === null || instant === '') return null;
    const at = typeof instant === 'number' ? instant : Date.parse(instant);
    const slot = Math.floor(at / HALF_HOUR);
    let offset = offsets.get(slot);
    if (offset === undefined) offsets.set(slot, (offset = offsetAt(timeZone, slot * HALF_HOUR)));
    return new Date(at + offset);
  };
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
}

interface DaySets {
  holidays: Set<string>;
  makeupDays: Set<string>;
  halfDays: Set<string>;
}

/** The calendar's date lists as sets, built once per calendar object (a desk's calendar holds years of holidays). */
const daySets = new WeakMap<WorkingCalendar, DaySets>();

function setsOf(cal: WorkingCalendar): DaySets {
  let sets = daySets.get(cal);
  if (!sets) {
    sets = { holidays: new Set(cal.holidays), makeupDays: new Set(cal.makeupDays), halfDays: new Set(cal.halfDays ?? []) };
    daySets.set(cal, sets);
  }
  return sets;
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const sets = setsOf(cal);
  if (sets.makeupDays.has(date) || sets.halfDays.has(date)) return true;
  if (sets.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return cal.weekdays.includes(weekday);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The wall-clock working periods of a date ("HH:MM" pairs): none on a day off, the morning on a half day. */
export function workingPeriods(cal: WorkingCalendar, date: string): [string, string][] {
  if (!isWorkingDay(cal, date)) return [];
  const lunch = cal.lunch && cal.opens < cal.lunch.from && cal.lunch.from < cal.lunch.to && cal.lunch.to < cal.closes ? cal.lunch : null;
  if (setsOf(cal).halfDays.has(date)) return [[cal.opens, lunch ? lunch.from : hhmmOf(Math.round((minutesOf(cal.opens) + minutesOf(cal.closes)) / 2))]];
  return lunch ? [[cal.opens, lunch.from], [lunch.to, cal.closes]] : [[cal.opens, cal.closes]];
}

/** The working windows of a date as instants, in order. */
function windowsOf(cal: WorkingCalendar, date: string): Interval[] {
  return workingPeriods(cal, date).map(([from, to]) => ({ from: zonedInstant(date, from, cal.timeZone), to: zonedInstant(date, to, cal.timeZone) }));
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
    for (const open of windowsOf(cal, date)) {
      const window = { from: Math.max(start, open.from), to: open.to };
      if (window.to <= window.from) continue;
      for (const piece of withoutPauses(window, pauses)) {
        const length = piece.to - piece.from;
        if (remaining <= length) return piece.from + remaining;
        remaining -= length;
      }
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
    if (zonedInstant(date, cal.opens, cal.timeZone) >= to) break;
    for (const open of windowsOf(cal, date)) {
      const window = { from: Math.max(from, open.from), to: Math.min(to, open.to) };
      if (window.to <= window.from) continue;
      for (const piece of withoutPauses(window, pauses)) total += piece.to - piece.from;
    }
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
      for (const { from, to } of windowsOf(cal, date)) {
        this.opens.push(from);
        this.closes.push(to);
        this.before.push(total);
        total += to - from;
      }
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
