/**
 * A 三包 return records its refund (issue 19's leftovers): the price on the invoice when known, the money given back
 * and how (cash, transfer, back the way it was paid). ADD COLUMN on sanbao_cases, a table of a few rows per month:
 * nothing on the million-ticket paths reads or rewrites it. The index on new_device_id serves the device page's link.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SanbaoRefund1765060000000 implements MigrationInterface {
  name = 'SanbaoRefund1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "sanbao_cases" ADD COLUMN "price_paid_fen" integer');
    await q.query('ALTER TABLE "sanbao_cases" ADD COLUMN "refunded_fen" integer');
    await q.query('ALTER TABLE "sanbao_cases" ADD COLUMN "refund_method" varchar(10)');
    // The device page's "换自" link finds the case that gave a unit (its "换货为" uses the unique old_device_id).
    await q.query('CREATE INDEX "ix_sanbao_cases_new_device" ON "sanbao_cases" ("new_device_id")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "ix_sanbao_cases_new_device"');
    await q.query('ALTER TABLE "sanbao_cases" DROP COLUMN "refund_method"');
    await q.query('ALTER TABLE "sanbao_cases" DROP COLUMN "refunded_fen"');
    await q.query('ALTER TABLE "sanbao_cases" DROP COLUMN "price_paid_fen"');
  }
}
