/**
 * What happens to the tickets after they are registered: spare parts used (catalogue, ticket parts, stock
 * movements), labour time of the resolved ones, fees (fee standards, bills, payments) and returned devices (the depot register). Reads the
 * generated tickets back page by page and writes in one transaction per page; stock and the register are
 * written at the end, in time order (stock levels and slip numbers follow the clock).
 */
import type Database from 'better-sqlite3';
import type { ProblemType, TicketStatus } from '../../shared/domain/ticket';
import type { WarrantyStatus } from '../../shared/domain/warranty';
import type { Rng } from './prng';
import type { People } from './generate-people';
import { END, type CatalogueModel, type ServiceMode, type Staff, type TicketFacts } from './generate-facts';
import { billFor, FeeWriter, insertStandards } from './generate-fees';
import { insertCatalogue, insertStock, partsFor, type Usage } from './generate-parts';
import { insertReturns, returnFor, type ReturnDraft } from './generate-returns';
import { LabourWriter } from './generate-labour';
import { PRODUCT_LINES } from './vocab';

interface TicketRow {
  id: number;
  status: TicketStatus;
  /** Milliseconds, as stored (db/instants.ts). */
  reported_at: number;
  resolved_at: number | null;
  warranty_status: WarrantyStatus;
  customer_id: number;
  model_id: number | null;
  device_id: number | null;
  serial: string | null;
  assigned_to: number | null;
  received_by: number;
  service_mode: ServiceMode | null;
  problem_type: ProblemType;
  contact_name: string;
  fault_description: string;
}

const PAGE = 20_000;

export function insertService(db: Database.Database, rng: Rng, people: People, dataDir: string, log: (m: string) => void): void {
  const lineOf = new Map(PRODUCT_LINES.map((p, i) => [p.line, i]));
  const models = (db.prepare('SELECT id, code, product_line FROM product_models ORDER BY id').all() as { id: number; code: string; product_line: string }[]).map(
    (m): CatalogueModel => ({ id: m.id, code: m.code, line: lineOf.get(m.product_line)! }),
  );
  const modelLine = new Map(models.map((m) => [m.id, m.line]));
  const supervisor = (db.prepare("SELECT id FROM users WHERE role = 'supervisor' ORDER BY id LIMIT 1").get() as { id: number } | undefined)?.id ?? 1;
  const staff: Staff = { clerks: people.clerks, engineers: people.engineers, supervisor };

  const catalogue = insertCatalogue(db, rng, models, staff);
  const standards = insertStandards(db, catalogue, models);
  log(`${catalogue.parts.length} spare parts, ${standards.length} fee standards`);

  const fees = new FeeWriter(db, staff);
  const labour = new LabourWriter(db);
  const usages: Usage[] = [];
  const returns: ReturnDraft[] = [];
  const page = db.prepare(`SELECT id, status, reported_at, resolved_at, warranty_status, customer_id, model_id, device_id, serial, assigned_to, received_by,
      service_mode, problem_type, contact_name, fault_description FROM tickets WHERE id > ? ORDER BY id LIMIT ?`);
  let last = 0;
  for (;;) {
    const rows = page.all(last, PAGE) as TicketRow[];
    if (rows.length === 0) break;
    last = rows[rows.length - 1]!.id;
    db.transaction(() => {
      for (const r of rows) {
        // A few recent tickets were resolved after the bench's today: their parts and bills have not happened yet.
        const resolved = r.resolved_at;
        const t: TicketFacts = {
          id: r.id, status: r.status, reportedAt: r.reported_at, resolvedAt: resolved !== null && resolved <= END ? resolved : null,
          warranty: r.warranty_status, customerId: r.customer_id, modelId: r.model_id, line: r.model_id === null ? null : modelLine.get(r.model_id)!,
          deviceId: r.device_id, serial: r.serial, engineer: r.assigned_to, clerk: r.received_by, mode: r.service_mode, problemType: r.problem_type,
          contactName: r.contact_name, faultDescription: r.fault_description,
        };
        const used = partsFor(rng, t, catalogue, staff);
        usages.push(...used);
        const bill = billFor(rng, t, used, standards);
        if (bill) fees.write(rng, t, bill);
        labour.write(t);
        const ret = returnFor(rng, t, staff);
        if (ret) returns.push(ret);
      }
    })();
  }
  log(`fees: ${fees.bills} bills, ${fees.payments} payments; labour: ${labour.visits} visits`);
  const moves = insertStock(db, rng, catalogue, usages, staff);
  log(`parts: ${usages.length} ticket parts, ${moves} stock movements`);
  insertReturns(db, returns, dataDir);
  log(`${returns.length} returned devices`);
}
