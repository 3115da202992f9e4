/**
 * The customer's consent recorded on a bill (issue 16, seed 001: no money before written consent): a bill made
 * without an accepted quote carries its own consent (when, how, signature, note). Bills from before keep
 * NULL: those made from an accepted quote stand on it; the others wait for consent before any payment.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BillConsent1764900000000 implements MigrationInterface {
  name = 'BillConsent1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bills" ADD COLUMN "consent_at" varchar(24)`);
    await q.query(`ALTER TABLE "bills" ADD COLUMN "consent_channel" varchar(12)`);
    await q.query(`ALTER TABLE "bills" ADD COLUMN "consent_signature_id" integer`);
    await q.query(`ALTER TABLE "bills" ADD COLUMN "consent_note" varchar(500) NOT NULL DEFAULT ('')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['consent_note', 'consent_signature_id', 'consent_channel', 'consent_at']) await q.query(`ALTER TABLE "bills" DROP COLUMN "${column}"`);
  }
}
