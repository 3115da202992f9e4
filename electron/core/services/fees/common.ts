/**
 * What quotes and bills share: the standard in effect, the catalogue's part prices, the ticket's warranty decision,
 * the authoritative calculation.
 */
import { calculateFees, decideWarranty, type FeeArgs, type FeeCalc, type FeeRules, type LineInput, type PartPrice, type WarrantyDecision } from '../../../../shared/domain/fees';
import type { WarrantyStatus } from '../../../../shared/domain/warranty';
import { localDate } from '../../../../shared/domain/time';
import { AppError, notFound } from '../../errors';
import type { FieldProblem } from '../../../../shared/api/validation';
import { warrantyOf } from '../devices.service';
import { bool } from '../sql';

export interface Reader {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface StandardRow {
  id: number;
  effective_from: string;
  note: string;
  rules: string;
  created_at: string;
}

/** The version in effect on a date: the latest effective date on or before it, the latest published on a tie. */
export async function standardAt(q: Reader, date: string): Promise<StandardRow | undefined> {
  const [row] = await q.query<StandardRow>(
    'SELECT id, effective_from, note, rules, created_at FROM fee_standards WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1',
    [date],
  );
  return row;
}

export async function standardById(q: Reader, id: number): Promise<StandardRow> {
  const [row] = await q.query<StandardRow>('SELECT id, effective_from, note, rules, created_at FROM fee_standards WHERE id = ?', [id]);
  if (!row) throw notFound();
  return row;
}

export async function currentStandard(q: Reader, date: string): Promise<StandardRow> {
  const row = await standardAt(q, date);
  if (!row) throw new AppError('CONFLICT', { key: 'fees.noStandard' });
  return row;
}

export interface TicketFacts {
  id: number;
  customerId: number;
  modelId: number | null;
  status: string;
  /** From the device's dates at the service date, or the status recorded at intake when there is no device. */
  warranty: WarrantyStatus;
  previousRepairDate: string | null;
}

/** The warranty facts of a ticket's device at the service date, and the device's previous repair (another ticket resolved before). */
export async function ticketFacts(q: Reader, ticketId: number, serviceDate: string, timeZone: string): Promise<TicketFacts> {
  const [t] = await q.query<{ id: number; customer_id: number; model_id: number | null; device_id: number | null; status: string; warranty_status: WarrantyStatus }>(
    'SELECT id, customer_id, model_id, device_id, status, warranty_status FROM tickets WHERE id = ?',
    [ticketId],
  );
  if (!t) throw notFound();
  if (t.device_id === null) return { id: t.id, customerId: t.customer_id, modelId: t.model_id, status: t.status, warranty: t.warranty_status, previousRepairDate: null };
  const [d] = await q.query<{ model_id: number; purchase_date: string | null; install_date: string | null; warranty_end: string | null; warranty_months: number }>(
    'SELECT d.model_id, d.purchase_date, d.install_date, d.warranty_end, m.warranty_months FROM devices d JOIN product_models m ON m.id = d.model_id WHERE d.id = ?',
    [t.device_id],
  );
  const [prev] = await q.query<{ at: number | null }>(
    'SELECT MAX(resolved_at) AS at FROM tickets WHERE device_id = ? AND id <> ? AND resolved_at IS NOT NULL',
    [t.device_id, t.id],
  );
  return {
    id: t.id,
    customerId: t.customer_id,
    modelId: d?.model_id ?? t.model_id,
    status: t.status,
    warranty: d ? warrantyOf(d, serviceDate).status : t.warranty_status,
    previousRepairDate: prev?.at ? localDate(new Date(prev.at), timeZone) : null, // MAX() of milliseconds (db/instants.ts)
  };
}

export function decisionOf(facts: TicketFacts, serviceDate: string, rules: FeeRules): WarrantyDecision {
  return decideWarranty(facts.warranty, serviceDate, facts.previousRepairDate, rules.repairWarrantyDays);
}

/** The core's own calculation; the rules' refusals become per-field validation messages. */
export function calculateOrRefuse(args: FeeArgs): FeeCalc {
  const outcome = calculateFees(args);
  if (outcome.ok) return outcome.value;
  const fields: Record<string, FieldProblem> = {};
  for (const p of outcome.problems) fields[p.path] = { key: `error.${p.key}`, params: p.params };
  throw new AppError('VALIDATION', { key: outcome.problems[0]!.key, params: outcome.problems[0]!.params, fields });
}

/** Goodwill (a covered line the rules would charge, or the reverse) is the supervisor's decision. */
export function checkOverrides(lines: LineInput[], role: string): void {
  if (role === 'supervisor' || role === 'admin') return;
  if (lines.some((l) => l.override)) throw new AppError('FORBIDDEN', { key: 'fees.overrideNeedsSupervisor' });
}

/** The catalogue's parts named on the lines (备件库存 is the one source of a part's price, name and 易损件 flag). */
export async function cataloguePrices(q: Reader, lines: LineInput[]): Promise<PartPrice[]> {
  const partNos = [...new Set(lines.flatMap((l) => (l.kind === 'part' ? [l.partNo.trim().toUpperCase()] : [])))];
  if (partNos.length === 0) return [];
  const rows = await q.query<{ part_no: string; name: string; price_fen: number; consumable: number; active: number }>(
    `SELECT part_no, name, price_fen, consumable, active FROM parts WHERE part_no IN (${partNos.map(() => '?').join(', ')})`,
    partNos,
  );
  return rows.map((r) => ({ partNo: r.part_no, name: r.name, priceFen: r.price_fen, consumable: bool(r.consumable), active: bool(r.active) }));
}

/** A stored version's rules. Versions published before part prices moved to the catalogue carry a part list: never read. */
export function parseRules(row: StandardRow): FeeRules {
  const { parts: _unread, ...rules } = JSON.parse(row.rules) as FeeRules & { parts?: unknown };
  return rules;
}
