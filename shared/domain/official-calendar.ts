/**
 * The State Council's holiday arrangement (放假安排) as the desk uses it: each official day off and each
 * make-up working day (调休) with its festival, a digest per year (the version an admin accepts), and the
 * desk's calendar made of the official days in force with the company's own days on top.
 */
import type { WorkingCalendar } from './calendar';

export const FESTIVALS = ['new_year', 'spring_festival', 'tomb_sweeping', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day'] as const;
export type Festival = (typeof FESTIVALS)[number];

export interface OfficialDay {
  date: string;
  /** off: a holiday; work: a make-up working day (调休上班). */
  kind: 'off' | 'work';
  festival: Festival;
}

export interface OfficialData {
  /** Where the data comes from (package and version). */
  source: string;
  days: OfficialDay[];
}

/** One year of the arrangement, as the admin sees it in 设置 → 时限与日历. */
export interface OfficialYear {
  year: number;
  /** The days deadlines use: the accepted ones, or the bundled ones while the year has none accepted. */
  days: OfficialDay[];
  /** Whether the admin has accepted the days in force. */
  accepted: boolean;
  /** What this version of the app brings and the admin has not accepted yet (null: nothing new). */
  incoming: { digest: string; days: OfficialDay[] } | null;
}

export function daysOfYear(data: OfficialData, year: number): OfficialDay[] {
  return data.days.filter((d) => d.date.startsWith(`${year}-`));
}

export function yearsOf(data: OfficialData): number[] {
  return [...new Set(data.days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
}

/** A digest of a year's days (FNV-1a over their text): equal days, equal digest. */
export function yearDigest(days: OfficialDay[]): string {
  const text = days.map((d) => `${d.date}${d.kind}${d.festival}`).join('|');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The company's own days, from settings: extra days off, working days, half days. */
export interface CompanyDays {
  holidays: readonly string[];
  makeupDays: readonly string[];
  halfDays?: readonly string[] | undefined;
}

/**
 * The desk's calendar: the official days in force, then the company's days over them (a company working
 * day beats an official holiday, a company day off beats an official 调休 day, a half day beats both).
 */
export function withOfficialDays(calendar: Omit<WorkingCalendar, keyof CompanyDays> & CompanyDays, official: OfficialDay[]): WorkingCalendar {
  const kinds = new Map<string, 'off' | 'work' | 'half'>();
  for (const d of official) kinds.set(d.date, d.kind);
  for (const date of calendar.makeupDays) kinds.set(date, 'work');
  for (const date of calendar.holidays) kinds.set(date, 'off');
  for (const date of calendar.halfDays ?? []) kinds.set(date, 'half');
  const dates = (...wanted: string[]) => [...kinds].filter(([, k]) => wanted.includes(k)).map(([d]) => d).sort();
  return { ...calendar, holidays: dates('off'), makeupDays: dates('work'), halfDays: dates('half') };
}

export interface FestivalDays {
  festival: Festival;
  off: string[];
  work: string[];
}

/** A year's days by festival, in the order of the year (how the State Council's notice reads). */
export function byFestival(days: OfficialDay[]): FestivalDays[] {
  const groups = new Map<Festival, FestivalDays>();
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    let group = groups.get(d.festival);
    if (!group) groups.set(d.festival, (group = { festival: d.festival, off: [], work: [] }));
    group[d.kind].push(d.date);
  }
  return [...groups.values()].sort((a, b) => (a.off[0] ?? a.work[0]!).localeCompare(b.off[0] ?? b.work[0]!));
}

/** Dates (sorted) as runs of consecutive days: [first, last] each. */
export function runsOf(dates: string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const date of dates) {
    const last = runs.at(-1);
    if (last && Date.parse(`${date}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === 86_400_000) last[1] = date;
    else runs.push([date, date]);
  }
  return runs;
}
