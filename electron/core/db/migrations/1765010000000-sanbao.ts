/**
 * 三包 exchanges and returns (issue 19): one row per ticket that ended in 换货 or 退货, naming the unit taken back and
 * the new unit. A new, empty table: nothing here reads or rewrites tickets, so it costs nothing at a million. The
 * unique constraints are the lookups it needs (a ticket's case, a device's taking back).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sanbao1765010000000 implements MigrationInterface {
  name = 'Sanbao1765010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sanbao_cases" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "old_device_id" integer NOT NULL, "new_device_id" integer, "rule" varchar(20) NOT NULL, "rule_params" text NOT NULL, "override_reason" varchar(500) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_1527c379dffc4bfb990beb1358a" UNIQUE ("ticket_id"), CONSTRAINT "UQ_e53e50264f27d5a13e925e264b2" UNIQUE ("old_device_id"), CONSTRAINT "FK_1527c379dffc4bfb990beb1358a" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e53e50264f27d5a13e925e264b2" FOREIGN KEY ("old_device_id") REFERENCES "devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f5942c451a2daafd732a084a76f" FOREIGN KEY ("new_device_id") REFERENCES "devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "sanbao_cases"');
  }
}
