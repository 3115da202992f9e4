/**
 * A period's tickets received and closed per dimension (channel, urgency, problem type, model, engineer;
 * cancelled), from ticket_hour_counts, which triggers keep (migration 1764870000000-statistics-upkeep):
 * the whole UTC hours inside the period are summed from the table; the partial hours at either end (a
 * zone whose midnight is not on a UTC hour, e.g. UTC+5:30) are counted from the tickets themselves with
 * the same SQL the triggers use (over times kept as milliseconds, migration 1765080000000-ticket-instants).
 */
import { hourContributions } from '../db/migrations/1764870000000-statistics-upkeep';
import { MS_TIMES } from '../db/migrations/1765080000000-ticket-instants';
import type { Db } from '../db/db';

export interface DimensionCount {
  dim: string;
  key: string;
  received: number;
  closed: number;
  firstTime: number;
}

type CountLine = [string, string, number, number, number];

const HOUR = 3_600_000;
const hourKey = (ms: number) => new Date(ms).toISOString().slice(0, 13);

const FROM_TICKETS = hourContributions(
  't',
  '1',
  'FROM tickets t WHERE t.reported_at >= ? AND t.reported_at < ?',
  'FROM tickets t WHERE t.closed_at >= ? AND t.closed_at < ?',
  MS_TIMES,
);
/** Each line of FROM_TICKETS takes the range once. */
const RANGES_IN_FROM_TICKETS = FROM_TICKETS.split('UNION ALL').length;

/** Counts per (dimension, key) of the tickets received or closed in [start, end) (ISO instants). */
export async function periodCounts(db: Db, start: string, end: string): Promise<DimensionCount[]> {
  const a = Date.parse(start);
  const b = Date.parse(end);
  const firstHour = Math.ceil(a / HOUR) * HOUR;
  const lastHour = Math.floor(b / HOUR) * HOUR;
  const parts: CountLine[][] = [];
  const direct = (from: number, to: number) =>
    db.arrays<CountLine>(
      `SELECT dim, key, SUM(received), SUM(closed), SUM(first_time) FROM (${FROM_TICKETS}) GROUP BY dim, key`,
      Array.from({ length: RANGES_IN_FROM_TICKETS }, () => [from, to]).flat(),
    );
  if (firstHour >= lastHour) {
    parts.push(await direct(a, b));
  } else {
    parts.push(
      await db.arrays<CountLine>(
        'SELECT dim, key, SUM(received), SUM(closed), SUM(first_time) FROM ticket_hour_counts WHERE hour >= ? AND hour < ? GROUP BY dim, key',
        [hourKey(firstHour), hourKey(lastHour)],
      ),
    );
    if (a < firstHour) parts.push(await direct(a, firstHour));
    if (lastHour < b) parts.push(await direct(lastHour, b));
  }
  const out = new Map<string, DimensionCount>();
  for (const [dim, key, received, closed, firstTime] of parts.flat()) {
    const id = `${dim}\u0000${key}`;
    const row = out.get(id) ?? out.set(id, { dim, key, received: 0, closed: 0, firstTime: 0 }).get(id)!;
    row.received += received;
    row.closed += closed;
    row.firstTime += firstTime;
  }
  return [...out.values()];
}
