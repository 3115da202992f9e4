/**
 * Spare parts: the catalogue and its stock. Every movement is a row in stock_movements with its signed
 * delta; parts.on_hand is changed in the same transaction, so it always equals the sum of the deltas.
 * Stock never goes below zero unless a supervisor overrides with a reason (shared/domain/parts).
 */
import { queueLowStock } from '../messaging/team';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { checkMovement, isLow, type MovementKind, type Part, type PartUnit, type StockMovement } from '../../../shared/domain/parts';
import type { SessionUser } from '../../../shared/domain/user';
import { AppError, conflict, duplicate, notFound } from '../errors';
import { actor, type CallContext, type CoreDeps } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { bool, likeEscape, prefixEnd } from './sql';

interface PartRow {
  id: number;
  version: number;
  part_no: string;
  name: string;
  models: string;
  price_fen: number;
  unit: PartUnit;
  consumable: number;
  serial_tracked: number;
  min_stock: number;
  location: string;
  active: number;
  on_hand: number;
}

const toPart = (r: PartRow): Part => ({
  id: r.id,
  version: r.version,
  partNo: r.part_no,
  name: r.name,
  models: JSON.parse(r.models) as string[],
  priceFen: r.price_fen,
  unit: r.unit,
  consumable: bool(r.consumable),
  serialTracked: bool(r.serial_tracked),
  minStock: r.min_stock,
  location: r.location,
  active: bool(r.active),
  onHand: r.on_hand,
  low: isLow(r.on_hand, r.min_stock),
});

type Fields = ParsedInputOf<'parts.create'>;

const columns = (f: Fields) => ({
  part_no: f.partNo.toUpperCase(),
  name: f.name,
  models: JSON.stringify(f.models),
  price_fen: f.priceFen,
  unit: f.unit,
  consumable: f.consumable ? 1 : 0,
  serial_tracked: f.serialTracked ? 1 : 0,
  min_stock: f.minStock,
  location: f.location,
  active: f.active ? 1 : 0,
});

export async function listParts(ctx: CallContext, input: ParsedInputOf<'parts.list'>): Promise<Part[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeInactive) where.push('active = 1');
  if (input.lowOnly) where.push('on_hand < min_stock');
  if (input.q) {
    const q = input.q.toUpperCase();
    const like = `%${likeEscape(input.q)}%`;
    where.push(`((part_no >= ? AND part_no < ?) OR name LIKE ? ESCAPE '\\' OR models LIKE ? ESCAPE '\\')`);
    params.push(q, prefixEnd(q), like, like);
  }
  const sql = `SELECT * FROM parts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY part_no LIMIT ?`;
  return (await ctx.db.query<PartRow>(sql, [...params, input.limit])).map(toPart);
}

export async function getPart(ctx: CallContext, input: ParsedInputOf<'parts.get'>): Promise<Part> {
  const row = 'id' in input
    ? await ctx.db.get<PartRow>('SELECT * FROM parts WHERE id = ?', [input.id])
    : await ctx.db.get<PartRow>('SELECT * FROM parts WHERE part_no = ?', [input.partNo.toUpperCase()]);
  if (!row) throw notFound();
  return toPart(row);
}

export async function lowStock(ctx: CallContext): Promise<Part[]> {
  return (await ctx.db.query<PartRow>('SELECT * FROM parts WHERE active = 1 AND on_hand < min_stock ORDER BY (min_stock - on_hand) DESC, part_no')).map(toPart);
}

/** A new catalogue part with nothing on hand (stock arrives through movements); also used by the import. */
export async function insertPart(tx: Tx, at: string, by: number, input: Fields): Promise<number> {
  const values = columns(input);
  if ((await tx.query('SELECT id FROM parts WHERE part_no = ?', [values.part_no])).length > 0) throw duplicate('partNo', 'partNo');
  const id = await tx.insert('parts', { ...values, on_hand: 0, ...created(at, by) });
  await audit(tx, at, by, 'parts', id, 'create', null, values);
  return id;
}

export async function createPart(ctx: CallContext, input: Fields): Promise<Part> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const id = await ctx.db.write((tx) => insertPart(tx, at, by, input));
  ctx.notify('parts');
  return getPart(ctx, { id });
}

