/**
 * Statistics kept up to date as tickets change (issue 7: the month's figures from 100,000 tickets in well
 * under a second), instead of recomputed from every ticket at each request:
 * - ticket_hour_counts: per UTC hour, per dimension (channel, urgency, problem type, model, engineer) and
 *   key, how many tickets were received in that hour and how many were closed in it (and of those, fixed
 *   the first time); plus the cancelled ones by hour received. Triggers keep it; a period's breakdowns
 *   are sums over its hours (a zone whose midnight is not on a UTC hour adds its two partial hours from
 *   the tickets themselves, see reports/hour-counts.ts).
 * - tickets.is_repeat: the device had another ticket in the 90 days before this one. Triggers recompute
 *   it for the device's tickets whenever a ticket's device or report time changes.
 * - tickets.*_minutes: response and resolution times, elapsed and on the working calendar, computed in
 *   code (the calendar is not SQL) and stamped with the calendar's version (clock_version). A trigger
 *   clears the stamp when the times they come from change; statistics fill what is missing or stale.
 * SQLite dialect (triggers, upsert, WITHOUT ROWID, strftime); a PostgreSQL dialect would write the same
 * triggers in plpgsql.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

type RowName = 'NEW' | 'OLD';

/** The dimensions of the breakdowns, as SQL over a ticket row. */
const DIMENSIONS: [string, (r: string) => string][] = [
  ['channel', (r) => `${r}.channel`],
  ['urgency', (r) => `${r}.urgency`],
  ['problem_type', (r) => `${r}.problem_type`],
  ['model', (r) => `COALESCE(CAST(${r}.model_id AS TEXT), '')`],
  ['engineer', (r) => `COALESCE(CAST(${r}.assigned_to AS TEXT), '')`],
];

/**
 * How the triggers' SQL reads a ticket's times. This migration wrote them for ISO-8601 text; migration
 * 1765080000000-ticket-instants rewrote them for milliseconds (`MS_TIMES`) with the same functions.
 */
export interface TimeSql {
  /** The UTC hour of a time column, as ticket_hour_counts keys it ('2026-11-24T10'). */
  hour(column: string): string;
  /** A time column moved by whole days. */
  days(column: string, days: number): string;
}

export const TEXT_TIMES: TimeSql = {
  hour: (column) => `substr(${column}, 1, 13)`,
  days: (column, days) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '${days > 0 ? '+' : ''}${days} days')`,
};

/**
 * The rows a ticket `r` adds to ticket_hour_counts, each multiplied by `sign`: (hour, dim, key, received,
 * closed, first_time). `received` and `closed` say which tickets count: in a trigger nothing (the row
 * itself), in a query a FROM … WHERE over a range of tickets (see reports/hour-counts.ts).
 */
export function hourContributions(r: string, sign: string, received = '', closed = '', times: TimeSql = TEXT_TIMES): string {
  const where = (from: string, condition: string) => (from ? `${from} AND ${condition}` : `WHERE ${condition}`);
  const lines = [
    ...DIMENSIONS.map(([dim, key]) => `SELECT ${times.hour(`${r}.reported_at`)} AS hour, '${dim}' AS dim, ${key(r)} AS key, ${sign} AS received, 0 AS closed, 0 AS first_time ${received}`),
    `SELECT ${times.hour(`${r}.reported_at`)}, 'cancelled', '', ${sign}, 0, 0 ${where(received, `${r}.status = 'cancelled'`)}`,
    ...DIMENSIONS.map(
      ([dim, key]) =>
        `SELECT ${times.hour(`${r}.closed_at`)}, '${dim}', ${key(r)}, 0, ${sign}, ${sign} * (${r}.reopen_count = 0 AND ${r}.visits <= 1) ${where(closed, `${r}.status = 'closed' AND ${r}.closed_at IS NOT NULL`)}`,
    ),
  ];
  return lines.join('\n UNION ALL ');
}

const upsert = (rows: string) =>
  `INSERT INTO ticket_hour_counts (hour, dim, key, received, closed, first_time) SELECT * FROM (${rows}) WHERE true
   ON CONFLICT (hour, dim, key) DO UPDATE SET received = received + excluded.received, closed = closed + excluded.closed, first_time = first_time + excluded.first_time;`;

/** Columns whose change moves a ticket between hours or keys. */
const COUNTED_CHANGE = [
  ...['reported_at', 'closed_at', 'channel', 'urgency', 'problem_type', 'model_id', 'assigned_to', 'reopen_count', 'visits'].map((c) => `OLD.${c} IS NOT NEW.${c}`),
  `(OLD.status = 'closed') IS NOT (NEW.status = 'closed')`,
  `(OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled')`,
].join(' OR ');

