/**
 * Host mode (issue 18): the host's settings row, the paired desks, the idempotency keys of retried writes,
 * and which desk made each change on the audit trail. New tables and two nullable columns added in place
 * (no rewrite of a million-ticket trail); the keys' index on `at` serves their 24-hour expiry.
 */
import { randomInt } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Lan1765030000000 implements MigrationInterface {
  name = 'Lan1765030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "host_settings" ("id" integer PRIMARY KEY NOT NULL, "lan_enabled" boolean NOT NULL DEFAULT (0), "idle_minutes" integer NOT NULL DEFAULT (720), "pairing_code" varchar(12) NOT NULL, "version" integer NOT NULL DEFAULT (1))`);
    // The row exists from here on: reading it at a start never writes (writes wait for the start's snapshot).
    await q.query('INSERT INTO "host_settings" ("id", "pairing_code") VALUES (1, ?)', [String(randomInt(0, 100_000_000)).padStart(8, '0')]);
    await q.query(`CREATE TABLE "lan_desks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(60) NOT NULL, "token_hash" varchar(64) NOT NULL, "paired_at" varchar(24) NOT NULL, "paired_address" varchar(64) NOT NULL, "last_seen_at" varchar(24), "last_address" varchar(64), "revoked_at" varchar(24), "revoked_by" integer)`);
    await q.query(`CREATE UNIQUE INDEX "ix_lan_desks_token" ON "lan_desks" ("token_hash")`);
    await q.query(`CREATE TABLE "idempotency_keys" ("user_id" integer NOT NULL, "key" varchar(64) NOT NULL, "method" varchar(60) NOT NULL, "result" text, "at" varchar(24) NOT NULL, PRIMARY KEY ("user_id", "key"))`);
    await q.query(`CREATE INDEX "ix_idempotency_keys_at" ON "idempotency_keys" ("at")`);
    await q.query('ALTER TABLE "ticket_events" ADD COLUMN "client" varchar(120)');
    await q.query('ALTER TABLE "audit_log" ADD COLUMN "client" varchar(120)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "audit_log" DROP COLUMN "client"');
    await q.query('ALTER TABLE "ticket_events" DROP COLUMN "client"');
    await q.query('DROP TABLE "idempotency_keys"');
    await q.query('DROP TABLE "lan_desks"');
    await q.query('DROP TABLE "host_settings"');
  }
}
