/**
 * The rest of messages (issue 20): an SMS's template variables on its outbox row, the overdue tickets already
 * announced (one row per ticket and due time: never announced twice), and the "sent" facts of pruned messages
 * that the ticket's timeline keeps. A column added in place and two small tables: nothing at a million tickets.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Messaging21765040000000 implements MigrationInterface {
  name = 'Messaging21765040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox" ADD COLUMN "params" text NOT NULL DEFAULT ('')`);
    await q.query(`CREATE TABLE "overdue_alerts" ("ticket_id" integer NOT NULL, "due_at" varchar(24) NOT NULL, "at" varchar(24) NOT NULL, PRIMARY KEY ("ticket_id", "due_at"))`);
    await q.query(`CREATE TABLE "sent_messages" ("id" integer PRIMARY KEY NOT NULL, "ticket_id" integer NOT NULL, "channel" varchar(8) NOT NULL, "event" varchar(20) NOT NULL, "recipient" varchar(120) NOT NULL, "created_at" varchar(24) NOT NULL, "sent_at" varchar(24) NOT NULL)`);
    await q.query(`CREATE INDEX "ix_sent_messages_ticket" ON "sent_messages" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "sent_messages"');
    await q.query('DROP TABLE "overdue_alerts"');
    await q.query('ALTER TABLE "outbox" DROP COLUMN "params"');
  }
}
