/** The ticket lifecycle: diagnosis and plan, approval, consent, dispatch, acceptance, follow-up, pauses, attachments. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Lifecycle1764100000000 implements MigrationInterface {
  name = 'Lifecycle1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "remote_guidance" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "service_mode" varchar(10)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "eta" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "diagnosis" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "root_cause" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "repair_plan" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "parts_needed" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "touches_core_parts" boolean NOT NULL DEFAULT (0)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "estimate_fen" integer NOT NULL DEFAULT (0)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "needs_approval" boolean NOT NULL DEFAULT (0)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "approved_by" integer`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "approved_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "consent_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "consent_channel" varchar(12)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "consent_signature_id" integer`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "dispatched_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "contact_due_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "contacted_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "responded_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "resolved_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "function_test" varchar(10)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "satisfaction" varchar(16)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "acceptance_comments" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "acceptance_signature_id" integer`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "follow_up_due_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "followed_up_at" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "follow_up_notes" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "paused_since" varchar(24)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "pause_reason" varchar(12)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "visits" integer NOT NULL DEFAULT (0)`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "reopen_count" integer NOT NULL DEFAULT (0)`);
    await q.query(`CREATE TABLE "ticket_pauses" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "from_at" varchar(24) NOT NULL, "to_at" varchar(24), "reason" varchar(12) NOT NULL, CONSTRAINT "FK_dfc523542df80dae33aa0d1476c" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "attachments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer, "kind" varchar(12) NOT NULL, "file_name" varchar(200) NOT NULL, "stored_path" varchar(300) NOT NULL, "mime" varchar(60) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "created_at" varchar(24) NOT NULL, "created_by" integer, CONSTRAINT "FK_73d871f247ffebda5dc3f0df8a4" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_tickets_follow_up_due" ON "tickets" ("follow_up_due_at")`);
    await q.query(`CREATE INDEX "ix_ticket_pauses_ticket" ON "ticket_pauses" ("ticket_id")`);
    await q.query(`CREATE INDEX "ix_attachments_ticket" ON "attachments" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "attachments"');
    await q.query('DROP TABLE "ticket_pauses"');
    await q.query('DROP INDEX "ix_tickets_follow_up_due"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "reopen_count"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "visits"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "pause_reason"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "paused_since"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "follow_up_notes"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "followed_up_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "follow_up_due_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "acceptance_signature_id"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "acceptance_comments"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "satisfaction"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "function_test"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "resolved_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "responded_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "contacted_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "contact_due_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "dispatched_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "consent_signature_id"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "consent_channel"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "consent_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "approved_at"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "approved_by"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "needs_approval"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "estimate_fen"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "touches_core_parts"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "parts_needed"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "repair_plan"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "root_cause"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "diagnosis"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "eta"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "service_mode"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "remote_guidance"');
  }
}
