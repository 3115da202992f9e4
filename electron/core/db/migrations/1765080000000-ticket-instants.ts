/**
 * The tickets' clock as integers (issue 17, db/instants.ts): the times that the lists, deadlines and statistics
 * compare and index (reported, response and resolve deadlines, responded, resolved, closed, follow-up due and
 * done) and the row's own stamps hold milliseconds since 1970 UTC instead of ISO-8601 text; so do the labour
 * log's visits (a million rows beside a million tickets). Each time sits in the row and in up to nine indexes
 * (`reported_at`): about 700 MB less at a million tickets, with an index nothing used. The tables are rebuilt (as in
 * 1765070000000-trail-instants) and the statistics triggers are made again reading milliseconds: the hour a
 * ticket counts in and the 90 days of a repeat fault are the same as before (ticket_hour_counts keeps its keys).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { statisticsTriggers, TEXT_TIMES, type TimeSql } from './1764870000000-statistics-upkeep';
import { retypeInstants } from './1765070000000-trail-instants';

export const TICKET_INSTANTS = ['reported_at', 'response_due_at', 'resolve_due_at', 'responded_at', 'resolved_at', 'closed_at', 'follow_up_due_at', 'followed_up_at', 'created_at', 'updated_at'];
export const LABOUR_INSTANTS = ['started_at', 'finished_at', 'created_at', 'updated_at'];

const DAY_MS = 86_400_000;

/** The statistics triggers' SQL over times kept as milliseconds. */
export const MS_TIMES: TimeSql = {
  hour: (column) => `strftime('%Y-%m-%dT%H', ${column} / 1000, 'unixepoch')`,
  days: (column, days) => `(${column} ${days < 0 ? '-' : '+'} ${Math.abs(days) * DAY_MS})`,
};

async function retype(q: QueryRunner, to: 'ms' | 'text'): Promise<void> {
  const keep = ((await q.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tickets'")) as { sql: string }[]).filter(
    (t) => !statisticsTriggers(TEXT_TIMES).some(([name]) => t.sql.includes(`"${name}"`)),
  );
  await retypeInstants(q, 'tickets', TICKET_INSTANTS, to, false);
  for (const trigger of keep) await q.query(trigger.sql);
  for (const [, sql] of statisticsTriggers(to === 'ms' ? MS_TIMES : TEXT_TIMES)) await q.query(sql);
  await retypeInstants(q, 'ticket_labour', LABOUR_INSTANTS, to);
}

export class TicketInstants1765080000000 implements MigrationInterface {
  name = 'TicketInstants1765080000000';

  async up(q: QueryRunner): Promise<void> {
    // Every query of the follow-up due time also asks for the status: ix_tickets_status_follow_up_due serves them all.
    await q.query('DROP INDEX "ix_tickets_follow_up_due"');
    await retype(q, 'ms');
  }

  async down(q: QueryRunner): Promise<void> {
    await retype(q, 'text');
    await q.query('CREATE INDEX "ix_tickets_follow_up_due" ON "tickets" ("follow_up_due_at")');
  }
}
