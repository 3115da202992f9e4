/**
 * No double tickets and the customer's history at a glance (issue 22):
 * - tickets.duplicate_reason: why the clerk registered a new ticket although the phone, serial or device
 *   already had an open one (or one closed in the last 30 days); empty when there was none.
 * - customers.key_account_note: what the key-account flag (重点客户) is about, set with it by a supervisor.
 * Both are ADD COLUMN with a constant default: SQLite changes the schema only, whatever the number of rows.
 * The related-ticket lookup and the history read the existing indexes (ix_tickets_phone, ix_tickets_serial,
 * ix_tickets_device, ix_tickets_device_reported, ix_tickets_customer, ix_bills_customer, ix_returned_devices_customer).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RelatedTickets1764980000000 implements MigrationInterface {
  name = 'RelatedTickets1764980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tickets" ADD COLUMN "duplicate_reason" varchar(500) NOT NULL DEFAULT ('')`);
    await q.query(`ALTER TABLE "customers" ADD COLUMN "key_account_note" varchar(200) NOT NULL DEFAULT ('')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "customers" DROP COLUMN "key_account_note"');
    await q.query('ALTER TABLE "tickets" DROP COLUMN "duplicate_reason"');
  }
}
