/**
 * Part prices in one place (issue 21): the parts catalogue (备件库存) is the one source of a part's price, name and
 * 易损件 flag; fee standards no longer hold parts. Nothing is lost: a part found in a stored standard but missing
 * from the catalogue is added to it with the price and flag of the latest standard that lists it, no stock, and
 * the standard's publisher and time as its creation (with an audit entry). Stored standards stay as they were
 * (immutable history; their part lists are no longer read); a part already in the catalogue keeps its own price.
 * Reads the few fee standards only: nothing here grows with tickets.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface StoredPart {
  partNo?: unknown;
  name?: unknown;
  priceFen?: unknown;
  consumable?: unknown;
}

interface Found {
  partNo: string;
  name: string;
  priceFen: number;
  consumable: boolean;
  at: string;
  by: number | null;
}

/** Part numbers are kept upper-case in the catalogue; a stored row that is not a usable part is skipped. */
function usable(p: StoredPart, at: string, by: number | null): Found | null {
  if (typeof p.partNo !== 'string' || typeof p.name !== 'string' || typeof p.priceFen !== 'number') return null;
  const partNo = p.partNo.trim().toUpperCase();
  const name = p.name.trim();
  if (partNo === '' || partNo.length > 40 || name === '' || !Number.isSafeInteger(p.priceFen) || p.priceFen < 0) return null;
  return { partNo, name: name.slice(0, 80), priceFen: p.priceFen, consumable: p.consumable === true, at, by };
}

export class PartPrices1764945000000 implements MigrationInterface {
  name = 'PartPrices1764945000000';

  async up(q: QueryRunner): Promise<void> {
    const standards = (await q.query('SELECT rules, created_at, created_by FROM fee_standards ORDER BY effective_from, id')) as { rules: string; created_at: string; created_by: number | null }[];
    // Oldest first: a later version's price and flag replace an earlier one's.
    const found = new Map<string, Found>();
    for (const s of standards) {
      const parts = (JSON.parse(s.rules) as { parts?: unknown }).parts;
      if (!Array.isArray(parts)) continue;
      for (const p of parts as StoredPart[]) {
        const part = usable(p, s.created_at, s.created_by);
        if (part) found.set(part.partNo, part);
      }
    }
    for (const p of found.values()) {
      const [known] = (await q.query('SELECT id FROM parts WHERE part_no = ?', [p.partNo])) as { id: number }[];
      if (known) continue;
      await q.query(
        `INSERT INTO parts (part_no, name, models, price_fen, unit, consumable, serial_tracked, min_stock, location, active, on_hand, created_at, updated_at, created_by, updated_by, version)
         VALUES (?, ?, '[]', ?, 'pcs', ?, 0, 0, '', 1, 0, ?, ?, ?, ?, 1)`,
        [p.partNo, p.name, p.priceFen, p.consumable ? 1 : 0, p.at, p.at, p.by, p.by],
      );
      const [row] = (await q.query('SELECT id FROM parts WHERE part_no = ?', [p.partNo])) as { id: number }[];
      await q.query(`INSERT INTO audit_log (at, actor_id, entity, entity_id, action, changes) VALUES (?, ?, 'parts', ?, 'create', '{}')`, [p.at, p.by, row!.id]);
    }
  }

  /** The parts added stay: by now they may carry stock, movements and tickets. */
  async down(): Promise<void> {}
}
