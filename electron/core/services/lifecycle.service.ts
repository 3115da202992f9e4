/**
 * Moving a ticket through its lifecycle. Each move checks the rules of shared/domain/lifecycle, records
 * what the move carries (plan, approval, engineer, signature, follow-up answers), lands on the timeline
 * and in the audit trail, all in one transaction with the ticket's optimistic version check.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { RULES, planNeedsApproval, refusal, type Move } from '../../../shared/domain/lifecycle';
import { deskCalendar } from './official-holidays.service';
import { addMinutes } from '../../../shared/domain/time';
import { dueAfter } from '../../../shared/domain/sla';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { eventChanges } from './audit';
import { pngFromDataUrl, storeAttachment } from './attachments';
import { requireAcceptedQuote } from './fees/quotes.service';
import { planAuthor } from './ticket-progress';
import { cancelWaiting, queueCustomerMessages } from '../messaging/queue';
import { requireLoanersBack } from './loaners.service';
import { instantParam, storedValues } from '../db/instants';

export type MoveInput = ParsedInputOf<'tickets.move'>;

export interface TicketState {
  id: number;
  version: number;
  status: TicketStatus;
  assigned_to: number | null;
  needs_approval: number;
  approved_at: string | null;
  consent_at: string | null;
  paused_since: string | null;
  level: number;
}

/** Loads the ticket for a change and checks the version the caller read is still current. */
export async function lockTicket(tx: Tx, id: number, version: number): Promise<TicketState> {
  const [row] = await tx.query<TicketState>(
    'SELECT id, version, status, assigned_to, needs_approval, approved_at, consent_at, paused_since, level FROM tickets WHERE id = ?',
    [id],
  );
  if (!row) throw notFound();
  if (row.version !== version) throw conflict();
  return row;
}

