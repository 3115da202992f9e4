/** Spare parts: catalogue, stock movements, and the catalogue link of parts used on a ticket. */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Parts1764850000000 implements MigrationInterface {
  name = 'Parts1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "parts" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "part_no" varchar(40) NOT NULL, "name" varchar(80) NOT NULL, "models" text NOT NULL DEFAULT ('[]'), "price_fen" integer NOT NULL DEFAULT (0), "consumable" boolean NOT NULL DEFAULT (0), "serial_tracked" boolean NOT NULL DEFAULT (0), "min_stock" integer NOT NULL DEFAULT (0), "location" varchar(60) NOT NULL DEFAULT (''), "active" boolean NOT NULL DEFAULT (1), "on_hand" integer NOT NULL DEFAULT (0), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "UQ_4e44f57772bbd422f38a959ff0f" UNIQUE ("part_no"))`);
    await q.query(`CREATE INDEX "ix_parts_name" ON "parts" ("name")`);
    await q.query(`CREATE TABLE "stock_movements" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "part_id" integer NOT NULL, "kind" varchar(10) NOT NULL, "quantity" integer NOT NULL, "delta" integer NOT NULL, "on_hand_after" integer NOT NULL, "serial" varchar(64) NOT NULL DEFAULT (''), "ticket_id" integer, "ticket_part_id" integer, "reason" varchar(500) NOT NULL DEFAULT (''), "override" boolean NOT NULL DEFAULT (0), "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, CONSTRAINT "FK_f97a2ef8af9e019a28dba407c98" FOREIGN KEY ("part_id") REFERENCES "parts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_c3816d437ba3013877bd6336ece" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_e3823d9f2573ed804d1f11dfd36" FOREIGN KEY ("ticket_part_id") REFERENCES "ticket_parts" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5be8e5807de2754a8a29904b2c7" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_stock_movements_part" ON "stock_movements" ("part_id", "id")`);
    await q.query(`CREATE INDEX "ix_stock_movements_serial" ON "stock_movements" ("part_id", "serial")`);
    await q.query(`CREATE INDEX "ix_stock_movements_ticket" ON "stock_movements" ("ticket_id")`);
    await q.query(`CREATE INDEX "ix_stock_movements_at" ON "stock_movements" ("at")`);
    await q.query(`ALTER TABLE "ticket_parts" ADD COLUMN "part_id" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "ticket_parts" DROP COLUMN "part_id"');
    await q.query('DROP TABLE "stock_movements"');
    await q.query('DROP TABLE "parts"');
  }
}
