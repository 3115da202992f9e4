/**
 * The manufacturer's loop (issue 19): loaners and their loans, defective stock (旧件 / 不良品库) and returns to
 * the factory (返厂单). New, empty tables: nothing here reads or rewrites tickets, so it costs nothing at a million.
 * Loans are read by ticket (the close check) and by return date (what is out); defective stock by what is on hand,
 * and by month of receipt for the quality report.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Factory1765020000000 implements MigrationInterface {
  name = 'Factory1765020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "loaners" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "serial" varchar(64) NOT NULL, "model_id" integer, "condition" varchar(12) NOT NULL, "state" varchar(12) NOT NULL, "note" varchar(200) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_39960950f00f711cf69a0ca9c65" UNIQUE ("serial"), CONSTRAINT "FK_c642477cd279426a5fddbfcc368" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_loaners_state" ON "loaners" ("state", "serial")`);
    await q.query(`CREATE TABLE "loans" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(40) NOT NULL, "loaner_id" integer NOT NULL, "ticket_id" integer NOT NULL, "deposit_fen" integer NOT NULL, "lent_at" varchar(24) NOT NULL, "due_on" varchar(10) NOT NULL, "returned_at" varchar(24), "return_condition" varchar(12), "refund_fen" integer, "kept_reason" varchar(200) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_fb5fa1c0aa9c3190790ee2e72e9" UNIQUE ("number"), CONSTRAINT "FK_5a1965e83346073890b14396b96" FOREIGN KEY ("loaner_id") REFERENCES "loaners" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_80c607d8e813ef4b9f2170c2155" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_loans_ticket" ON "loans" ("ticket_id", "returned_at")`);
    await q.query(`CREATE INDEX "ix_loans_out" ON "loans" ("returned_at", "due_on")`);
    await q.query(`CREATE TABLE "defective_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(8) NOT NULL, "origin" varchar(12) NOT NULL, "part_id" integer, "ticket_part_id" integer, "name" varchar(80) NOT NULL, "serial" varchar(64) NOT NULL DEFAULT (''), "ticket_id" integer, "model_id" integer, "batch" varchar(64) NOT NULL DEFAULT (''), "fault_code" varchar(200) NOT NULL DEFAULT (''), "quantity" integer NOT NULL, "on_hand" integer NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_2eb808ed2f0b8aea0e43ba62a93" FOREIGN KEY ("part_id") REFERENCES "parts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_12c05559f1b2dfa6f4234f38456" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f2000c0c71db0e7bf2fd90da9b4" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_defective_on_hand" ON "defective_items" ("on_hand", "id")`);
    await q.query(`CREATE INDEX "ix_defective_ticket" ON "defective_items" ("ticket_id")`);
    await q.query(`CREATE INDEX "ix_defective_created" ON "defective_items" ("created_at", "origin")`);
    await q.query(`CREATE TABLE "factory_returns" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(40) NOT NULL, "supplier" varchar(80) NOT NULL, "state" varchar(12) NOT NULL, "note" varchar(500) NOT NULL DEFAULT (''), "reject_reason" varchar(500) NOT NULL DEFAULT (''), "sent_at" varchar(24), "received_at" varchar(24), "closed_at" varchar(24), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_9af771ad5523db5ece1eaf27fbd" UNIQUE ("number"))`);
    await q.query(`CREATE INDEX "ix_factory_returns_state" ON "factory_returns" ("state", "supplier")`);
    await q.query(`CREATE TABLE "factory_return_lines" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "return_id" integer NOT NULL, "defective_id" integer NOT NULL, "quantity" integer NOT NULL, "credit_fen" integer, CONSTRAINT "FK_3e503537d8619655b72b8c2b94f" FOREIGN KEY ("return_id") REFERENCES "factory_returns" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_b56730234e753bcb862301164da" FOREIGN KEY ("defective_id") REFERENCES "defective_items" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_factory_return_lines_return" ON "factory_return_lines" ("return_id")`);
    await q.query(`CREATE INDEX "ix_factory_return_lines_defective" ON "factory_return_lines" ("defective_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['factory_return_lines', 'factory_returns', 'defective_items', 'loans', 'loaners']) await q.query(`DROP TABLE "${table}"`);
  }
}
