/**
 * When things happen on the demo desk: everything is placed relative to the desk clock, so the desk looks the
 * same lived-in at any date. Past days get office hours; "today's work" sits in the last hours before now but
 * never before local midnight, so on the 1st of a month at 00:05 the new month already has its figures.
 */
import { zonedInstant } from '../../../../shared/domain/calendar';
import { addDays } from '../../../../shared/domain/maintenance';
import { localDate } from '../../../../shared/domain/time';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** At most this much of today is "today's work": enough for a morning, short of last night. */
const TODAY_SPAN = 3 * HOUR;

export class DemoTime {
  /** Local midnight that began today, in ms. */
  private readonly midnight: number;

  constructor(
    readonly now: number,
    readonly timeZone: string,
  ) {
    this.midnight = zonedInstant(this.today, '00:00', timeZone);
  }

  get today(): string {
    return localDate(new Date(this.now), this.timeZone);
  }

  /** The local date `days` from today (negative: in the past). */
  date(days: number): string {
    return addDays(this.today, days);
  }

  /** A wall-clock time (HH:MM) on the local day `daysAgo` days before today; never today, which may have just begun. */
  day(daysAgo: number, time: string): number {
    if (daysAgo < 1) throw new Error('demo: a fixed time of day is only safe on past days');
    return zonedInstant(this.date(-daysAgo), time, this.timeZone);
  }

  dateOf(at: number): string {
    return localDate(new Date(at), this.timeZone);
  }

  ago(ms: number): number {
    return this.now - ms;
  }

  /**
   * A moment of today's work: `share` of the way back through today's span (0 is now, 1 its start). The span is
   * the last three hours, or less when today (and perhaps the month) began less than three hours ago.
   */
  recent(share: number): number {
    const span = Math.min(TODAY_SPAN, this.now - this.midnight) * 0.95;
    return Math.round(this.now - share * span);
  }

  /** Monday of this week (the schedule's week), as a local date. */
  get monday(): string {
    const weekday = new Date(`${this.today}T00:00:00Z`).getUTCDay();
    return this.date(-((weekday + 6) % 7));
  }

  /** A wall-clock time on a local date. */
  on(date: string, time: string): number {
    return zonedInstant(date, time, this.timeZone);
  }
}
