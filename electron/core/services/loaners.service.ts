/**
 * Loaners (备用机): a pool of units lent to a ticket's customer while their device is repaired. A loan records
 * the deposit (押金, fen) and its due day and prints a loan slip (slips.render 'loanSlip'); the unit must come
 * back before its ticket is archived or cancelled (requireLoanersBack, asked by the lifecycle), with its condition
 * checked and the deposit refunded or partly kept with a reason.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { depositProblem, loanOverdue, type Loan, type Loaner, type LoanerCondition, type LoanerState } from '../../../shared/domain/factory';
import { localDate } from '../../../shared/domain/time';
import { AppError, conflict, duplicate, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { nextNumber } from './tickets.service';

const LOAN_PATTERN = 'JY{YYYYMMDD}{SEQ:3}';
const CLOSED = ['closed', 'cancelled'];

interface LoanRow {
  id: number; number: string; loaner_id: number; serial: string; model_text: string; ticket_id: number; ticket_number: string; customer_name: string; contact_phone: string;
  deposit_fen: number; lent_at: string; due_on: string; returned_at: string | null; return_condition: LoanerCondition | null; refund_fen: number | null; kept_reason: string;
}

const LOAN_SELECT = `SELECT l.id, l.number, l.loaner_id, n.serial, COALESCE(m.code || ' ' || m.name, '') AS model_text, l.ticket_id, t.number AS ticket_number, c.name AS customer_name,
    t.contact_phone, l.deposit_fen, l.lent_at, l.due_on, l.returned_at, l.return_condition, l.refund_fen, l.kept_reason
  FROM loans l JOIN loaners n ON n.id = l.loaner_id JOIN tickets t ON t.id = l.ticket_id JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = n.model_id`;

const toLoan = (r: LoanRow, today: string): Loan => ({
  id: r.id, number: r.number, loanerId: r.loaner_id, loanerSerial: r.serial, modelText: r.model_text, ticket: { id: r.ticket_id, number: r.ticket_number },
  customerName: r.customer_name, contactPhone: r.contact_phone, depositFen: r.deposit_fen, lentAt: r.lent_at, dueOn: r.due_on,
  overdue: loanOverdue(r.due_on, today, r.returned_at !== null), returnedAt: r.returned_at, returnCondition: r.return_condition, refundFen: r.refund_fen, keptReason: r.kept_reason,
});

async function today(ctx: CallContext): Promise<string> {
  return localDate(ctx.now(), (await ctx.settings.get()).timeZone);
}

export async function getLoan(ctx: CallContext, id: number): Promise<Loan> {
  const row = await ctx.db.get<LoanRow>(`${LOAN_SELECT} WHERE l.id = ?`, [id]);
  if (!row) throw notFound();
  return toLoan(row, await today(ctx));
}

/** The pool, each unit with its loan when lent; `out`: only units lent now, `overdue`: only those past their due day. */
export async function listLoaners(ctx: CallContext, input: ParsedInputOf<'loaners.list'>): Promise<Loaner[]> {
  const day = await today(ctx);
  const rows = await ctx.db.query<{ id: number; version: number; serial: string; model_id: number | null; code: string | null; name: string | null; condition: LoanerCondition; state: LoanerState; note: string }>(
    `SELECT n.id, n.version, n.serial, n.model_id, m.code, m.name, n.condition, n.state, n.note FROM loaners n LEFT JOIN product_models m ON m.id = n.model_id
      ${input.show === 'all' ? '' : "WHERE n.state = 'lent'"} ORDER BY n.state, n.serial LIMIT 500`,
  );
  const loans = await ctx.db.query<LoanRow>(`${LOAN_SELECT} WHERE l.returned_at IS NULL ORDER BY l.due_on`);
  const byLoaner = new Map(loans.map((l) => [l.loaner_id, toLoan(l, day)]));
  return rows
    .map((r) => ({ id: r.id, version: r.version, serial: r.serial, modelId: r.model_id, modelCode: r.code ?? '', modelName: r.name ?? '', condition: r.condition, state: r.state, note: r.note, loan: byLoaner.get(r.id) ?? null }))
    .filter((l) => input.show !== 'overdue' || l.loan?.overdue === true);
}

export async function createLoaner(ctx: CallContext, input: ParsedInputOf<'loaners.create'>): Promise<{ id: number }> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const id = await ctx.db.write(async (tx) => {
    const values = { serial: input.serial.toUpperCase(), model_id: input.modelId, condition: input.condition, state: 'available', note: input.note };
    if ((await tx.query('SELECT id FROM loaners WHERE serial = ?', [values.serial])).length > 0) throw duplicate('serial', 'serial');
    if (input.modelId !== null && (await tx.query('SELECT id FROM product_models WHERE id = ?', [input.modelId])).length === 0) throw new AppError('NOT_FOUND', { key: 'loan.modelMissing' });
    const id = await tx.insert('loaners', { ...values, ...created(at, by) });
    await audit(tx, at, by, 'loaners', id, 'create', null, values);
    return id;
  });
  ctx.notify('loaners');
  return { id };
}

