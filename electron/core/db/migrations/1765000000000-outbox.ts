/**
 * Messages to customers and the team (issue 20): the outbox (one row per message, its idempotency key unique),
 * the messaging settings and templates, sealed credentials and customers' opt-outs. New, empty tables: nothing
 * here reads tickets, so it costs nothing at a million; the sender reads the outbox by (state, next attempt).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outbox1765000000000 implements MigrationInterface {
  name = 'Outbox1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "channel" varchar(8) NOT NULL, "event" varchar(20) NOT NULL, "recipient" varchar(120) NOT NULL, "subject" varchar(200) NOT NULL DEFAULT (''), "body" text NOT NULL, "state" varchar(12) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "next_attempt_at" varchar(24), "last_error" varchar(500) NOT NULL DEFAULT (''), "ticket_id" integer, "customer_id" integer, "idem_key" varchar(120) NOT NULL, "created_at" varchar(24) NOT NULL, "created_by" integer, "updated_at" varchar(24) NOT NULL, "sent_at" varchar(24), CONSTRAINT "UQ_8cfc9c80b192666ab01fbfb221c" UNIQUE ("idem_key"), CONSTRAINT "FK_ef7b539d8b4580adc5acec6a179" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_c24ce4176b8df97b827301fc7d8" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_outbox_due" ON "outbox" ("state", "next_attempt_at")`);
    await q.query(`CREATE INDEX "ix_outbox_sent" ON "outbox" ("state", "sent_at")`);
    await q.query(`CREATE INDEX "ix_outbox_ticket" ON "outbox" ("ticket_id")`);
    await q.query(`CREATE TABLE "messaging_settings" ("id" integer PRIMARY KEY NOT NULL, "data" text NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1))`);
    await q.query(`CREATE TABLE "secrets" ("name" varchar(40) PRIMARY KEY NOT NULL, "sealed" text NOT NULL, "updated_at" varchar(24) NOT NULL)`);
    await q.query(`CREATE TABLE "message_opt_outs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "customer_id" integer NOT NULL, "channel" varchar(8) NOT NULL, "opted_out" boolean NOT NULL, "at" varchar(24) NOT NULL, "by_id" integer, CONSTRAINT "FK_4738795fe66b95fbf5feb2e5a77" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_cd0f6157c52357b2206de0ac4a6" FOREIGN KEY ("by_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_message_opt_outs_customer" ON "message_opt_outs" ("customer_id", "channel", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['message_opt_outs', 'secrets', 'messaging_settings', 'outbox']) await q.query(`DROP TABLE "${table}"`);
  }
}
