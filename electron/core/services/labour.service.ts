/** The labour log (工时登记): engineers log each visit's time on a ticket; the ticket shows them with the total. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { labourEntry, type TicketLabour } from '../../../shared/domain/labour';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { Db } from '../db/db';
import { AppError, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { audit, created } from './audit';

/** From dispatch until the ticket is archived: work done after acceptance (a return visit) is still logged. */
const LOGGABLE: readonly TicketStatus[] = ['dispatched', 'in_service', 'accepted', 'follow_up'];

export async function logLabour(ctx: CallContext, input: ParsedInputOf<'tickets.logLabour'>): Promise<{ id: number; totalMinutes: number }> {
  const me = actor(ctx);
  const { timeZone } = await ctx.settings.get();
  const entry = labourEntry(input, ctx.now(), timeZone);
  if (!entry.ok) {
    const { field, key, params = {} } = entry.problem;
    throw new AppError('VALIDATION', { key, params, fields: { [field]: { key: `error.${key}`, params } } });
  }
  const at = ctx.now().toISOString();
  const out = await ctx.db.write(async (tx) => {
    const [t] = await tx.query<{ id: number; status: TicketStatus; assigned_to: number | null }>('SELECT id, status, assigned_to FROM tickets WHERE id = ?', [input.ticketId]);
    if (!t) throw notFound();
    if (!LOGGABLE.includes(t.status)) throw new AppError('CONFLICT', { key: 'labour.wrongStage' });
    const engineerId = me.role === 'engineer' ? me.id : (input.engineerId ?? t.assigned_to);
    if (me.role === 'engineer' && ((input.engineerId !== null && input.engineerId !== me.id) || t.assigned_to !== me.id)) throw new AppError('FORBIDDEN', { key: 'move.notAssignee' });
    const [engineer] = engineerId === null ? [] : await tx.query("SELECT id FROM users WHERE id = ? AND role = 'engineer'", [engineerId]);
    if (!engineer) throw new AppError('NOT_FOUND', { key: 'move.engineerMissing', fields: { engineerId: { key: 'error.move.engineerMissing', params: {} } } });
    const values = { ticket_id: t.id, engineer_id: engineerId, worked_on: input.workedOn, started_at: entry.startedAt, finished_at: entry.finishedAt, minutes: entry.minutes, note: input.note };
    const id = await tx.insert('ticket_labour', { ...values, ...created(at, me.id) });
    await audit(tx, at, me.id, 'ticket_labour', id, 'create', null, values);
    const [sum] = await tx.query<{ total: number }>('SELECT SUM(minutes) AS total FROM ticket_labour WHERE ticket_id = ?', [t.id]);
    return { id, totalMinutes: sum?.total ?? 0 };
  });
  ctx.notify('tickets');
  return out;
}

/** A ticket's visits, oldest first, and their total. */
export async function ticketLabour(db: Pick<Db, 'query'>, ticketId: number): Promise<TicketLabour> {
  const rows = await db.query<{ id: number; engineer_id: number; name: string; worked_on: string; started_at: string | null; finished_at: string | null; minutes: number; note: string }>(
    `SELECT l.id, l.engineer_id, u.display_name AS name, l.worked_on, l.started_at, l.finished_at, l.minutes, l.note
     FROM ticket_labour l JOIN users u ON u.id = l.engineer_id WHERE l.ticket_id = ? ORDER BY l.worked_on, l.started_at, l.id`,
    [ticketId],
  );
  const visits = rows.map((r) => ({ id: r.id, engineer: { id: r.engineer_id, name: r.name }, workedOn: r.worked_on, startedAt: r.started_at, finishedAt: r.finished_at, minutes: r.minutes, note: r.note }));
  return { visits, totalMinutes: visits.reduce((n, v) => n + v.minutes, 0) };
}
