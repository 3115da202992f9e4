/** The returned-device register (返修登记表), its timeline, and slip print counts. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReturnedDevices1764500000000 implements MigrationInterface {
  name = 'ReturnedDevices1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "returned_devices" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "number" varchar(40) NOT NULL, "state" varchar(16) NOT NULL, "ticket_id" integer NOT NULL, "customer_id" integer NOT NULL, "model_id" integer NOT NULL, "device_id" integer, "serial" varchar(64) NOT NULL, "condition" text NOT NULL DEFAULT ('[]'), "condition_notes" text NOT NULL DEFAULT (''), "accessories" text NOT NULL DEFAULT ('[]'), "fault_stated" text NOT NULL, "photo_ids" text NOT NULL DEFAULT ('[]'), "received_by" integer NOT NULL, "received_at" varchar(24) NOT NULL, "expected_date" varchar(10), "picked_up_at" varchar(24), "picked_up_by" varchar(40), "pickup_delegate" boolean NOT NULL DEFAULT (0), "pickup_id_note" varchar(80) NOT NULL DEFAULT (''), "accessories_back" text NOT NULL DEFAULT ('[]'), "return_note" varchar(500) NOT NULL DEFAULT (''), "pickup_signature_id" integer, "closed_at" varchar(24), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_26e793535c21df2dbfcbef14217" UNIQUE ("number"), CONSTRAINT "FK_d21353e12842f5b10ed83f41af8" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0ab13066a2a5d0f2ce0245e978a" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_313966e033e76e1cda52d1f90ac" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_c13ac75a20b8c3627c5d003f38f" FOREIGN KEY ("device_id") REFERENCES "devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0a3225b54d1df0839d12fe269dc" FOREIGN KEY ("received_by") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a0ca5fc417fffe061b88d5b401a" FOREIGN KEY ("pickup_signature_id") REFERENCES "attachments" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "returned_device_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "returned_device_id" integer NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, "kind" varchar(30) NOT NULL, "from_status" varchar(16), "to_status" varchar(16), "note" text, "data" text, CONSTRAINT "FK_e07c7449712f8e9b2749ac8ec0d" FOREIGN KEY ("returned_device_id") REFERENCES "returned_devices" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f16fda3c9be8e60066b0183d879" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "slip_prints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "document" varchar(20) NOT NULL, "entity_id" integer NOT NULL, "paper" varchar(8) NOT NULL, "via" varchar(8) NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, CONSTRAINT "FK_040eb382d6a64bbd96b9c888fe4" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_returned_devices_received" ON "returned_devices" ("received_at", "id")`);
    await q.query(`CREATE INDEX "ix_returned_devices_state_received" ON "returned_devices" ("state", "received_at")`);
    await q.query(`CREATE INDEX "ix_returned_devices_customer" ON "returned_devices" ("customer_id", "received_at")`);
    await q.query(`CREATE INDEX "ix_returned_devices_model" ON "returned_devices" ("model_id", "received_at")`);
    await q.query(`CREATE INDEX "ix_returned_devices_serial" ON "returned_devices" ("serial")`);
    await q.query(`CREATE INDEX "ix_returned_devices_ticket" ON "returned_devices" ("ticket_id")`);
    await q.query(`CREATE INDEX "ix_returned_devices_expected" ON "returned_devices" ("expected_date")`);
    await q.query(`CREATE INDEX "ix_returned_device_events_record" ON "returned_device_events" ("returned_device_id", "id")`);
    await q.query(`CREATE INDEX "ix_slip_prints_document" ON "slip_prints" ("document", "entity_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "slip_prints"');
    await q.query('DROP TABLE "returned_device_events"');
    await q.query('DROP TABLE "returned_devices"');
  }
}
