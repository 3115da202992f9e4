/** The first schema: accounts, settings, customers, models, devices, tickets, timeline, audit, number sequences. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(32) NOT NULL, "display_name" varchar(40) NOT NULL, "role" varchar(16) NOT NULL, "password_hash" varchar(200) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "failed_logins" integer NOT NULL DEFAULT (0), "locked_until" varchar(24), "product_lines" text NOT NULL DEFAULT ('[]'), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await q.query(`CREATE TABLE "settings" ("id" integer PRIMARY KEY NOT NULL, "data" text NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1))`);
    await q.query(`CREATE TABLE "customers" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" varchar(12) NOT NULL, "name" varchar(80) NOT NULL, "salutation" varchar(4) NOT NULL DEFAULT (''), "contact_person" varchar(40) NOT NULL DEFAULT (''), "phone" varchar(30) NOT NULL, "phone_norm" varchar(20) NOT NULL, "phone2" varchar(30) NOT NULL DEFAULT (''), "phone2_norm" varchar(20) NOT NULL DEFAULT (''), "address" varchar(200) NOT NULL DEFAULT (''), "email" varchar(120) NOT NULL DEFAULT (''), "key_account" boolean NOT NULL DEFAULT (0), "notes" text NOT NULL DEFAULT (''), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1))`);
    await q.query(`CREATE INDEX "ix_customers_phone_norm" ON "customers" ("phone_norm")`);
    await q.query(`CREATE INDEX "ix_customers_phone2_norm" ON "customers" ("phone2_norm")`);
    await q.query(`CREATE INDEX "ix_customers_name" ON "customers" ("name")`);
    await q.query(`CREATE TABLE "product_models" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(80) NOT NULL, "product_line" varchar(40) NOT NULL, "warranty_months" integer NOT NULL, "active" boolean NOT NULL DEFAULT (1), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_74e58b94be2e1733076fa1f9a5d" UNIQUE ("code"))`);
    await q.query(`CREATE TABLE "devices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "serial" varchar(64) NOT NULL, "model_id" integer NOT NULL, "customer_id" integer, "purchase_date" varchar(10), "purchase_channel" varchar(80) NOT NULL DEFAULT (''), "install_date" varchar(10), "warranty_end" varchar(10), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_f3a8ce1efac49c94b300d05eb18" UNIQUE ("serial"), CONSTRAINT "FK_9976b0a15b9a60e48466d2307b9" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_abf5045e1ff3c852a53611c726a" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_devices_customer" ON "devices" ("customer_id")`);
    await q.query(`CREATE INDEX "ix_devices_model" ON "devices" ("model_id")`);
    await q.query(`CREATE TABLE "tickets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(40) NOT NULL, "status" varchar(20) NOT NULL, "channel" varchar(12) NOT NULL, "reported_at" varchar(24) NOT NULL, "received_by" integer NOT NULL, "customer_id" integer NOT NULL, "contact_name" varchar(40) NOT NULL, "contact_phone" varchar(30) NOT NULL, "contact_phone_norm" varchar(20) NOT NULL, "model_id" integer, "device_id" integer, "serial" varchar(64), "urgency" varchar(12) NOT NULL, "problem_type" varchar(12) NOT NULL, "safety_risk" boolean NOT NULL DEFAULT (0), "warranty_status" varchar(8) NOT NULL, "fault_description" text NOT NULL, "fault_when" varchar(200) NOT NULL DEFAULT (''), "fault_frequency" varchar(12), "alarm_codes" varchar(200) NOT NULL DEFAULT (''), "abnormal_noise" varchar(200) NOT NULL DEFAULT (''), "environment" varchar(500) NOT NULL DEFAULT (''), "customer_tried" varchar(1000) NOT NULL DEFAULT (''), "reported_before" boolean NOT NULL DEFAULT (0), "response_due_at" varchar(24) NOT NULL, "resolve_due_at" varchar(24) NOT NULL, "level" integer NOT NULL DEFAULT (1), "assigned_to" integer, "closed_at" varchar(24), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_78e08cc1101fc17f77c6f11b4c7" UNIQUE ("number"), CONSTRAINT "FK_15a33b34e81ac50358a47da16a3" FOREIGN KEY ("received_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_42e4343476d9c4a46fb565a5c46" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_68c69cc7a018797c13691a00243" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_112181a27c0c7661aa1e49687b4" FOREIGN KEY ("device_id") REFERENCES "devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_47c3fba35bfcbb08e3445f57d6e" FOREIGN KEY ("assigned_to") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_tickets_reported" ON "tickets" ("reported_at", "id")`);
    await q.query(`CREATE INDEX "ix_tickets_status_reported" ON "tickets" ("status", "reported_at")`);
    await q.query(`CREATE INDEX "ix_tickets_phone" ON "tickets" ("contact_phone_norm")`);
    await q.query(`CREATE INDEX "ix_tickets_serial" ON "tickets" ("serial")`);
    await q.query(`CREATE INDEX "ix_tickets_customer" ON "tickets" ("customer_id")`);
    await q.query(`CREATE INDEX "ix_tickets_device" ON "tickets" ("device_id")`);
    await q.query(`CREATE INDEX "ix_tickets_assignee_status" ON "tickets" ("assigned_to", "status")`);
    await q.query(`CREATE INDEX "ix_tickets_resolve_due" ON "tickets" ("resolve_due_at")`);
    await q.query(`CREATE TABLE "ticket_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, "kind" varchar(30) NOT NULL, "from_status" varchar(20), "to_status" varchar(20), "note" text, "data" text, CONSTRAINT "FK_9cf43c4478294faa98129c47c21" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f13e732854401f6f00cdd045f23" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_ticket_events_ticket" ON "ticket_events" ("ticket_id", "id")`);
    await q.query(`CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer, "entity" varchar(30) NOT NULL, "entity_id" integer NOT NULL, "action" varchar(20) NOT NULL, "changes" text NOT NULL)`);
    await q.query(`CREATE INDEX "ix_audit_entity" ON "audit_log" ("entity", "entity_id")`);
    await q.query(`CREATE INDEX "ix_audit_at" ON "audit_log" ("at")`);
    await q.query(`CREATE INDEX "ix_audit_actor" ON "audit_log" ("actor_id", "at")`);
    await q.query(`CREATE TABLE "number_sequences" ("scope" varchar(60) PRIMARY KEY NOT NULL, "last" integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "number_sequences"');
    await q.query('DROP TABLE "audit_log"');
    await q.query('DROP TABLE "ticket_events"');
    await q.query('DROP TABLE "tickets"');
    await q.query('DROP TABLE "devices"');
    await q.query('DROP TABLE "product_models"');
    await q.query('DROP TABLE "customers"');
    await q.query('DROP TABLE "settings"');
    await q.query('DROP TABLE "users"');
  }
}
