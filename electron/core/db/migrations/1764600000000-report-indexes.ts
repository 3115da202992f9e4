/** Indexes for the period statistics: tickets closed, resolved and followed up within a date range. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1764600000000 implements MigrationInterface {
  name = 'ReportIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_tickets_closed" ON "tickets" ("closed_at")`);
    await q.query(`CREATE INDEX "ix_tickets_resolved" ON "tickets" ("resolved_at")`);
    await q.query(`CREATE INDEX "ix_tickets_followed_up" ON "tickets" ("followed_up_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ix_tickets_followed_up"');
    await q.query('DROP INDEX "ix_tickets_resolved"');
    await q.query('DROP INDEX "ix_tickets_closed"');
  }
}
