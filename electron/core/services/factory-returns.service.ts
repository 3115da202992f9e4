/**
 * Returns to the factory or supplier (返厂单): one order per supplier collects defective parts and units (each
 * line takes its quantity out of defective stock), is printed with its lines and barcode (slips.render
 * 'factoryReturn'), and moves sent → received by the supplier → credited (an amount per line), repaired and
 * sent back (a catalogue part comes back into usable stock), or rejected (the goods come back into defective stock).
 * What is still out is listed per supplier.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { FACTORY_RETURN_RULES, OUTSTANDING_STATES, factoryMoveProblem, type FactoryReturn, type FactoryReturnDetail, type FactoryReturnLine, type FactoryReturnState, type SupplierOutstanding } from '../../../shared/domain/factory';
import { localDate } from '../../../shared/domain/time';
import { translate } from '../../../shared/i18n/translate';
import type { SessionUser } from '../../../shared/domain/user';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { putBackDefective, takeDefective } from './defective.service';
import { moveStock } from './parts.service';
import { nextNumber } from './tickets.service';

const NUMBER_PATTERN = 'FC{YYYYMMDD}{SEQ:3}';

interface OrderRow {
  id: number; version: number; number: string; supplier: string; state: FactoryReturnState; note: string; reject_reason: string; created_at: string;
  sent_at: string | null; received_at: string | null; closed_at: string | null; line_count: number; quantity: number | null; credit_fen: number | null;
}

const ORDER_SELECT = `SELECT r.id, r.version, r.number, r.supplier, r.state, r.note, r.reject_reason, r.created_at, r.sent_at, r.received_at, r.closed_at,
    (SELECT COUNT(*) FROM factory_return_lines l WHERE l.return_id = r.id) AS line_count,
    (SELECT SUM(l.quantity) FROM factory_return_lines l WHERE l.return_id = r.id) AS quantity,
    (SELECT SUM(l.credit_fen) FROM factory_return_lines l WHERE l.return_id = r.id) AS credit_fen
  FROM factory_returns r`;

const toOrder = (r: OrderRow): FactoryReturn => ({
  id: r.id, version: r.version, number: r.number, supplier: r.supplier, state: r.state, note: r.note, rejectReason: r.reject_reason, createdAt: r.created_at,
  sentAt: r.sent_at, receivedAt: r.received_at, closedAt: r.closed_at, lineCount: r.line_count, quantity: r.quantity ?? 0, creditFen: r.credit_fen ?? 0,
});

export async function listFactoryReturns(ctx: CallContext, input: ParsedInputOf<'factoryReturns.list'>): Promise<FactoryReturn[]> {
  const where = input.outstandingOnly ? `WHERE r.state IN (${OUTSTANDING_STATES.map(() => '?').join(', ')})` : '';
  return (await ctx.db.query<OrderRow>(`${ORDER_SELECT} ${where} ORDER BY r.id DESC LIMIT 500`, input.outstandingOnly ? [...OUTSTANDING_STATES] : [])).map(toOrder);
}

export async function getFactoryReturn(ctx: CallContext, input: ParsedInputOf<'factoryReturns.get'>): Promise<FactoryReturnDetail> {
  const row = 'id' in input ? await ctx.db.get<OrderRow>(`${ORDER_SELECT} WHERE r.id = ?`, [input.id]) : await ctx.db.get<OrderRow>(`${ORDER_SELECT} WHERE r.number = ?`, [input.number.toUpperCase()]);
  if (!row) throw notFound();
  const lines = await ctx.db.query<{ id: number; defective_id: number; kind: 'part' | 'unit'; part_no: string | null; name: string; serial: string; ticket_number: string | null; batch: string; fault_code: string; quantity: number; credit_fen: number | null }>(
    `SELECT l.id, l.defective_id, d.kind, p.part_no, d.name, d.serial, t.number AS ticket_number, d.batch, d.fault_code, l.quantity, l.credit_fen
       FROM factory_return_lines l JOIN defective_items d ON d.id = l.defective_id LEFT JOIN parts p ON p.id = d.part_id LEFT JOIN tickets t ON t.id = d.ticket_id
      WHERE l.return_id = ? ORDER BY l.id`,
    [row.id],
  );
  const toLine = (l: (typeof lines)[number]): FactoryReturnLine => ({
    id: l.id, defectiveId: l.defective_id, kind: l.kind, partNo: l.part_no ?? '', name: l.name, serial: l.serial, ticketNumber: l.ticket_number ?? '', batch: l.batch, faultCode: l.fault_code, quantity: l.quantity, creditFen: l.credit_fen,
  });
  return { ...toOrder(row), lines: lines.map(toLine) };
}

export async function createFactoryReturn(ctx: CallContext, input: ParsedInputOf<'factoryReturns.create'>): Promise<FactoryReturnDetail> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const day = localDate(ctx.now(), (await ctx.settings.get()).timeZone);
  const id = await ctx.db.write(async (tx) => {
    const values = { number: await nextNumber(tx, NUMBER_PATTERN, day), supplier: input.supplier, state: 'open', note: input.note };
    const id = await tx.insert('factory_returns', { ...values, ...created(at, by) });
    await audit(tx, at, by, 'factory_returns', id, 'create', null, values);
    for (const line of input.lines) await addLineIn(tx, at, by, id, line.defectiveId, line.quantity);
    return id;
  });
  ctx.notify('defective');
  return getFactoryReturn(ctx, { id });
}

async function addLineIn(tx: Tx, at: string, by: number, returnId: number, defectiveId: number, quantity: number): Promise<void> {
  await takeDefective(tx, at, by, defectiveId, quantity);
  const values = { return_id: returnId, defective_id: defectiveId, quantity };
  const id = await tx.insert('factory_return_lines', values);
  await audit(tx, at, by, 'factory_return_lines', id, 'create', null, values);
}

/** Adds defective stock to an order still open (collecting). */
export async function addFactoryReturnLine(ctx: CallContext, input: ParsedInputOf<'factoryReturns.addLine'>): Promise<FactoryReturnDetail> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [order] = await tx.query<{ state: FactoryReturnState }>('SELECT state FROM factory_returns WHERE id = ?', [input.id]);
    if (!order) throw notFound();
    if (order.state !== 'open') throw new AppError('CONFLICT', { key: 'factory.notOpen' });
    await addLineIn(tx, at, by, input.id, input.defectiveId, input.quantity);
  });
  ctx.notify('defective');
  return getFactoryReturn(ctx, { id: input.id });
}

