/**
 * A database that grows slower (issue 17). A ticket change's audit entry is kept on its timeline event
 * (ticket_events.changes, see services/audit.ts eventChanges) instead of an audit_log row with three index
 * entries; the viewer reads both, so entries written before this migration stay where they are and read as
 * before. Two ticket indexes that are a prefix of another go: ix_tickets_resolved (of ix_tickets_report_resolved)
 * and ix_tickets_device (of ix_tickets_device_reported). Adding a column and a partial index over no rows yet is
 * instant; dropping an index frees its pages: nothing here reads the tickets, so a million-ticket desk starts at once.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompactAudit1764960000000 implements MigrationInterface {
  name = 'CompactAudit1764960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "ticket_events" ADD COLUMN "changes" text');
    await q.query('CREATE INDEX "ix_ticket_events_audit_at" ON "ticket_events" ("at") WHERE "changes" IS NOT NULL');
    await q.query('DROP INDEX "ix_tickets_resolved"');
    await q.query('DROP INDEX "ix_tickets_device"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "ix_tickets_device" ON "tickets" ("device_id")');
    await q.query('CREATE INDEX "ix_tickets_resolved" ON "tickets" ("resolved_at")');
    await q.query('DROP INDEX "ix_ticket_events_audit_at"');
    await q.query('ALTER TABLE "ticket_events" DROP COLUMN "changes"');
  }
}
