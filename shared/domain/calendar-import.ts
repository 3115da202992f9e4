/**
 * A year's public holidays and make-up working days (调休) imported as text: the admin pastes the
 * State Council's notice turned into lines, or a CSV exported from a spreadsheet. One date or range
 * per line, then its kind:
 *
 *   2026-10-01~2026-10-07 休      (range, holiday)
 *   2026-10-11,班                 (make-up working day)
 *   2026-05-01 holiday            (English words work too; `#` starts a comment)
 *
 * Importing replaces the calendar's entries of the years the file covers and keeps the others.
 */

export type DayKind = 'holiday' | 'makeup';

export type ImportProblem = 'format' | 'date' | 'kind' | 'range' | 'conflict';

export interface CalendarImport {
  holidays: string[];
  makeupDays: string[];
  /** The years the file covers: their old entries are replaced. */
  years: number[];
  problems: { line: number; text: string; problem: ImportProblem }[];
}

const KINDS: Record<string, DayKind> = {
  休: 'holiday',
  假: 'holiday',
  节假日: 'holiday',
  放假: 'holiday',
  holiday: 'holiday',
  off: 'holiday',
  班: 'makeup',
  上班: 'makeup',
  调休上班: 'makeup',
  补班: 'makeup',
  makeup: 'makeup',
  workday: 'makeup',
  work: 'makeup',
};

/** Header lines of a CSV ("日期,类型" / "date,kind") are skipped rather than reported. */
const HEADER = /^(日期|date)/i;
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至]\s*(\d{4}-\d{2}-\d{2}))?[\s,，;；]+(\S+)$/;
const DAY = 86_400_000;
const MAX_RANGE_DAYS = 31;

function dayNumber(date: string): number | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return t / DAY;
}

const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

export function parseCalendarImport(text: string): CalendarImport {
  const kindOf = new Map<string, DayKind>();
  const problems: CalendarImport['problems'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim().replace(/^"|"$/g, '');
    if (!line || (index === 0 && HEADER.test(line))) return;
    const report = (problem: ImportProblem) => problems.push({ line: index + 1, text: raw.trim().slice(0, 80), problem });
    const m = LINE.exec(line.replace(/"/g, ''));
    if (!m) return report('format');
    const [, fromText, toText, kindText] = m as unknown as [string, string, string | undefined, string];
    const kind = KINDS[kindText.toLowerCase()];
    if (!kind) return report('kind');
    const from = dayNumber(fromText);
    const to = toText ? dayNumber(toText) : from;
    if (from === null || to === null) return report('date');
    if (to < from || to - from >= MAX_RANGE_DAYS) return report('range');
    for (let day = from; day <= to; day++) {
      const date = dateOf(day);
      const before = kindOf.get(date);
      if (before && before !== kind) return report('conflict');
      kindOf.set(date, kind);
    }
  });
  const dates = [...kindOf.keys()].sort();
  return {
    holidays: dates.filter((d) => kindOf.get(d) === 'holiday'),
    makeupDays: dates.filter((d) => kindOf.get(d) === 'makeup'),
    years: [...new Set(dates.map((d) => Number(d.slice(0, 4))))],
    problems,
  };
}

/** The calendar's lists with the imported years replaced by the file's entries. */
export function applyCalendarImport(
  current: { holidays: string[]; makeupDays: string[] },
  imported: CalendarImport,
): { holidays: string[]; makeupDays: string[] } {
  const kept = (dates: string[]) => dates.filter((d) => !imported.years.includes(Number(d.slice(0, 4))));
  return {
    holidays: [...kept(current.holidays), ...imported.holidays].sort(),
    makeupDays: [...kept(current.makeupDays), ...imported.makeupDays].sort(),
  };
}
