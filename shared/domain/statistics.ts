/** The figures management reads each month (seeds 000–002), as the core computes them for any period. */

import type { LabourFigures } from './labour';

/** Seed 002's targets. */
export const TARGETS = { firstTimeFixRate: 0.9, satisfactionRate: 0.95 } as const;

export interface Breakdown {
  key: string;
  received: number;
  closed: number;
}

export interface TimeFigures {
  /** Tickets with this time measured. */
  count: number;
  avgMinutes: number | null;
  p90Minutes: number | null;
  /** The same on the working calendar (working minutes). */
  avgWorkingMinutes: number | null;
  p90WorkingMinutes: number | null;
  /** Tickets decided (see deadlineVerdict), and of those done by the deadline. */
  decided: number;
  onTime: number;
  /** onTime / decided: tickets still inside their deadline count neither way. */
  withinTargetRate: number | null;
}

/**
 * Whether a ticket met a deadline (to respond, to resolve), as known at `now` on the desk clock: done by
 * the deadline is on time, done after it or still undone once it passed is late, and undone with the
 * deadline still ahead is not decided yet. The core's SQL counts the same (reports/statistics.ts).
 */
export type DeadlineVerdict = 'onTime' | 'late' | 'pending';

export function deadlineVerdict(ticket: { doneAt: string | null; dueAt: string }, now: string): DeadlineVerdict {
  if (ticket.doneAt !== null) return ticket.doneAt <= ticket.dueAt ? 'onTime' : 'late';
  return ticket.dueAt < now ? 'late' : 'pending';
}

/** 及时率: the share on time among the decided; null while none is decided. */
export function onTimeRate(verdicts: Iterable<DeadlineVerdict>): number | null {
  let onTime = 0;
  let decided = 0;
  for (const v of verdicts) {
    if (v === 'pending') continue;
    decided += 1;
    if (v === 'onTime') onTime += 1;
  }
  return rate(onTime, decided);
}

/** Days a device has been in the depot at the period's end, in bands. */
export const DEPOT_AGE_BANDS = ['d0_7', 'd8_14', 'd15_30', 'over30'] as const;
export type DepotAgeBand = (typeof DEPOT_AGE_BANDS)[number];

export function depotAgeBand(days: number): DepotAgeBand {
  if (days <= 7) return 'd0_7';
  if (days <= 14) return 'd8_14';
  if (days <= 30) return 'd15_30';
  return 'over30';
}

export interface ReturnFigures {
  /** Checked in during the period. */
  received: number;
  /** Handed back to the customer during the period. */
  returned: number;
  scrapped: number;
  /** Still in the depot when the period ended, by days since check-in. */
  inDepotAtEnd: number;
  ageing: Record<DepotAgeBand, number>;
  /** Of those, past their expected completion date. */
  overdueAtEnd: number;
}

export interface FeeFigures {
  /** Bills issued in the period, and their total (fen). */
  bills: number;
  billedFen: number;
  /** Money received in the period (fen), whatever the bill's date, by payment method. */
  collectedFen: number;
  collectedByMethod: Record<string, number>;
  /** What bills issued up to the period's end still owed at its end (fen). */
  outstandingFen: number;
}

export interface PeriodStats {
  from: string;
  to: string;
  received: number;
  closed: number;
  cancelled: number;
  openAtEnd: number;
  complaints: number;
  byChannel: Breakdown[];
  byUrgency: Breakdown[];
  byProblemType: Breakdown[];
  byModel: Breakdown[];
  byEngineer: Breakdown[];
  response: TimeFigures;
  resolution: TimeFigures;
  firstTimeFix: { closed: number; firstTime: number; rate: number | null };
  satisfaction: { total: number; counts: Record<string, number>; rate: number | null };
  followUps: { done: number; overdue: number };
  repeatFaults: {
    /** Tickets of the period whose device had another ticket in the 90 days before. */
    tickets: number;
    devices: { serial: string; model: string; tickets: number }[];
    byModel: { key: string; n: number }[];
    /** Tickets of the period per serial-number batch (the configured prefix). */
    byBatch: { key: string; n: number }[];
  };
  returns: ReturnFigures;
  fees: FeeFigures;
  /** Labour hours logged on the period's days, and per repair resolved in it. */
  labour: LabourFigures;
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: ArrayLike<number>, share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1]!;
}

export function average(values: ArrayLike<number>): number | null {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? null : Math.round(sum / values.length);
}

export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The period just before, of the same number of days (the comparison column). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // A calendar month compares with the previous calendar month.
  const monthStart = from.endsWith('-01') && iso(Date.parse(`${to}T00:00:00Z`) + day).endsWith('-01');
  if (monthStart) {
    const prevEnd = start - day;
    return { from: `${iso(prevEnd).slice(0, 7)}-01`, to: iso(prevEnd) };
  }
  return { from: iso(start - days * day), to: iso(start - day) };
}
