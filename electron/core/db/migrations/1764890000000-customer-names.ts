/**
 * Customers' names by id, in an index of their own: the monthly workbook looks up the customer of each
 * of a month's tickets (100,000 in a busy month), and this 6.5 MB index (300,000 customers) stays in the
 * page cache where the 47 MB table did not (tickets-sheet-worker.ts reads it INDEXED BY).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CustomerNames1764890000000 implements MigrationInterface {
  name = 'CustomerNames1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_customers_id_name" ON "customers" ("id", "name")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_customers_id_name"`);
  }
}
