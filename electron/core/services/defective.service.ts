/**
 * Defective stock (旧件 / 不良品库): old parts recovered in a service record and units taken back, kept apart from
 * usable stock until they go to the factory on a 返厂单 or a supervisor scraps them. Each item carries its serial,
 * ticket, fault code (the ticket's alarm codes) and the device's production batch (the serial's first
 * `serialBatchPrefix` characters, as the statistics count batches). On hand never goes below zero: every take is
 * one conditional update, so of two concurrent takes of the last unit one is refused.
 *
 * For the exchange and return (三包, branch h/sanbao): put the taken-back unit into defective stock with
 *   receiveDefective(tx, { at, by, kind: 'unit', origin: 'exchange' | 'return', ticketId, name, serial, batchPrefix: settings.serialBatchPrefix })
 * inside the exchange's own transaction; the quality report counts exchanges and returns from these rows.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { SCRAPPERS, takeProblem, type DefectiveItem, type DefectiveKind, type DefectiveOrigin } from '../../../shared/domain/factory';
import { AppError, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';

export interface DefectiveReceipt {
  at: string;
  by: number;
  kind: DefectiveKind;
  origin: DefectiveOrigin;
  /** The ticket the part or unit came off (its device's model, batch and fault code are taken from it). */
  ticketId: number | null;
  name: string;
  serial: string;
  quantity?: number;
  partId?: number | null;
  ticketPartId?: number | null;
  /** Overrides the ticket's alarm codes. */
  faultCode?: string;
  /** settings.serialBatchPrefix: how many leading characters of a serial name its batch. */
  batchPrefix: number;
}

/** Puts a recovered part or a taken-back unit into defective stock, inside the caller's transaction; answers its id. */
export async function receiveDefective(tx: Tx, r: DefectiveReceipt): Promise<number> {
  const [t] = r.ticketId === null ? [] : await tx.query<{ model_id: number | null; serial: string | null; alarm_codes: string }>('SELECT model_id, serial, alarm_codes FROM tickets WHERE id = ?', [r.ticketId]);
  if (r.ticketId !== null && !t) throw new AppError('NOT_FOUND', { key: 'returns.ticketMissing' });
  // A unit's batch is its own serial's; a part's is the device's it came off.
  const deviceSerial = r.kind === 'unit' ? r.serial || (t?.serial ?? '') : (t?.serial ?? '');
  const quantity = r.quantity ?? 1;
  const values = {
    kind: r.kind, origin: r.origin, part_id: r.partId ?? null, ticket_part_id: r.ticketPartId ?? null, name: r.name, serial: r.serial.toUpperCase(), ticket_id: r.ticketId,
    model_id: t?.model_id ?? null, batch: deviceSerial.toUpperCase().slice(0, r.batchPrefix), fault_code: r.faultCode ?? t?.alarm_codes ?? '', quantity, on_hand: quantity,
  };
  const id = await tx.insert('defective_items', { ...values, ...created(r.at, r.by) });
  await audit(tx, r.at, r.by, 'defective_items', id, 'create', null, values);
  return id;
}

/** Takes `quantity` out of an item's stock (onto a 返厂单, or scrapped); refused in words when short. */
export async function takeDefective(tx: Tx, at: string, by: number, id: number, quantity: number): Promise<void> {
  const [item] = await tx.query<{ on_hand: number; name: string }>('SELECT on_hand, name FROM defective_items WHERE id = ?', [id]);
  if (!item) throw new AppError('NOT_FOUND', { key: 'defective.missing' });
  const problem = takeProblem(item.on_hand, quantity);
  if (problem) throw new AppError('CONFLICT', { key: problem, params: { name: item.name, onHand: item.on_hand, wanted: quantity }, fields: { quantity: { key: `error.${problem}`, params: { name: item.name, onHand: item.on_hand, wanted: quantity } } } });
  const changed = await tx.run('UPDATE defective_items SET on_hand = on_hand - ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND on_hand >= ?', [quantity, at, by, id, quantity]);
  if (changed !== 1) throw new AppError('CONFLICT', { key: 'defective.short', params: { name: item.name, onHand: 0, wanted: quantity } });
  await audit(tx, at, by, 'defective_items', id, 'update', { on_hand: item.on_hand }, { on_hand: item.on_hand - quantity });
}