/** Another ticket of the same device reported in the 90 days before `tickets`' row. */
const earlierTicket = (times: TimeSql) => `EXISTS (SELECT 1 FROM tickets p WHERE p.device_id = tickets.device_id AND p.id <> tickets.id
  AND p.reported_at < tickets.reported_at AND p.reported_at >= ${times.days('tickets.reported_at', -90)})`;

/** The triggers, by name. */
export function statisticsTriggers(times: TimeSql): [string, string][] {
  const counted = (row: RowName, sign: string) => upsert(hourContributions(row, sign, '', '', times));
  const repeatsOf = (device: string) => `UPDATE tickets SET is_repeat = ${earlierTicket(times)} WHERE device_id = ${device};`;
  return [
  ['tickets_hours_ai', `CREATE TRIGGER "tickets_hours_ai" AFTER INSERT ON "tickets" BEGIN ${counted('NEW', '1')} END`],
  ['tickets_hours_ad', `CREATE TRIGGER "tickets_hours_ad" AFTER DELETE ON "tickets" BEGIN ${counted('OLD', '-1')} END`],
  ['tickets_hours_au', `CREATE TRIGGER "tickets_hours_au" AFTER UPDATE ON "tickets" WHEN ${COUNTED_CHANGE} BEGIN ${counted('OLD', '-1')} ${counted('NEW', '1')} END`],
  // A new ticket can be a repeat, and can make the device's later tickets (reported within 90 days) repeats.
  [
    'tickets_repeat_ai',
    `CREATE TRIGGER "tickets_repeat_ai" AFTER INSERT ON "tickets" WHEN NEW.device_id IS NOT NULL BEGIN
      UPDATE tickets SET is_repeat = ${earlierTicket(times)} WHERE device_id = NEW.device_id AND reported_at >= NEW.reported_at
        AND reported_at <= ${times.days('NEW.reported_at', 90)}; END`,
  ],
  [
    'tickets_repeat_au',
    `CREATE TRIGGER "tickets_repeat_au" AFTER UPDATE OF device_id, reported_at ON "tickets"
      WHEN OLD.device_id IS NOT NEW.device_id OR OLD.reported_at IS NOT NEW.reported_at BEGIN
      UPDATE tickets SET is_repeat = 0 WHERE id = NEW.id AND NEW.device_id IS NULL; ${repeatsOf('OLD.device_id')} ${repeatsOf('NEW.device_id')} END`,
  ],
  ['tickets_repeat_ad', `CREATE TRIGGER "tickets_repeat_ad" AFTER DELETE ON "tickets" WHEN OLD.device_id IS NOT NULL BEGIN ${repeatsOf('OLD.device_id')} END`],
  [
    'tickets_clock_au',
    `CREATE TRIGGER "tickets_clock_au" AFTER UPDATE OF reported_at, responded_at, resolved_at ON "tickets"
      WHEN OLD.reported_at IS NOT NEW.reported_at OR OLD.responded_at IS NOT NEW.responded_at OR OLD.resolved_at IS NOT NEW.resolved_at
      BEGIN UPDATE tickets SET clock_version = NULL WHERE id = NEW.id; END`,
  ],
  ];
}
export const STATISTICS_TRIGGERS = statisticsTriggers(TEXT_TIMES);

/**
 * What the triggers keep, computed from the tickets as they are, whose repeat flags are still all 0 (the
 * migration's backfill; a bulk load that ran without the triggers runs it too, see tests/bench/generate.ts).
 */
export const statisticsBackfill = (times: TimeSql): string[] => [
  'DELETE FROM ticket_hour_counts',
  `INSERT INTO ticket_hour_counts (hour, dim, key, received, closed, first_time)
   SELECT hour, dim, key, SUM(received), SUM(closed), SUM(first_time) FROM (${hourContributions('t', '1', 'FROM tickets t WHERE true', 'FROM tickets t WHERE true', times)})
   WHERE hour IS NOT NULL GROUP BY hour, dim, key`,
  `UPDATE tickets SET is_repeat = 1 WHERE device_id IS NOT NULL AND ${earlierTicket(times)}`,
];
export const STATISTICS_BACKFILL = statisticsBackfill(TEXT_TIMES);

