/**
 * The unit a spare part is counted in (issue 21: 0.8 kg of refrigerant was saved as 1). Parts and the parts
 * used on a ticket carry it; existing rows are pieces. Quantities (ticket_parts.quantity, stock_movements
 * quantity/delta/on_hand_after, parts.on_hand) now hold the unit's decimals: SQLite keeps 0.8 as REAL in
 * these INTEGER-affinity columns and whole numbers as before, so no table is rebuilt and no index changes.
 * The core rounds every stored quantity to hundredths (shared/domain/parts `roundQuantity`); a PostgreSQL
 * schema declares these columns numeric(12,2).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartUnits1764910000000 implements MigrationInterface {
  name = 'PartUnits1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "parts" ADD COLUMN "unit" varchar(8) NOT NULL DEFAULT ('pcs')`);
    await q.query(`ALTER TABLE "ticket_parts" ADD COLUMN "unit" varchar(8) NOT NULL DEFAULT ('pcs')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "ticket_parts" DROP COLUMN "unit"');
    await q.query('ALTER TABLE "parts" DROP COLUMN "unit"');
  }
}
