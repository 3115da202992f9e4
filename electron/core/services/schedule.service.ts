/** The engineer schedule (工作安排表): bookings per engineer, never two at the same time. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { Booking } from '../../../shared/domain/ticket';
import { zonedInstant } from '../../../shared/domain/calendar';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { audit, created } from './audit';
import { bool } from './sql';

export async function listSchedule(ctx: CallContext, input: ParsedInputOf<'schedule.list'>): Promise<Booking[]> {
  const { timeZone } = await ctx.settings.get();
  const from = new Date(zonedInstant(input.from, '00:00', timeZone)).toISOString();
  const to = new Date(zonedInstant(input.to, '00:00', timeZone) + 86_400_000).toISOString();
  const rows = await ctx.db.query<Record<string, unknown>>(
    `SELECT b.*, u.display_name AS engineer_name, t.number, c.name AS customer_name
     FROM bookings b JOIN users u ON u.id = b.engineer_id LEFT JOIN tickets t ON t.id = b.ticket_id LEFT JOIN customers c ON c.id = t.customer_id
     WHERE b.starts_at < ? AND b.ends_at > ? AND b.cancelled = 0 ${input.engineerId ? 'AND b.engineer_id = ?' : ''}
     ORDER BY b.starts_at, u.display_name`,
    input.engineerId ? [to, from, input.engineerId] : [to, from],
  );
  return rows.map((r) => ({
    id: r.id as number,
    version: r.version as number,
    engineer: { id: r.engineer_id as number, name: r.engineer_name as string },
    ticket: r.ticket_id ? { id: r.ticket_id as number, number: r.number as string, customerName: r.customer_name as string } : null,
    startsAt: r.starts_at as string,
    endsAt: r.ends_at as string,
    place: r.place as string,
    note: r.note as string,
  }));
}

export async function book(ctx: CallContext, input: ParsedInputOf<'schedule.book'>): Promise<{ id: number }> {
  const me = actor(ctx);
  if (me.role === 'engineer' && input.engineerId !== me.id) throw new AppError('FORBIDDEN');
  const at = ctx.now().toISOString();
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  const id = await ctx.db.write(async (tx) => {
    const [engineer] = await tx.query("SELECT id FROM users WHERE id = ? AND role = 'engineer' AND active = 1", [input.engineerId]);
    if (!engineer) throw new AppError('NOT_FOUND', { key: 'move.engineerMissing', fields: { engineerId: { key: 'error.move.engineerMissing', params: {} } } });
    const clash = await tx.query('SELECT id FROM bookings WHERE engineer_id = ? AND cancelled = 0 AND starts_at < ? AND ends_at > ?', [input.engineerId, endsAt, startsAt]);
    if (clash.length > 0) throw new AppError('CONFLICT', { key: 'move.doubleBooked', fields: { startsAt: { key: 'error.move.doubleBooked', params: {} } } });
    const values = { engineer_id: input.engineerId, ticket_id: input.ticketId, starts_at: startsAt, ends_at: endsAt, place: input.place, note: input.note };
    const newId = await tx.insert('bookings', { ...values, cancelled: 0, ...created(at, me.id) });
    await audit(tx, at, me.id, 'bookings', newId, 'create', null, values);
    return newId;
  });
  ctx.notify('schedule');
  return { id };
}

/** Bookings are cancelled, never deleted: the schedule of a past week stays as it was. */
export async function unbook(ctx: CallContext, input: ParsedInputOf<'schedule.cancel'>): Promise<{ id: number }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [row] = await tx.query<{ engineer_id: number; cancelled: number }>('SELECT engineer_id, cancelled FROM bookings WHERE id = ?', [input.id]);
    if (!row || bool(row.cancelled)) throw notFound();
    if (me.role === 'engineer' && row.engineer_id !== me.id) throw new AppError('FORBIDDEN');
    const changed = await tx.run('UPDATE bookings SET cancelled = 1, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?', [at, me.id, input.id, input.version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, me.id, 'bookings', input.id, 'update', { cancelled: 0 }, { cancelled: 1 });
  });
  ctx.notify('schedule');
  return { id: input.id };
}
