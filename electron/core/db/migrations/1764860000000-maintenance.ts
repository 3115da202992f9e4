/** Preventive maintenance plans and their visits; one visit (and ticket) per plan and due date. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Maintenance1764860000000 implements MigrationInterface {
  name = 'Maintenance1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "maintenance_plans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(80) NOT NULL, "customer_id" integer NOT NULL, "project" varchar(80) NOT NULL DEFAULT (''), "device_id" integer, "unit" varchar(8) NOT NULL, "every" integer NOT NULL DEFAULT (1), "start_date" varchar(10) NOT NULL, "fixed_dates" text NOT NULL DEFAULT ('[]'), "next_due" varchar(10), "lead_days" integer NOT NULL DEFAULT (0), "engineer_id" integer, "checklist" text NOT NULL DEFAULT ('[]'), "active" boolean NOT NULL DEFAULT (1), "notes" text NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_662bc437f9af3d6a70494a14d2b" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d9ee63ea4d12626318ec97a6d53" FOREIGN KEY ("device_id") REFERENCES "devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8af600567d558e5f8ed5635f3a6" FOREIGN KEY ("engineer_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_maintenance_plans_due" ON "maintenance_plans" ("active", "next_due")`);
    await q.query(`CREATE INDEX "ix_maintenance_plans_customer" ON "maintenance_plans" ("customer_id")`);
    await q.query(`CREATE TABLE "maintenance_visits" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "due_date" varchar(10) NOT NULL, "ticket_id" integer NOT NULL, "checklist" text NOT NULL DEFAULT ('[]'), "results" text NOT NULL DEFAULT ('[]'), "results_at" varchar(24), "results_by" integer, "generated_at" varchar(24) NOT NULL, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_01482881cd669cac5987ff44486" FOREIGN KEY ("plan_id") REFERENCES "maintenance_plans" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5f8116136d765e277fbb3770c8f" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_53f88aed849342e578d82fab8aa" FOREIGN KEY ("results_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE UNIQUE INDEX "ux_maintenance_visits_plan_due" ON "maintenance_visits" ("plan_id", "due_date")`);
    await q.query(`CREATE UNIQUE INDEX "ux_maintenance_visits_ticket" ON "maintenance_visits" ("ticket_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "maintenance_visits"');
    await q.query('DROP TABLE "maintenance_plans"');
  }
}
