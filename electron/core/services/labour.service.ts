/** The labour log (工时登记): engineers log each visit's time on a ticket; the ticket shows them with the total. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { labourEntry, type TicketLabour } from '../../../shared/domain/labour';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { SessionUser } from '../../../shared/domain/user';
import type { Db, Tx } from '../db/db';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { audit, created } from './audit';
import { instantParam } from '../db/instants';

/** From dispatch until the ticket is archived: work done after acceptance (a return visit) is still logged. */
const LOGGABLE: readonly TicketStatus[] = ['dispatched', 'in_service', 'accepted', 'follow_up'];

/** The typed visit as stored, or the field's problem in words. */
async function checkedEntry(ctx: CallContext, input: ParsedInputOf<'tickets.logLabour'> | ParsedInputOf<'tickets.correctLabour'>) {
  const { timeZone } = await ctx.settings.get();
  const entry = labourEntry(input, ctx.now(), timeZone);
  if (!entry.ok) {
    const { field, key, params = {} } = entry.problem;
    throw new AppError('VALIDATION', { key, params, fields: { [field]: { key: `error.${key}`, params } } });
  }
  return entry;
}

/**
 * The ticket, if it takes labour now, and the engineer the time is for: an engineer logs for themselves on their
 * own ticket; staff for the named engineer, or the assignee.
 */
async function labourTicket(tx: Tx, me: SessionUser, ticketId: number, engineerId: number | null) {
  const [t] = await tx.query<{ id: number; status: TicketStatus; assigned_to: number | null }>('SELECT id, status, assigned_to FROM tickets WHERE id = ?', [ticketId]);
  if (!t) throw notFound();
  if (!LOGGABLE.includes(t.status)) throw new AppError('CONFLICT', { key: 'labour.wrongStage' });
  if (me.role === 'engineer' && ((engineerId !== null && engineerId !== me.id) || t.assigned_to !== me.id)) throw new AppError('FORBIDDEN', { key: 'move.notAssignee' });
  const forId = me.role === 'engineer' ? me.id : (engineerId ?? t.assigned_to);
  const [engineer] = forId === null ? [] : await tx.query("SELECT id FROM users WHERE id = ? AND role = 'engineer'", [forId]);
  if (!engineer) throw new AppError('NOT_FOUND', { key: 'move.engineerMissing', fields: { engineerId: { key: 'error.move.engineerMissing', params: {} } } });
  return { ticketId: t.id, engineerId: forId! };
}

async function totalOf(tx: Tx, ticketId: number): Promise<number> {
  const [sum] = await tx.query<{ total: number }>('SELECT SUM(minutes) AS total FROM ticket_labour WHERE ticket_id = ?', [ticketId]);
  return sum?.total ?? 0;
}

export async function logLabour(ctx: CallContext, input: ParsedInputOf<'tickets.logLabour'>): Promise<{ id: number; totalMinutes: number }> {
  const me = actor(ctx);
  const entry = await checkedEntry(ctx, input);
  const at = ctx.now().toISOString();
  const out = await ctx.db.write(async (tx) => {
    const { ticketId, engineerId } = await labourTicket(tx, me, input.ticketId, input.engineerId);
    const values = { ticket_id: ticketId, engineer_id: engineerId, worked_on: input.workedOn, started_at: entry.startedAt, finished_at: entry.finishedAt, minutes: entry.minutes, note: input.note };
    const id = await tx.insert('ticket_labour', { ...values, ...created(at, me.id) });
    await audit(tx, at, me.id, 'ticket_labour', id, 'create', null, values);
    return { id, totalMinutes: await totalOf(tx, ticketId) };
  });
  ctx.notify('tickets');
  return out;
}

/** A visit corrected by whoever may log it on that ticket now; an engineer corrects only their own. */
export async function correctLabour(ctx: CallContext, input: ParsedInputOf<'tickets.correctLabour'>): Promise<{ id: number; totalMinutes: number }> {
  const me = actor(ctx);
  const entry = await checkedEntry(ctx, input);
  const at = ctx.now().toISOString();
  const out = await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown> & { ticket_id: number; engineer_id: number }>(
      'SELECT ticket_id, engineer_id, worked_on, started_at, finished_at, minutes, note FROM ticket_labour WHERE id = ?',
      [input.id],
    );
    if (!before) throw notFound();
    if (me.role === 'engineer' && before.engineer_id !== me.id) throw new AppError('FORBIDDEN', { key: 'move.notAssignee' });
    const { ticketId, engineerId } = await labourTicket(tx, me, before.ticket_id, me.role === 'engineer' ? null : (input.engineerId ?? before.engineer_id));
    const values = { ticket_id: ticketId, engineer_id: engineerId, worked_on: input.workedOn, started_at: entry.startedAt, finished_at: entry.finishedAt, minutes: entry.minutes, note: input.note };
    const changed = await tx.run(
      'UPDATE ticket_labour SET engineer_id = ?, worked_on = ?, started_at = ?, finished_at = ?, minutes = ?, note = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
      // The visit's times and the row's stamp are kept as milliseconds (db/instants.ts).
      [engineerId, values.worked_on, ...[values.started_at, values.finished_at].map((t) => (t === null ? null : instantParam(t))), values.minutes, values.note, instantParam(at), me.id, input.id, input.version],
    );
    if (changed !== 1) throw conflict();
    await audit(tx, at, me.id, 'ticket_labour', input.id, 'update', before, values);
    return { id: input.id, totalMinutes: await totalOf(tx, ticketId) };
  });
  ctx.notify('tickets');
  return out;
}

/** A ticket's visits, oldest first, and their total. */
export async function ticketLabour(db: Pick<Db, 'query'>, ticketId: number): Promise<TicketLabour> {
  const rows = await db.query<{ id: number; version: number; engineer_id: number; name: string; worked_on: string; started_at: string | null; finished_at: string | null; minutes: number; note: string }>(
    `SELECT l.id, l.version, l.engineer_id, u.display_name AS name, l.worked_on, l.started_at, l.finished_at, l.minutes, l.note
     FROM ticket_labour l JOIN users u ON u.id = l.engineer_id WHERE l.ticket_id = ? ORDER BY l.worked_on, l.started_at, l.id`,
    [ticketId],
  );
  const visits = rows.map((r) => ({ id: r.id, version: r.version, engineer: { id: r.engineer_id, name: r.name }, workedOn: r.worked_on, startedAt: r.started_at, finishedAt: r.finished_at, minutes: r.minutes, note: r.note }));
  return { visits, totalMinutes: visits.reduce((n, v) => n + v.minutes, 0) };
}
