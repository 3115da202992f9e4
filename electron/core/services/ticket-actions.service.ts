/**
 * What happens to a ticket besides status moves: the customer's consent to a plan, pausing the clock
 * while waiting for the customer or for parts (deadlines move by the pause), escalation L1 → L3,
 * the engineer's first contact with the customer, and free notes. Each lands on the timeline.
 */
import { queueEscalated } from '../messaging/team';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { deskCalendar } from './official-holidays.service';
import { deadlines } from '../../../shared/domain/sla';
import type { Interval } from '../../../shared/domain/calendar';
import type { ProblemType, Urgency } from '../../../shared/domain/ticket';
import { PAUSABLE } from '../../../shared/domain/lifecycle';
import { AppError } from '../errors';
import { actor, type CallContext } from '../context';
import { applyChange, lockTicket } from './lifecycle.service';
import { pngFromDataUrl, storeAttachment } from './attachments';

type Done = { id: number };

const FINISHED = ['closed', 'cancelled'];

function refuse(key: string): AppError {
  return new AppError('CONFLICT', { key: `move.${key}` });
}

export async function recordConsent(ctx: CallContext, input: ParsedInputOf<'tickets.consent'>): Promise<Done> {
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (!['planning', 'awaiting_approval'].includes(t.status)) throw refuse('noPlan');
    const signatureId = input.signature
      ? await storeAttachment(tx, ctx.dataDir, at, actor(ctx).id, { ticketId: t.id, kind: 'signature', fileName: 'consent-signature.png', mime: 'image/png', bytes: pngFromDataUrl(input.signature) })
      : null;
    await applyChange(tx, ctx, t, { consent_at: at, consent_channel: input.channel, consent_signature_id: signatureId }, { kind: 'consent', note: input.note || null, data: { channel: input.channel } });
  });
  ctx.notify('tickets');
  return { id: input.id };
}

export async function pauseClock(ctx: CallContext, input: ParsedInputOf<'tickets.pause'>): Promise<Done> {
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (t.paused_since) throw refuse('alreadyPaused');
    if (FINISHED.includes(t.status)) throw refuse('finished');
    if (!PAUSABLE.includes(t.status)) throw refuse('clockStopped');
    await tx.insert('ticket_pauses', { ticket_id: t.id, from_at: at, to_at: null, reason: input.reason });
    await applyChange(tx, ctx, t, { paused_since: at, pause_reason: input.reason }, { kind: 'paused', note: input.note || null, data: { reason: input.reason } });
  });
  ctx.notify('tickets');
  return { id: input.id };
}

/** Resuming closes the pause and moves both deadlines by every pause so far. */
export async function resumeClock(ctx: CallContext, input: ParsedInputOf<'tickets.resume'>): Promise<Done> {
  const at = ctx.now().toISOString();
  const settings = await ctx.settings.get();
  const calendar = await deskCalendar(ctx);
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (!t.paused_since) throw refuse('notPaused');
    await tx.run('UPDATE ticket_pauses SET to_at = ? WHERE ticket_id = ? AND to_at IS NULL', [at, t.id]);
    const pauses = await tx.query<{ from_at: string; to_at: string }>('SELECT from_at, to_at FROM ticket_pauses WHERE ticket_id = ?', [t.id]);
    const [clock] = await tx.query<{ reported_at: string; urgency: Urgency; problem_type: ProblemType }>('SELECT reported_at, urgency, problem_type FROM tickets WHERE id = ?', [t.id]);
    const intervals: Interval[] = pauses.map((p) => ({ from: Date.parse(p.from_at), to: Date.parse(p.to_at) }));
    const due = deadlines({ reportedAt: clock!.reported_at, urgency: clock!.urgency, problemType: clock!.problem_type }, settings.sla, calendar, intervals);
    await applyChange(tx, ctx, t, { paused_since: null, pause_reason: null, response_due_at: due.responseDueAt, resolve_due_at: due.resolveDueAt }, { kind: 'resumed' });
  });
  ctx.notify('tickets');
  return { id: input.id };
}

export async function escalate(ctx: CallContext, input: ParsedInputOf<'tickets.escalate'>): Promise<Done> {
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (t.level >= 3) throw refuse('topLevel');
    if (FINISHED.includes(t.status)) throw refuse('finished');
    await applyChange(tx, ctx, t, { level: t.level + 1 }, { kind: 'escalated', note: input.reason, data: { level: t.level + 1 } });
    await queueEscalated(tx, ctx, t.id, t.level + 1, input.reason);
  });
  ctx.notify('tickets');
  return { id: input.id };
}

export async function recordContact(ctx: CallContext, input: ParsedInputOf<'tickets.contact'>): Promise<Done> {
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (FINISHED.includes(t.status)) throw refuse('finished');
    await applyChange(tx, ctx, t, { contacted_at: at }, { kind: 'contacted', note: input.note || null });
  });
  return { id: input.id };
}

/** Notes are allowed on archived tickets too: that is how a supervisor records a correction. */
export async function addNote(ctx: CallContext, input: ParsedInputOf<'tickets.note'>): Promise<Done> {
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    const kind = FINISHED.includes(t.status) ? 'correction' : 'note';
    if (kind === 'correction' && !['supervisor', 'admin'].includes(actor(ctx).role)) throw new AppError('FORBIDDEN', { key: 'move.archived' });
    await applyChange(tx, ctx, t, {}, { kind, note: input.note });
  });
  return { id: input.id };
}