/** Writes the changed columns, bumps the version, and records the timeline event with its audit entry. */
export async function applyChange(
  tx: Tx,
  ctx: CallContext,
  ticket: TicketState,
  values: Record<string, unknown>,
  event: { kind: string; to?: TicketStatus; note?: string | null; data?: unknown },
): Promise<void> {
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  const cols = Object.keys(values);
  // The ticket's values before the change: the audit entry keeps only what the change really altered.
  const before = cols.length ? ((await tx.query<Record<string, unknown>>(`SELECT ${cols.join(', ')} FROM tickets WHERE id = ?`, [ticket.id]))[0] ?? {}) : {};
  const sets = cols.map((c) => `${c} = ?, `).join('');
  const changed = await tx.run(`UPDATE tickets SET ${sets}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [
    ...Object.values(storedValues('tickets', values)),
    instantParam(at),
    by,
    ticket.id,
    ticket.version,
  ]);
  if (changed !== 1) throw conflict();
  await tx.insert('ticket_events', {
    ticket_id: ticket.id,
    at,
    actor_id: by,
    kind: event.kind,
    from_status: event.to && event.to !== ticket.status ? ticket.status : null,
    to_status: event.to && event.to !== ticket.status ? event.to : null,
    note: event.note ?? null,
    data: event.data === undefined ? null : JSON.stringify(event.data),
    // The audit entry of the change (see eventChanges): the viewer reads it with the trail.
    changes: eventChanges(ticket.status, before, values),
  });
}

/** Who may act is FORBIDDEN (as the service record says for the same engineer); the ticket's state is CONFLICT. */
const FORBIDDING = new Set(['wrongRole', 'notAssignee', 'ownPlan']);

function refuse(kind: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(FORBIDDING.has(kind) ? 'FORBIDDEN' : 'CONFLICT', { key: `move.${kind}`, params });
}

/** What each move writes besides the status. */
async function valuesFor(ctx: CallContext, tx: Tx, input: MoveInput, ticket: TicketState, at: string): Promise<Record<string, unknown>> {
  const settings = await ctx.settings.get();
  const respond = { responded_at: await firstResponse(tx, ticket.id, at) };
  switch (input.move) {
    case 'startDiagnosis':
      return { remote_guidance: input.remoteGuidance, ...respond };
    case 'submitPlan': {
      const needs = planNeedsApproval(input, settings.approvalThresholdFen);
      return {
        remote_guidance: input.remoteGuidance, service_mode: input.serviceMode, eta: input.eta, diagnosis: input.diagnosis,
        root_cause: input.rootCause, repair_plan: input.repairPlan, parts_needed: input.partsNeeded,
        touches_core_parts: input.touchesCoreParts ? 1 : 0, estimate_fen: input.estimateFen,
        needs_approval: needs ? 1 : 0, approved_at: null, approved_by: null, consent_at: null, consent_channel: null, consent_signature_id: null, ...respond,
      };
    }
    case 'approvePlan':
      return { approved_at: at, approved_by: actor(ctx).id };
    case 'dispatch': {
      const [engineer] = await tx.query('SELECT id FROM users WHERE id = ? AND active = 1 AND role = ?', [input.engineerId, 'engineer']);
      if (!engineer) throw new AppError('NOT_FOUND', { key: 'move.engineerMissing', fields: { engineerId: { key: 'error.move.engineerMissing', params: {} } } });
      return { assigned_to: input.engineerId, dispatched_at: at, contact_due_at: addMinutes(at, settings.contactWithinMinutes), contacted_at: null };
    }
    case 'startService':
      await requireAcceptedQuote(tx, ticket.id);
      return { visits: await bump(tx, ticket.id, 'visits') };
    case 'accept': {
      const signatureId = await storeAttachment(tx, ctx.dataDir, at, actor(ctx).id, {
        ticketId: ticket.id, kind: 'signature', fileName: 'acceptance-signature.png', mime: 'image/png', bytes: pngFromDataUrl(input.signature),
      });
      const followUpDue = dueAfter(at, settings.followUp.minutes, settings.followUp.basis, await deskCalendar(ctx));
      return { function_test: 'normal', satisfaction: input.satisfaction, acceptance_comments: input.comments, acceptance_signature_id: signatureId, resolved_at: at, follow_up_due_at: followUpDue };
    }
    case 'failAcceptance':
      return { function_test: 'abnormal' };
    case 'followUpSolved':
      return { followed_up_at: at, follow_up_notes: input.notes };
    case 'followUpUnsolved':
    case 'reopen':
      return { followed_up_at: input.move === 'followUpUnsolved' ? at : null, resolved_at: null, follow_up_due_at: null, closed_at: null, reopen_count: await bump(tx, ticket.id, 'reopen_count') };
    case 'archive':
      await requireLoanersBack(tx, ticket.id);
      return { closed_at: at };
    case 'cancel':
      await requireLoanersBack(tx, ticket.id);
      return {};
    case 'rejectPlan':
      return {};
  }
}

async function firstResponse(tx: Tx, id: number, at: string): Promise<string> {
  const [row] = await tx.query<{ responded_at: string | null }>('SELECT responded_at FROM tickets WHERE id = ?', [id]);
  return row?.responded_at ?? at;
}

async function bump(tx: Tx, id: number, column: 'visits' | 'reopen_count'): Promise<number> {
  const [row] = await tx.query<Record<string, number>>(`SELECT ${column} AS n FROM tickets WHERE id = ?`, [id]);
  return (row?.n ?? 0) + 1;
}

function destination(input: MoveInput, values: Record<string, unknown>, to: TicketStatus): TicketStatus {
  if (input.move === 'submitPlan' && values.needs_approval === 1) return 'awaiting_approval';
  return to;
}

const NOTE_OF: Partial<Record<Move, (i: MoveInput) => string>> = {
  rejectPlan: (i) => ('reason' in i ? i.reason : ''),
  failAcceptance: (i) => ('reason' in i ? i.reason : ''),
  followUpUnsolved: (i) => ('reason' in i ? i.reason : ''),
  cancel: (i) => ('reason' in i ? i.reason : ''),
  reopen: (i) => ('reason' in i ? i.reason : ''),
};

/**
 * Who moves the ticket. `register`: the returned device's move carries the ticket along (return-ticket.service):
 * the register's own role rule authorised it, so the lifecycle's role and assignee rules give way, its states,
 * pauses and plan gates do not.
 */
export type MoveAuthority = 'user' | 'register';

/** One move inside the caller's transaction: the rules, what it records, the timeline and the audit. */
export async function performMove(tx: Tx, ctx: CallContext, ticket: TicketState, input: MoveInput, by: MoveAuthority = 'user', note: string | null = null): Promise<TicketStatus> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const ownPlan = by === 'user' && input.move === 'approvePlan' && (await planAuthor(tx, ticket.id)) === me.id;
  const plan = { needsApproval: Boolean(ticket.needs_approval), approved: ticket.approved_at !== null, consented: ticket.consent_at !== null, ownPlan };
  const who = by === 'register' ? { role: 'admin' as const, isAssignee: true } : { role: me.role, isAssignee: ticket.assigned_to === me.id };
  const why = refusal({ move: input.move, status: ticket.status, ...who, reason: 'reason' in input ? input.reason : 'n/a', plan });
  if (why) throw refuse(why, { status: ticket.status });
  if (ticket.paused_since && input.move !== 'cancel') throw refuse('paused');
  const values = await valuesFor(ctx, tx, input, ticket, at);
  const to = destination(input, values, RULES[input.move].to);
  const data = input.move === 'followUpSolved' ? { attitudeOk: input.attitudeOk, satisfaction: input.satisfaction } : input.move === 'dispatch' ? { engineerId: input.engineerId } : undefined;
  await applyChange(tx, ctx, ticket, { ...values, status: to }, { kind: input.move, to, note: NOTE_OF[input.move]?.(input) ?? note, data });
  await messagesOfMove(tx, ctx, ticket, input.move, values, at);
  return to;
}

/** The customer hears of the close (with a satisfaction request); the follow-up reminder waits for its due time. */
async function messagesOfMove(tx: Tx, ctx: CallContext, ticket: TicketState, move: Move, values: Record<string, unknown>, at: string): Promise<void> {
  const cause = `ticket-${ticket.id}-v${ticket.version + 1}`;
  if (move === 'archive') await queueCustomerMessages(tx, ctx, { event: 'closed', ticketId: ticket.id, cause });
  if (move === 'accept') await queueCustomerMessages(tx, ctx, { event: 'followUp', ticketId: ticket.id, cause, notBefore: values.follow_up_due_at as string });
  if (move === 'followUpSolved' || move === 'followUpUnsolved' || move === 'cancel') await cancelWaiting(tx, ticket.id, 'followUp', at);
}

export async function moveTicket(ctx: CallContext, input: MoveInput): Promise<{ id: number; status: TicketStatus }> {
  const status = await ctx.db.write(async (tx) => performMove(tx, ctx, await lockTicket(tx, input.id, input.version), input));
  ctx.notify('tickets');
  return { id: input.id, status };
}