/** Lends an available unit to a ticket's customer (the ticket still open) against a deposit, due back on a day not in the past. */
export async function lend(ctx: CallContext, input: ParsedInputOf<'loaners.lend'>): Promise<Loan> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const day = await today(ctx);
  if (input.dueOn < day) throw new AppError('VALIDATION', { key: 'loan.duePast', fields: { dueOn: { key: 'error.loan.duePast', params: {} } } });
  const id = await ctx.db.write(async (tx) => {
    const [t] = await tx.query<{ id: number; status: string }>('SELECT id, status FROM tickets WHERE id = ?', [input.ticketId]);
    if (!t) throw new AppError('NOT_FOUND', { key: 'returns.ticketMissing' });
    if (CLOSED.includes(t.status)) throw new AppError('CONFLICT', { key: 'loan.ticketClosed' });
    const [unit] = await tx.query<{ id: number; serial: string }>('SELECT id, serial FROM loaners WHERE id = ?', [input.loanerId]);
    if (!unit) throw notFound();
    // The state is checked by the update itself: of two clerks lending the same unit at once, one gets it.
    if ((await tx.run("UPDATE loaners SET state = 'lent', updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND state = 'available'", [at, by, unit.id])) !== 1) {
      throw new AppError('CONFLICT', { key: 'loan.notAvailable', params: { serial: unit.serial } });
    }
    await audit(tx, at, by, 'loaners', unit.id, 'update', { state: 'available' }, { state: 'lent' });
    const values = { number: await nextNumber(tx, LOAN_PATTERN, day), loaner_id: unit.id, ticket_id: t.id, deposit_fen: input.depositFen, lent_at: at, due_on: input.dueOn };
    const id = await tx.insert('loans', { ...values, ...created(at, by) });
    await audit(tx, at, by, 'loans', id, 'create', null, values);
    await timeline(tx, t.id, at, by, 'loanerLent', `${unit.serial} · ${values.number}`);
    return id;
  });
  ctx.notify('loaners');
  ctx.notify('tickets');
  return getLoan(ctx, id);
}

/** The unit comes back: its condition checked, the deposit refunded, or partly kept with a reason. A damaged unit stays out of the pool. */
export async function giveBack(ctx: CallContext, input: ParsedInputOf<'loaners.giveBack'>): Promise<Loan> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [loan] = await tx.query<{ id: number; loaner_id: number; ticket_id: number; deposit_fen: number; returned_at: string | null; number: string }>(
      'SELECT id, loaner_id, ticket_id, deposit_fen, returned_at, number FROM loans WHERE id = ?', [input.loanId],
    );
    if (!loan) throw notFound();
    if (loan.returned_at !== null) throw new AppError('CONFLICT', { key: 'loan.alreadyBack' });
    const problem = depositProblem(loan.deposit_fen, input.refundFen, input.keptReason);
    if (problem) {
      const field = problem === 'loan.refundTooHigh' ? 'refundFen' : 'keptReason';
      throw new AppError('VALIDATION', { key: problem, params: { deposit: loan.deposit_fen / 100 }, fields: { [field]: { key: `error.${problem}`, params: { deposit: loan.deposit_fen / 100 } } } });
    }
    const values = { returned_at: at, return_condition: input.condition, refund_fen: input.refundFen, kept_reason: input.keptReason };
    if ((await tx.run('UPDATE loans SET returned_at = ?, return_condition = ?, refund_fen = ?, kept_reason = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND returned_at IS NULL',
      [...Object.values(values), at, by, loan.id])) !== 1) throw conflict();
    await audit(tx, at, by, 'loans', loan.id, 'update', { returned_at: null }, values);
    const state = input.condition === 'damaged' ? 'retired' : 'available';
    await tx.run('UPDATE loaners SET state = ?, condition = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?', [state, input.condition, at, by, loan.loaner_id]);
    await audit(tx, at, by, 'loaners', loan.loaner_id, 'update', { state: 'lent' }, { state, condition: input.condition });
    await timeline(tx, loan.ticket_id, at, by, 'loanerBack', loan.number);
  });
  ctx.notify('loaners');
  ctx.notify('tickets');
  return getLoan(ctx, input.loanId);
}

/** The loans of one ticket, newest first (the ticket page). */
export async function ticketLoans(ctx: CallContext, input: ParsedInputOf<'loaners.ofTicket'>): Promise<Loan[]> {
  const day = await today(ctx);
  return (await ctx.db.query<LoanRow>(`${LOAN_SELECT} WHERE l.ticket_id = ? ORDER BY l.id DESC`, [input.ticketId])).map((r) => toLoan(r, day));
}

/** Asked by the lifecycle before a ticket is archived or cancelled: every loaner lent on it must be back. */
export async function requireLoanersBack(tx: Tx, ticketId: number): Promise<void> {
  const out = await tx.query<{ serial: string }>('SELECT n.serial FROM loans l JOIN loaners n ON n.id = l.loaner_id WHERE l.ticket_id = ? AND l.returned_at IS NULL', [ticketId]);
  if (out.length > 0) throw new AppError('CONFLICT', { key: 'move.loanerOut', params: { serial: out.map((o) => o.serial).join(', ') } });
}

async function timeline(tx: Tx, ticketId: number, at: string, by: number, kind: string, note: string): Promise<void> {
  await tx.insert('ticket_events', { ticket_id: ticketId, at, actor_id: by, kind, from_status: null, to_status: null, note, data: null });
}
