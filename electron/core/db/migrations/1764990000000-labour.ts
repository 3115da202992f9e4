/**
 * The labour log (工时登记, issue 22): one row per visit of an engineer on a ticket, with its day, start and
 * finish (or only minutes). A new, empty table: nothing here reads tickets, so it costs nothing at a million.
 * The statistics read it by day (covering index) and by ticket (the ticket page, average hours per repair).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Labour1764990000000 implements MigrationInterface {
  name = 'Labour1764990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "ticket_labour" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "engineer_id" integer NOT NULL, "worked_on" varchar(10) NOT NULL, "started_at" varchar(24), "finished_at" varchar(24), "minutes" integer NOT NULL, "note" varchar(200) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_31f4ddac3d0db8b101f82434bed" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_033bbc1a3b5d591742035175601" FOREIGN KEY ("engineer_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_ticket_labour_ticket" ON "ticket_labour" ("ticket_id", "minutes")`);
    await q.query(`CREATE INDEX "ix_ticket_labour_day" ON "ticket_labour" ("worked_on", "engineer_id", "ticket_id", "minutes")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "ticket_labour"');
  }
}
