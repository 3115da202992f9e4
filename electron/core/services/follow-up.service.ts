/**
 * Follow-up calls that did not reach their answers (issue 21): 未接通 (nobody answered) and 改约 (the customer
 * asked for another time, which becomes the follow-up's due time). Each attempt lands on the ticket's
 * timeline and in its follow-up history; the call that reaches the customer is the followUpSolved /
 * followUpUnsolved move.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { FollowUpAttempt } from '../../../shared/domain/ticket';
import { AppError } from '../errors';
import { type CallContext } from '../context';
import type { Db } from '../db/db';
import { applyChange, lockTicket } from './lifecycle.service';

const EVENT_OF = { noAnswer: 'followUpNoAnswer', rescheduled: 'followUpRescheduled' } as const;

/** The timeline events that make up a ticket's follow-up history, oldest first. */
const HISTORY_KINDS = ['followUpNoAnswer', 'followUpRescheduled', 'followUpSolved', 'followUpUnsolved'];

export async function recordFollowUpAttempt(ctx: CallContext, input: ParsedInputOf<'tickets.followUpAttempt'>): Promise<{ id: number }> {
  const at = ctx.now().toISOString();
  if (input.nextAt !== null && Date.parse(input.nextAt) <= Date.parse(at)) {
    throw new AppError('VALIDATION', { fields: { nextAt: { key: 'validation.nextCallFuture', params: {} } } });
  }
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (t.status !== 'accepted') throw new AppError('CONFLICT', { key: 'move.wrongState', params: { status: t.status } });
    const nextAt = input.outcome === 'rescheduled' ? input.nextAt : null;
    const values = nextAt ? { follow_up_due_at: new Date(nextAt).toISOString() } : {};
    await applyChange(tx, ctx, t, values, { kind: EVENT_OF[input.outcome], note: input.note || null, data: { nextAt: values.follow_up_due_at ?? null } });
  });
  ctx.notify('tickets');
  return { id: input.id };
}

/** Every follow-up call on the ticket: attempts and the call that got the answers. */
export async function followUpHistory(db: Db, ticketId: number): Promise<FollowUpAttempt[]> {
  const rows = await db.query<{ at: string; kind: string; note: string | null; data: string | null; actor_name: string }>(
    `SELECT e.at, e.kind, e.note, e.data, u.display_name AS actor_name FROM ticket_events e JOIN users u ON u.id = e.actor_id
      WHERE e.ticket_id = ? AND e.kind IN (${HISTORY_KINDS.map(() => '?').join(', ')}) ORDER BY e.id`,
    [ticketId, ...HISTORY_KINDS],
  );
  return rows.map((r) => ({
    at: r.at,
    actorName: r.actor_name,
    kind: r.kind as FollowUpAttempt['kind'],
    nextAt: r.data ? ((JSON.parse(r.data) as { nextAt?: string | null }).nextAt ?? null) : null,
    note: r.note ?? '',
  }));
}
