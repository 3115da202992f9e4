/**
 * Official holidays with the app (issue 22): the years of the State Council's arrangement the admin has
 * accepted, with the days as accepted, so an app update that brings changed days for a year does not
 * apply until the admin confirms it. A few rows a year: nothing here grows with tickets.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OfficialHolidays1764970000000 implements MigrationInterface {
  name = 'OfficialHolidays1764970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "official_holidays" ("year" integer PRIMARY KEY NOT NULL, "digest" varchar(16) NOT NULL, "days" text NOT NULL, "source" varchar(60) NOT NULL,
        "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "official_holidays"');
  }
}
