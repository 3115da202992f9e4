/**
 * Labour time per visit (工时登记): the rules that turn what the engineer types (the day, start and finish
 * times, or minutes) into a visit's minutes, and the logged time into a fee line's quantity. Pure, so the
 * form shows the minutes as they are typed and the core decides the same on save.
 */
import { zonedInstant } from './calendar';
import { localDate } from './time';

/** A visit is at least a minute and at most a day. */
export const LABOUR_MINUTES = { min: 1, max: 24 * 60 } as const;

/** What the engineer types for one visit: the day and either start and finish (HH:MM) or the minutes. */
export interface LabourTyped {
  workedOn: string;
  start: string | null;
  finish: string | null;
  minutes: number | null;
}

export type LabourProblem = { field: 'workedOn' | 'start' | 'finish' | 'minutes'; key: string; params?: Record<string, number> };

export type LabourEntry = { ok: true; startedAt: string | null; finishedAt: string | null; minutes: number } | { ok: false; problem: LabourProblem };

/**
 * The visit as stored: with start and finish, the minutes between them (finish after start, the same day);
 * with minutes alone, those. Never in the future of the desk clock; 1 to 24 × 60 minutes.
 */
export function labourEntry(typed: LabourTyped, now: Date, timeZone: string): LabourEntry {
  const fail = (problem: LabourProblem): LabourEntry => ({ ok: false, problem });
  if (typed.workedOn > localDate(now, timeZone)) return fail({ field: 'workedOn', key: 'labour.future' });
  const range = { min: LABOUR_MINUTES.min, max: LABOUR_MINUTES.max };
  if (typed.start === null && typed.finish === null) {
    if (typed.minutes === null) return fail({ field: 'minutes', key: 'labour.minutesOrTimes' });
    if (!Number.isInteger(typed.minutes) || typed.minutes < range.min || typed.minutes > range.max) return fail({ field: 'minutes', key: 'labour.minutesRange', params: range });
    return { ok: true, startedAt: null, finishedAt: null, minutes: typed.minutes };
  }
  if (typed.start === null) return fail({ field: 'start', key: 'labour.startMissing' });
  if (typed.finish === null) return fail({ field: 'finish', key: 'labour.finishMissing' });
  const started = zonedInstant(typed.workedOn, typed.start, timeZone);
  const finished = zonedInstant(typed.workedOn, typed.finish, timeZone);
  if (finished <= started) return fail({ field: 'finish', key: 'labour.finishBeforeStart' });
  if (finished > now.getTime()) return fail({ field: 'finish', key: 'labour.future' });
  return { ok: true, startedAt: new Date(started).toISOString(), finishedAt: new Date(finished).toISOString(), minutes: Math.round((finished - started) / 60_000) };
}

/** One logged visit, as the ticket shows it. */
export interface LabourVisit {
  id: number;
  /** For a correction (optimistic, like every edit). */
  version: number;
  engineer: { id: number; name: string };
  workedOn: string;
  startedAt: string | null;
  finishedAt: string | null;
  minutes: number;
  note: string;
}

export interface TicketLabour {
  visits: LabourVisit[];
  totalMinutes: number;
}

/**
 * The fee line's quantity from the logged time, in the unit of the standard's labour rate: per hour, the
 * hours rounded half up to the two decimals a fee quantity carries (95 minutes → 1.58); per visit, the visits.
 */
export function labourQuantity(labour: TicketLabour, unit: 'hour' | 'visit'): number {
  if (unit === 'visit') return labour.visits.length;
  return Math.round((labour.totalMinutes * 100) / 60) / 100;
}

/** Hours and visits of one engineer or product line in a period. */
export interface LabourRow {
  key: string;
  minutes: number;
  visits: number;
  tickets: number;
}

export interface LabourFigures {
  minutes: number;
  visits: number;
  byEngineer: LabourRow[];
  byProductLine: LabourRow[];
  /** Tickets resolved in the period that have logged time, their total minutes, and the average per repair. */
  repairs: { tickets: number; minutes: number; avgMinutes: number | null };
}