/** Goods a supplier rejected come back into defective stock (to be scrapped or sent elsewhere). */
export async function putBackDefective(tx: Tx, at: string, by: number, id: number, quantity: number): Promise<void> {
  const [item] = await tx.query<{ on_hand: number }>('SELECT on_hand FROM defective_items WHERE id = ?', [id]);
  await tx.run('UPDATE defective_items SET on_hand = on_hand + ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?', [quantity, at, by, id]);
  await audit(tx, at, by, 'defective_items', id, 'update', { on_hand: item?.on_hand ?? 0 }, { on_hand: (item?.on_hand ?? 0) + quantity });
}

interface ItemRow {
  id: number; kind: DefectiveKind; origin: DefectiveOrigin; part_id: number | null; part_no: string | null; name: string; serial: string; ticket_id: number | null; ticket_number: string | null;
  model_code: string | null; batch: string; fault_code: string; quantity: number; on_hand: number; created_at: string;
}

const toItem = (r: ItemRow): DefectiveItem => ({
  id: r.id, kind: r.kind, origin: r.origin, partId: r.part_id, partNo: r.part_no ?? '', name: r.name, serial: r.serial, ticket: r.ticket_id ? { id: r.ticket_id, number: r.ticket_number ?? '' } : null,
  modelCode: r.model_code ?? '', batch: r.batch, faultCode: r.fault_code, quantity: r.quantity, onHand: r.on_hand, receivedAt: r.created_at,
});

const ITEM_SELECT = `SELECT d.id, d.kind, d.origin, d.part_id, p.part_no, d.name, d.serial, d.ticket_id, t.number AS ticket_number, m.code AS model_code, d.batch, d.fault_code, d.quantity, d.on_hand, d.created_at
  FROM defective_items d LEFT JOIN parts p ON p.id = d.part_id LEFT JOIN tickets t ON t.id = d.ticket_id LEFT JOIN product_models m ON m.id = d.model_id`;

/** Defective stock on hand (or every item on request), newest first; `ticketId`: one ticket's. */
export async function listDefective(ctx: CallContext, input: ParsedInputOf<'defective.list'>): Promise<DefectiveItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeEmpty) where.push('d.on_hand > 0');
  if (input.ticketId !== undefined) { where.push('d.ticket_id = ?'); params.push(input.ticketId); }
  const sql = `${ITEM_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT 500`;
  return (await ctx.db.query<ItemRow>(sql, params)).map(toItem);
}

/** Books a defective unit or part by hand (taken back outside a service record). */
export async function receiveByHand(ctx: CallContext, input: ParsedInputOf<'defective.receive'>): Promise<DefectiveItem> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const batchPrefix = (await ctx.settings.get()).serialBatchPrefix;
  const id = await ctx.db.write((tx) => receiveDefective(tx, { batchPrefix, at, by, kind: input.kind, origin: 'manual', ticketId: input.ticketId, name: input.name, serial: input.serial, quantity: input.quantity, faultCode: input.faultCode || undefined }));
  ctx.notify('defective');
  return (await ctx.db.query<ItemRow>(`${ITEM_SELECT} WHERE d.id = ?`, [id])).map(toItem)[0]!;
}

/** A supervisor scraps defective stock, with a reason (kept in the audit trail). */
export async function scrapDefective(ctx: CallContext, input: ParsedInputOf<'defective.scrap'>): Promise<DefectiveItem> {
  const me = actor(ctx);
  if (!SCRAPPERS.includes(me.role)) throw new AppError('FORBIDDEN', { key: 'defective.scrapNeedsSupervisor' });
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    await takeDefective(tx, at, me.id, input.id, input.quantity);
    await audit(tx, at, me.id, 'defective_items', input.id, 'update', null, { scrapped: input.quantity, reason: input.reason });
  });
  ctx.notify('defective');
  const [row] = await ctx.db.query<ItemRow>(`${ITEM_SELECT} WHERE d.id = ?`, [input.id]);
  if (!row) throw notFound();
  return toItem(row);
}