export class StatisticsUpkeep1764870000000 implements MigrationInterface {
  name = 'StatisticsUpkeep1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "is_repeat" boolean NOT NULL DEFAULT (0)`);
    for (const column of ['clock_version', 'response_minutes', 'response_working_minutes', 'resolution_minutes', 'resolution_working_minutes']) {
      await q.query(`ALTER TABLE "tickets" ADD COLUMN "${column}" integer`);
    }
    await q.query(`CREATE TABLE "ticket_hour_counts" ("hour" varchar(13) NOT NULL, "dim" varchar(12) NOT NULL, "key" varchar(40) NOT NULL, "received" integer NOT NULL, "closed" integer NOT NULL, "first_time" integer NOT NULL, PRIMARY KEY ("hour", "dim", "key")) WITHOUT ROWID`);
    // The period scans read these indexes only; the breakdowns left them for ticket_hour_counts.
    await q.query('DROP INDEX "ix_tickets_report_received"');
    await q.query('DROP INDEX "ix_tickets_report_closed"');
    await q.query('DROP INDEX "ix_tickets_closed"');
    await q.query('DROP INDEX "ix_bills_balance"');
    for (const [name, table, columns] of STATISTICS_INDEXES) await q.query(`CREATE INDEX "${name}" ON "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`);
    for (const sql of STATISTICS_BACKFILL) await q.query(sql);
    for (const [, sql] of STATISTICS_TRIGGERS) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of STATISTICS_INDEXES) await q.query(`DROP INDEX "${name}"`);
    await q.query(`CREATE INDEX "ix_bills_balance" ON "bills" ("balance_fen")`);
    for (const [name] of STATISTICS_TRIGGERS) await q.query(`DROP TRIGGER "${name}"`);
    await q.query('DROP TABLE "ticket_hour_counts"');
    for (const column of ['resolution_working_minutes', 'resolution_minutes', 'response_working_minutes', 'response_minutes', 'clock_version', 'is_repeat']) {
      await q.query(`ALTER TABLE "tickets" DROP COLUMN "${column}"`);
    }
    await q.query(`CREATE INDEX "ix_tickets_closed" ON "tickets" ("closed_at")`);
    await q.query(`CREATE INDEX "ix_tickets_report_closed" ON "tickets" ("closed_at", "status", "reported_at", "channel", "urgency", "problem_type", "model_id", "assigned_to", "reopen_count", "visits")`);
    await q.query(`CREATE INDEX "ix_tickets_report_received" ON "tickets" ("reported_at", "status", "channel", "urgency", "problem_type", "model_id", "assigned_to", "device_id", "serial", "responded_at", "response_due_at", "resolved_at", "resolve_due_at")`);
  }
}

const STATISTICS_INDEXES: [string, string, string[]][] = [
  // Received in the period: cancellations, clocks, repeat faults, serial batches (index only, no ticket rows).
  [
    'ix_tickets_report_period',
    'tickets',
    ['reported_at', 'status', 'is_repeat', 'device_id', 'model_id', 'serial', 'clock_version', 'responded_at', 'response_due_at', 'resolved_at', 'resolve_due_at',
      'response_minutes', 'response_working_minutes', 'resolution_minutes', 'resolution_working_minutes'],
  ],
  // The period's repeat faults, without reading its other tickets.
  ['ix_tickets_repeats', 'tickets', ['is_repeat', 'reported_at', 'device_id', 'serial', 'model_id']],
  // Closed in a period (the trend), and open at a period's end although closed since.
  ['ix_tickets_closed_status_reported', 'tickets', ['closed_at', 'status', 'reported_at']],
  // Fees: billed in the period; owed now (the bills still open, and when they were billed); paid in the period or since.
  ['ix_bills_billed', 'bills', ['billed_on', 'total_fen']],
  ['ix_bills_balance_billed', 'bills', ['balance_fen', 'billed_on']],
  ['ix_payments_paid', 'payments', ['paid_at', 'method', 'amount_fen', 'bill_id']],
  // The depot: handed back or scrapped in the period; still in it at the period's end (not closed, or closed since).
  ['ix_returned_devices_closed', 'returned_devices', ['closed_at', 'state', 'received_at', 'expected_date']],
];
