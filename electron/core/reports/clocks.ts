/**
 * Response and resolution times kept on the ticket (tickets.*_minutes), elapsed and on the working
 * calendar, so a period's averages and percentiles are SQL over an index instead of a calendar walk over
 * every ticket at every request. They carry the version of the calendar they were computed with
 * (clock_version); a trigger clears it when the ticket's times change, and a new calendar has a new
 * version, so `refreshClocks` recomputes exactly the missing and stale ones of a period before it is read.
 */
import { WorkingTimeIndex, type WorkingCalendar } from '../../../shared/domain/calendar';
import { localDate } from '../../../shared/domain/time';
import type { Db } from '../db/db';
import { instantParam } from '../db/instants';

/** A 31-bit FNV-1a hash of the calendar: equal calendars, equal versions. */
export function calendarVersion(calendar: WorkingCalendar): number {
  const text = JSON.stringify(calendar);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1;
}

/** id, then reported, responded and resolved as stored: milliseconds (db/instants.ts). */
type ClockLine = [number, number, number | null, number | null];

const DAY = 86_400_000;
const WRITE_BATCH = 5000;
const minutes = (from: number, to: number) => Math.round((to - from) / 60_000);

/** Computes and stores the times of the tickets reported in [start, end) whose times are missing or stale. */
export async function refreshClocks(db: Db, calendar: WorkingCalendar, start: string, end: string): Promise<void> {
  const version = calendarVersion(calendar);
  const stale = await db.arrays<ClockLine>(
    `SELECT id, reported_at, responded_at, resolved_at FROM tickets t
     WHERE t.reported_at >= ? AND t.reported_at < ? AND (t.clock_version IS NULL OR t.clock_version <> ?)`,
    [instantParam(start), instantParam(end), version],
  );
  if (stale.length === 0) return;
  let first = Infinity;
  let last = -Infinity;
  for (const [, reported, responded, resolved] of stale) {
    first = Math.min(first, reported);
    last = Math.max(last, reported, responded ?? -Infinity, resolved ?? -Infinity);
  }
  const index = new WorkingTimeIndex(calendar, localDate(new Date(first - DAY), calendar.timeZone), localDate(new Date(last + DAY), calendar.timeZone));
  const rows = stale.map(([id, a, r, s]) => {
    return [
      version,
      r === null ? null : minutes(a, r),
      r === null ? null : index.minutesBetween(a, r),
      s === null ? null : minutes(a, s),
      s === null ? null : index.minutesBetween(a, s),
      // Only if the ticket still has the times read above (an edit in between cleared the version again).
      id, a, r, s,
    ];
  });
  // In transactions of a few thousand, so a desk's writes are not held up behind a year's refresh.
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await db.write((tx) =>
      tx.runMany(
        `UPDATE tickets SET clock_version = ?, response_minutes = ?, response_working_minutes = ?, resolution_minutes = ?, resolution_working_minutes = ?
         WHERE id = ? AND reported_at = ? AND responded_at IS ? AND resolved_at IS ?`,
        rows.slice(i, i + WRITE_BATCH),
      ),
    );
  }
}
