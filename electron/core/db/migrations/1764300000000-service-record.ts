/** The service record (steps, problems met, parts used) and the engineer schedule (工作安排表). */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceRecord1764300000000 implements MigrationInterface {
  name = 'ServiceRecord1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "service_steps" text NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "service_problems" text NOT NULL DEFAULT ('')`);
    await q.query(`CREATE TABLE "ticket_parts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "part_name" varchar(80) NOT NULL, "part_model" varchar(60) NOT NULL DEFAULT (''), "quantity" integer NOT NULL, "serial" varchar(64) NOT NULL DEFAULT (''), "old_part_recovered" boolean NOT NULL DEFAULT (0), "created_at" varchar(24) NOT NULL, "created_by" integer, CONSTRAINT "FK_56bb1d67213d45889c2b2535b83" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "bookings" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "engineer_id" integer NOT NULL, "ticket_id" integer, "starts_at" varchar(24) NOT NULL, "ends_at" varchar(24) NOT NULL, "place" varchar(200) NOT NULL DEFAULT (''), "note" varchar(500) NOT NULL DEFAULT (''), "cancelled" boolean NOT NULL DEFAULT (0), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_04523ec8d4972d9832a01630577" FOREIGN KEY ("engineer_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_028343a1767697bd6ae7d4d2a61" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_ticket_parts_ticket" ON "ticket_parts" ("ticket_id")`);
    await q.query(`CREATE INDEX "ix_bookings_engineer_start" ON "bookings" ("engineer_id", "starts_at")`);
    await q.query(`CREATE INDEX "ix_bookings_start" ON "bookings" ("starts_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "bookings"');
    await q.query('DROP TABLE "ticket_parts"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "service_problems"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "service_steps"');
  }
}
