/**
 * Indexes for searching as you type and for the supervisor's ticket list (issue 21), each read by one query
 * shape in services/tickets.query.ts:
 * - ix_tickets_phone_last4 / ix_customers_phone_last4: a phone's last four digits (5678), on an expression, so
 *   no column to fill and no write path changes. SQLite dialect: PostgreSQL indexes right(col, 4) instead.
 * - ix_tickets_model_reported: a model code's tickets and the model filter, newest first.
 * - ix_tickets_assignee_reported: the engineer filter, newest first.
 * Phone and serial prefixes are ranges on the existing ix_tickets_phone and ix_tickets_serial.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ListSearch1764930000000 implements MigrationInterface {
  name = 'ListSearch1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_tickets_phone_last4" ON "tickets" (substr("contact_phone_norm", -4))`);
    await q.query(`CREATE INDEX "ix_customers_phone_last4" ON "customers" (substr("phone_norm", -4))`);
    await q.query(`CREATE INDEX "ix_tickets_model_reported" ON "tickets" ("model_id", "reported_at")`);
    await q.query(`CREATE INDEX "ix_tickets_assignee_reported" ON "tickets" ("assigned_to", "reported_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ix_tickets_assignee_reported"');
    await q.query('DROP INDEX "ix_tickets_model_reported"');
    await q.query('DROP INDEX "ix_customers_phone_last4"');
    await q.query('DROP INDEX "ix_tickets_phone_last4"');
  }
}