const STAMP: Partial<Record<FactoryReturnState, 'sent_at' | 'received_at' | 'closed_at'>> = { sent: 'sent_at', received: 'received_at', credited: 'closed_at', repaired: 'closed_at', rejected: 'closed_at' };

/** One move of an order, with the credit per line when credited; refused moves answer CONFLICT in words. */
export async function moveFactoryReturn(ctx: CallContext, input: ParsedInputOf<'factoryReturns.move'>): Promise<FactoryReturnDetail> {
  const me = actor(ctx);
  const by = me.id;
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [order] = await tx.query<{ id: number; version: number; state: FactoryReturnState; number: string }>('SELECT id, version, state, number FROM factory_returns WHERE id = ?', [input.id]);
    if (!order) throw notFound();
    if (order.version !== input.version) throw conflict();
    const lines = await tx.query<{ id: number; defective_id: number; quantity: number }>('SELECT id, defective_id, quantity FROM factory_return_lines WHERE return_id = ?', [order.id]);
    const reason = input.move === 'reject' ? input.reason : '';
    const problem = factoryMoveProblem({ move: input.move, state: order.state, lines: lines.length, reason });
    if (problem) throw new AppError(problem === 'factory.reasonRequired' ? 'VALIDATION' : 'CONFLICT', { key: problem, params: { state: order.state }, ...(problem === 'factory.reasonRequired' ? { fields: { reason: { key: `error.${problem}`, params: {} } } } : {}) });
    if (input.move === 'credit') await creditLines(tx, at, by, lines, input.credits);
    if (input.move === 'reject') for (const l of lines) await putBackDefective(tx, at, by, l.defective_id, l.quantity);
    if (input.move === 'repairBack') await restockRepaired(tx, ctx, me, translate(ctx.client.locale, 'repairedReason', { number: order.number }), lines);
    const to = FACTORY_RETURN_RULES[input.move].to;
    const values: Record<string, unknown> = { state: to, [STAMP[to]!]: at, ...(input.move === 'reject' ? { reject_reason: reason } : {}) };
    const sets = Object.keys(values).map((c) => `${c} = ?, `).join('');
    if ((await tx.run(`UPDATE factory_returns SET ${sets}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [...Object.values(values), at, by, order.id, order.version])) !== 1) throw conflict();
    await audit(tx, at, by, 'factory_returns', order.id, 'update', { state: order.state }, values);
  });
  ctx.notify('defective');
  if (input.move === 'repairBack') ctx.notify('parts');
  return getFactoryReturn(ctx, { id: input.id });
}

/** Each line gets the amount the supplier credited for it (0 for a line it paid nothing for); every line must be named once. */
async function creditLines(tx: Tx, at: string, by: number, lines: { id: number }[], credits: { lineId: number; creditFen: number }[]): Promise<void> {
  const given = new Map(credits.map((c) => [c.lineId, c.creditFen]));
  if (given.size !== credits.length || lines.length !== credits.length || lines.some((l) => !given.has(l.id))) throw new AppError('VALIDATION', { key: 'factory.creditEveryLine', fields: { credits: { key: 'error.factory.creditEveryLine', params: {} } } });
  for (const l of lines) {
    await tx.run('UPDATE factory_return_lines SET credit_fen = ? WHERE id = ?', [given.get(l.id), l.id]);
    await audit(tx, at, by, 'factory_return_lines', l.id, 'update', { credit_fen: null }, { credit_fen: given.get(l.id) });
  }
}

/**
 * What the supplier repaired and sent back is usable again: each line of a catalogue part goes back into its stock
 * (a 'repaired' movement naming the 返厂单, in the stock's own movement log). A unit or a part booked without a
 * catalogue entry has no usable stock to go to; a credited or rejected line never comes here.
 */
async function restockRepaired(tx: Tx, ctx: CallContext, me: SessionUser, reason: string, lines: { defective_id: number; quantity: number }[]): Promise<void> {
  const at = ctx.now().toISOString();
  for (const l of lines) {
    const [item] = await tx.query<{ part_id: number | null; serial: string }>('SELECT part_id, serial FROM defective_items WHERE id = ?', [l.defective_id]);
    if (item?.part_id == null) continue;
    await moveStock(tx, at, me, { partId: item.part_id, kind: 'repaired', quantity: l.quantity, serial: item.serial, ticketId: null, reason, override: false }, ctx);
  }
}

/** What is still out (open, sent or received by the supplier), per supplier, longest waiting first. */
export async function outstandingBySupplier(ctx: CallContext): Promise<SupplierOutstanding[]> {
  const rows = await ctx.db.query<{ supplier: string; orders: number; quantity: number | null; oldest: string | null }>(
    `SELECT r.supplier, COUNT(DISTINCT r.id) AS orders, SUM(l.quantity) AS quantity, MIN(r.sent_at) AS oldest
       FROM factory_returns r LEFT JOIN factory_return_lines l ON l.return_id = r.id
      WHERE r.state IN (${OUTSTANDING_STATES.map(() => '?').join(', ')}) GROUP BY r.supplier ORDER BY oldest IS NULL, oldest, r.supplier`,
    [...OUTSTANDING_STATES],
  );
  return rows.map((r) => ({ supplier: r.supplier, orders: r.orders, quantity: r.quantity ?? 0, oldestSentAt: r.oldest }));
}
