/** Fees: fee standard versions (收费标准), quotes (报价单) with consent, bills, payments. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Fees1764400000000 implements MigrationInterface {
  name = 'Fees1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "fee_standards" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "effective_from" varchar(10) NOT NULL, "note" varchar(200) NOT NULL DEFAULT (''), "rules" text NOT NULL, "created_at" varchar(24) NOT NULL, "created_by" integer)`);
    await q.query(`CREATE TABLE "quotes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "revision" integer NOT NULL, "status" varchar(12) NOT NULL, "service_date" varchar(10) NOT NULL, "standard_id" integer NOT NULL, "warranty_status" varchar(8) NOT NULL, "repeat_repair" boolean NOT NULL DEFAULT (0), "previous_repair_date" varchar(10), "input" text NOT NULL, "calc" text NOT NULL, "total_fen" integer NOT NULL, "note" varchar(500) NOT NULL DEFAULT (''), "consent_at" varchar(24), "consent_channel" varchar(12), "consent_signature_id" integer, "consent_note" varchar(500) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_dd42613a6713cec8999ad3635b6" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a4a89d8fdbb7031227155d7f887" FOREIGN KEY ("standard_id") REFERENCES "fee_standards" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "bills" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "customer_id" integer NOT NULL, "quote_id" integer, "billed_on" varchar(10) NOT NULL, "standard_id" integer NOT NULL, "warranty_status" varchar(8) NOT NULL, "repeat_repair" boolean NOT NULL DEFAULT (0), "previous_repair_date" varchar(10), "input" text NOT NULL, "calc" text NOT NULL, "total_fen" integer NOT NULL, "note" varchar(500) NOT NULL DEFAULT (''), "quote_total_fen" integer, "discount_needs_approval" boolean NOT NULL DEFAULT (0), "discount_approved_at" varchar(24), "discount_approved_by" integer, "paid_fen" integer NOT NULL DEFAULT (0), "balance_fen" integer NOT NULL, "ack_at" varchar(24), "ack_signature_id" integer, "ack_promised_date" varchar(10), "ack_note" varchar(500) NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_b3de232203597eba1f1d3f0ffa0" UNIQUE ("ticket_id"), CONSTRAINT "FK_b3de232203597eba1f1d3f0ffa0" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fc82eff6557abfff698e671b77f" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_ef716b5e1f43da4a4266fd90674" FOREIGN KEY ("quote_id") REFERENCES "quotes" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_fd9ec4788fcd21a957adccac0bb" FOREIGN KEY ("standard_id") REFERENCES "fee_standards" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "payments" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "bill_id" integer NOT NULL, "method" varchar(16) NOT NULL, "amount_fen" integer NOT NULL, "paid_at" varchar(24) NOT NULL, "receipt_no" varchar(40) NOT NULL DEFAULT (''), "taken_by" integer NOT NULL, "created_at" varchar(24) NOT NULL, CONSTRAINT "FK_66f88f551e1a401fd8f84eb8bc5" FOREIGN KEY ("bill_id") REFERENCES "bills" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e4611eaec41944c6ac1e46f1b09" FOREIGN KEY ("taken_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_fee_standards_effective" ON "fee_standards" ("effective_from", "id")`);
    await q.query(`CREATE INDEX "ix_quotes_ticket" ON "quotes" ("ticket_id", "revision")`);
    await q.query(`CREATE INDEX "ix_bills_balance" ON "bills" ("balance_fen")`);
    await q.query(`CREATE INDEX "ix_bills_customer" ON "bills" ("customer_id")`);
    await q.query(`CREATE INDEX "ix_payments_bill" ON "payments" ("bill_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "payments"');
    await q.query('DROP TABLE "bills"');
    await q.query('DROP TABLE "quotes"');
    await q.query('DROP TABLE "fee_standards"');
  }
}
