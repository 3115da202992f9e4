/**
 * Response and resolution targets per urgency (SPEC: seed 002 by default; complaints 2 h / 24 h),
 * each counted either in elapsed time (day and night) or in working time on the desk's calendar.
 * Seed 001's 24/48/72 h response policy is the other preset.
 */
import { addElapsedMinutes, addWorkingMinutes, type Interval, type WorkingCalendar } from './calendar';
import type { ProblemType, Urgency } from './ticket';

export type ClockBasis = 'elapsed' | 'working';

export interface SlaTarget {
  respondMinutes: number;
  resolveMinutes: number;
  basis: ClockBasis;
}

export type SlaPolicy = Record<Urgency, SlaTarget> & { complaint: SlaTarget };

const WORKING_DAY = 9 * 60;

export const SEED_002_POLICY: SlaPolicy = {
  urgent: { respondMinutes: 2 * 60, resolveMinutes: 4 * 60, basis: 'elapsed' },
  important: { respondMinutes: 4 * 60, resolveMinutes: 24 * 60, basis: 'elapsed' },
  normal: { respondMinutes: 8 * 60, resolveMinutes: 3 * WORKING_DAY, basis: 'working' },
  complaint: { respondMinutes: 2 * 60, resolveMinutes: 24 * 60, basis: 'elapsed' },
};

export const SEED_001_POLICY: SlaPolicy = {
  urgent: { respondMinutes: 24 * 60, resolveMinutes: 48 * 60, basis: 'elapsed' },
  important: { respondMinutes: 48 * 60, resolveMinutes: 96 * 60, basis: 'elapsed' },
  normal: { respondMinutes: 72 * 60, resolveMinutes: 7 * 24 * 60, basis: 'elapsed' },
  complaint: { respondMinutes: 2 * 60, resolveMinutes: 24 * 60, basis: 'elapsed' },
};

export function dueAfter(start: string, minutes: number, basis: ClockBasis, calendar: WorkingCalendar, pauses: Interval[] = []): string {
  const from = Date.parse(start);
  const due = basis === 'working' ? addWorkingMinutes(calendar, from, minutes, pauses) : addElapsedMinutes(from, minutes, pauses);
  return new Date(due).toISOString();
}

export interface TicketClock {
  urgency: Urgency;
  problemType: ProblemType;
  reportedAt: string;
}

/**
 * Response and resolution deadlines; a complaint is held to the complaint targets and its urgency's,
 * whichever comes first. Pauses move both deadlines by the time the clock stood still.
 */
export function deadlines(
  ticket: TicketClock,
  policy: SlaPolicy,
  calendar: WorkingCalendar,
  pauses: Interval[] = [],
): { responseDueAt: string; resolveDueAt: string } {
  const targets = ticket.problemType === 'complaint' ? [policy[ticket.urgency], policy.complaint] : [policy[ticket.urgency]];
  const earliest = (pick: (t: SlaTarget) => number) =>
    targets.map((t) => dueAfter(ticket.reportedAt, pick(t), t.basis, calendar, pauses)).sort()[0]!;
  return { responseDueAt: earliest((t) => t.respondMinutes), resolveDueAt: earliest((t) => t.resolveMinutes) };
}
