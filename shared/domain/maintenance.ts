/**
 * Preventive maintenance (定期巡检) date rules: due dates from an interval anchored on the plan's start
 * date (month steps clamp to the month's last day and come back: Jan 31 → Feb 28 → Mar 31), or a list of
 * fixed dates; which due dates a generator must create tickets for today, lead days before each.
 * Dates are calendar dates `YYYY-MM-DD` in the desk's time zone.
 */

export const INTERVAL_UNITS = ['day', 'week', 'month', 'fixed'] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

export interface Schedule {
  unit: IntervalUnit;
  /** Every N units (ignored for fixed dates). */
  every: number;
  /** The first due date (the anchor of the interval). */
  startDate: string;
  /** For `fixed`: the due dates themselves. */
  fixedDates: string[];
}

export const CHECK_KINDS = ['pass', 'value'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** One line of a plan's checklist template: a pass/fail check, or a value to measure with its unit. */
export interface ChecklistItem {
  id: string;
  label: string;
  kind: CheckKind;
  unit: string;
}

/** What the engineer filled for one item on the ticket. */
export interface ChecklistResult {
  id: string;
  pass: boolean | null;
  value: number | null;
  note: string;
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The date `months` after `date`, on the same day of the month or the month's last day if shorter. */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The k-th due date (k = 0 is the start date), always computed from the anchor so clamping never drifts. */
export function occurrence(s: Schedule, k: number): string | null {
  switch (s.unit) {
    case 'day':
      return addDays(s.startDate, k * s.every);
    case 'week':
      return addDays(s.startDate, k * s.every * 7);
    case 'month':
      return addMonthsClamped(s.startDate, k * s.every);
    case 'fixed':
      return [...s.fixedDates].sort()[k] ?? null;
  }
}

/** The first due date on or after `date` (null when a fixed list has run out). */
export function firstDueOnOrAfter(s: Schedule, date: string): string | null {
  if (s.unit === 'fixed') return [...s.fixedDates].sort().find((d) => d >= date) ?? null;
  if (date <= s.startDate) return s.startDate;
  let k: number;
  if (s.unit === 'month') {
    const [ys, ms] = s.startDate.split('-').map(Number) as [number, number];
    const [yd, md] = date.split('-').map(Number) as [number, number];
    k = Math.max(0, Math.floor(((yd - ys) * 12 + (md - ms)) / s.every) - 1);
  } else {
    const step = s.unit === 'week' ? s.every * 7 : s.every;
    k = Math.max(0, Math.floor((dayNumber(date) - dayNumber(s.startDate)) / step) - 1);
  }
  for (;; k++) {
    const d = occurrence(s, k)!;
    if (d >= date) return d;
  }
}

/** The due date after `due` in the plan's series. */
export function nextDueAfter(s: Schedule, due: string): string | null {
  return firstDueOnOrAfter(s, addDays(due, 1));
}

/** At most this many tickets per plan in one run (a daily plan left closed for years must not flood the desk). */
export const CATCH_UP_LIMIT = 400;

/**
 * The due dates, from `nextDue` on, whose ticket is due to be created by `today` (lead days before each),
 * oldest first: every date missed while the app was closed is in the list, once.
 */
export function dueForGeneration(s: Schedule, nextDue: string | null, leadDays: number, today: string, limit = CATCH_UP_LIMIT): string[] {
  const out: string[] = [];
  let due = nextDue;
  while (due !== null && addDays(due, -leadDays) <= today && out.length < limit) {
    out.push(due);
    due = nextDueAfter(s, due);
  }
  return out;
}

/** Checks a checklist's results against its template: every item answered, in the template's kinds. */
export function checklistProblems(template: ChecklistItem[], results: ChecklistResult[]): string[] {
  const problems: string[] = [];
  const known = new Set(template.map((i) => i.id));
  for (const r of results) if (!known.has(r.id)) problems.push(`unknown:${r.id}`);
  for (const item of template) {
    const r = results.find((x) => x.id === item.id);
    if (!r) continue;
    if (item.kind === 'pass' && r.value !== null) problems.push(`value:${item.id}`);
    if (item.kind === 'value' && r.pass !== null) problems.push(`pass:${item.id}`);
  }
  return problems;
}

/** How far a visit's checklist is filled: answered items, failed checks. */
export function checklistSummary(template: ChecklistItem[], results: ChecklistResult[]): { total: number; answered: number; failed: number } {
  let answered = 0;
  let failed = 0;
  for (const item of template) {
    const r = results.find((x) => x.id === item.id);
    if (!r) continue;
    if (item.kind === 'pass' ? r.pass !== null : r.value !== null) answered++;
    if (item.kind === 'pass' && r.pass === false) failed++;
  }
  return { total: template.length, answered, failed };
}

export interface MaintenancePlan {
  id: number;
  version: number;
  name: string;
  customer: { id: number; name: string };
  project: string;
  device: { id: number; serial: string } | null;
  unit: IntervalUnit;
  every: number;
  startDate: string;
  fixedDates: string[];
  nextDue: string | null;
  leadDays: number;
  engineer: { id: number; name: string } | null;
  checklist: ChecklistItem[];
  active: boolean;
  notes: string;
}

export interface MaintenanceVisit {
  id: number;
  version: number;
  planId: number;
  planName: string;
  dueDate: string;
  ticket: { id: number; number: string; status: string };
  checklist: ChecklistItem[];
  results: ChecklistResult[];
  resultsAt: string | null;
  summary: { total: number; answered: number; failed: number };
}

export interface MaintenancePlanDetail extends MaintenancePlan {
  visits: MaintenanceVisit[];
}