export async function updatePart(ctx: CallContext, input: ParsedInputOf<'parts.update'>): Promise<Part> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<PartRow>('SELECT * FROM parts WHERE id = ?', [id]);
    if (!before) throw notFound();
    const values = columns(fields);
    if ((await tx.query('SELECT id FROM parts WHERE part_no = ? AND id <> ?', [values.part_no, id])).length > 0) throw duplicate('partNo', 'partNo');
    if (bool(before.serial_tracked) !== fields.serialTracked && before.on_hand !== 0) throw new AppError('CONFLICT', { key: 'stock.serialTrackedChange' });
    if (before.unit !== fields.unit && before.on_hand !== 0) throw new AppError('CONFLICT', { key: 'stock.unitChange', fields: { unit: { key: 'error.stock.unitChange', params: {} } } });
    const sets = Object.keys(values).map((c) => `${c} = ?`).join(', ');
    const changed = await tx.run(`UPDATE parts SET ${sets}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [...Object.values(values), at, by, id, version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, by, 'parts', id, 'update', before, values);
  });
  ctx.notify('parts');
  return getPart(ctx, { id });
}

export interface MoveRequest {
  partId: number;
  kind: MovementKind;
  quantity: number;
  serial: string;
  ticketId: number | null;
  ticketPartId?: number | null;
  reason: string;
  override: boolean;
}

/**
 * Writes one movement inside the caller's transaction: checks the rules against the part's current
 * on hand (read in this same transaction, so concurrent moves can never both see the old figure) and
 * updates on hand. Throws an AppError naming the part when refused.
 */
/** `team`: where a part falling below its minimum is announced (the robot), in this transaction. */
export async function moveStock(tx: Tx, at: string, me: SessionUser, m: MoveRequest, team: Pick<CoreDeps, 'outbox' | 'now'>): Promise<number> {
  const [part] = await tx.query<PartRow>('SELECT * FROM parts WHERE id = ?', [m.partId]);
  if (!part) throw new AppError('NOT_FOUND', { key: 'stock.partMissing' });
  if (!bool(part.active) && m.kind === 'issue') throw new AppError('CONFLICT', { key: 'stock.inactive', params: { part: part.part_no } });
  const serial = m.serial.toUpperCase();
  let serialInStock = 0;
  let serialIssued = false;
  if (bool(part.serial_tracked) && serial) {
    const [s] = await tx.query<{ n: number | null; issued: number }>(
      "SELECT SUM(delta) AS n, SUM(CASE WHEN kind = 'issue' THEN 1 ELSE 0 END) AS issued FROM stock_movements WHERE part_id = ? AND serial = ?",
      [part.id, serial],
    );
    serialInStock = s?.n ?? 0;
    serialIssued = (s?.issued ?? 0) > 0;
  }
  if (m.ticketId !== null && (await tx.query('SELECT id FROM tickets WHERE id = ?', [m.ticketId])).length === 0) throw new AppError('NOT_FOUND', { key: 'returns.ticketMissing' });
  const verdict = checkMovement({
    kind: m.kind, quantity: m.quantity, unit: part.unit, role: me.role, onHand: part.on_hand, serialTracked: bool(part.serial_tracked), serial,
    serialInStock, serialIssued, reason: m.reason, override: m.override, hasTicket: m.ticketId !== null,
  });
  if (!verdict.ok) throw new AppError(verdict.code, { key: verdict.key, params: { part: `${part.part_no} ${part.name}`, serial, ...verdict.params } });
  // The new figure is computed (and rounded) here, not added in SQL: decimal quantities would drift in binary.
  const changed = await tx.run('UPDATE parts SET on_hand = ?, updated_at = ?, updated_by = ? WHERE id = ? AND on_hand = ?', [verdict.onHandAfter, at, me.id, part.id, part.on_hand]);
  if (changed !== 1) throw conflict();
  const movementId = await tx.insert('stock_movements', {
    part_id: part.id, kind: m.kind, quantity: m.quantity, delta: verdict.delta, on_hand_after: verdict.onHandAfter, serial,
    ticket_id: m.ticketId, ticket_part_id: m.ticketPartId ?? null, reason: m.reason, override: m.override ? 1 : 0, at, actor_id: me.id,
  });
  if (!isLow(part.on_hand, part.min_stock) && isLow(verdict.onHandAfter, part.min_stock)) await queueLowStock(tx, team, movementId, part, verdict.onHandAfter);
  return movementId;
}

export async function move(ctx: CallContext, input: ParsedInputOf<'stock.move'>): Promise<StockMovement> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const id = await ctx.db.write((tx) => moveStock(tx, at, me, input, ctx));
  ctx.notify('parts');
  const [row] = await movementsWhere(ctx, 'm.id = ?', [id], 1);
  return row!;
}

interface MovementRow {
  id: number; part_id: number; part_no: string; part_name: string; unit: PartUnit; kind: MovementKind; quantity: number; delta: number; on_hand_after: number;
  serial: string; ticket_id: number | null; ticket_number: string | null; reason: string; override: number; at: string; actor_name: string;
}

async function movementsWhere(ctx: CallContext, where: string, params: unknown[], limit: number): Promise<StockMovement[]> {
  const rows = await ctx.db.query<MovementRow>(
    `SELECT m.id, m.part_id, p.part_no, p.name AS part_name, p.unit, m.kind, m.quantity, m.delta, m.on_hand_after, m.serial, m.ticket_id, t.number AS ticket_number,
            m.reason, m.override, m.at, u.display_name AS actor_name
       FROM stock_movements m JOIN parts p ON p.id = m.part_id JOIN users u ON u.id = m.actor_id LEFT JOIN tickets t ON t.id = m.ticket_id
      WHERE ${where} ORDER BY m.id DESC LIMIT ?`,
    [...params, limit],
  );
  return rows.map((r) => ({
    id: r.id, partId: r.part_id, partNo: r.part_no, partName: r.part_name, unit: r.unit, kind: r.kind, quantity: r.quantity, delta: r.delta, onHandAfter: r.on_hand_after,
    serial: r.serial, ticket: r.ticket_id ? { id: r.ticket_id, number: r.ticket_number ?? '' } : null, reason: r.reason, override: bool(r.override), at: r.at, actorName: r.actor_name,
  }));
}

export function movements(ctx: CallContext, input: ParsedInputOf<'stock.movements'>): Promise<StockMovement[]> {
  const where: string[] = ['1 = 1'];
  const params: unknown[] = [];
  if (input.partId !== undefined) { where.push('m.part_id = ?'); params.push(input.partId); }
  if (input.ticketId !== undefined) { where.push('m.ticket_id = ?'); params.push(input.ticketId); }
  return movementsWhere(ctx, where.join(' AND '), params, input.limit);
}
