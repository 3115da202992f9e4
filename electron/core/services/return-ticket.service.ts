/**
 * The returned device carries its ticket along (shared/domain/return-ticket.ts): inside the register move's
 * transaction the ticket takes the lifecycle's own moves, so its timeline, audit and clocks read as if made on
 * the ticket, each noted with the slip number. Where a gate stops the way (a plan waiting for the supervisor or
 * the customer, an out-of-warranty quote not yet accepted, no engineer to dispatch) the ticket stays at the last
 * state it reached and the answer says why; the register's move itself still happens.
 */
import type { SATISFACTION } from '../../../shared/api/lifecycle.schema';
import { ticketCatchUp, type CarryHold, type TicketCarried } from '../../../shared/domain/return-ticket';
import type { ReturnState } from '../../../shared/domain/returns';
import type { Move } from '../../../shared/domain/lifecycle';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { translate } from '../../../shared/i18n/translate';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { AppError } from '../errors';
import { lockTicket, performMove, type MoveInput, type TicketState } from './lifecycle.service';

export interface Carry {
  returnId: number;
  returnNumber: string;
  faultStated: string;
  /** Hand-back: the pickup signature stands for the acceptance signature, with the customer's satisfaction. */
  signature?: string;
  satisfaction?: (typeof SATISFACTION)[number] | null;
}

/** Gates of the lifecycle that stop the way without failing the register's move. */
const GATES: Record<string, CarryHold> = {
  'move.needsApproval': 'awaitsApproval',
  'move.needsConsent': 'needsConsent',
  'fees.quoteNotAccepted': 'quoteNotAccepted',
  'move.engineerMissing': 'noEngineer',
  'move.paused': 'paused',
};

async function currentTicket(tx: Tx, id: number): Promise<TicketState> {
  const [row] = await tx.query<{ version: number }>('SELECT version FROM tickets WHERE id = ?', [id]);
  return lockTicket(tx, id, row?.version ?? -1);
}

/** The moves a hand-back would make on the ticket now (the record's page asks for satisfaction when `accept` is among them). */
export async function movesAhead(tx: Pick<Tx, 'query'>, ticketId: number, step: ReturnState): Promise<Move[]> {
  const [t] = await tx.query<{ status: TicketStatus; paused_since: string | null }>('SELECT status, paused_since FROM tickets WHERE id = ?', [ticketId]);
  if (!t) return [];
  const plan = ticketCatchUp(step, t.status, t.paused_since !== null);
  return plan.kind === 'advance' ? plan.moves : [];
}

/** The engineer who did the work: the caller when an engineer, else the last engineer who moved the device. */
async function engineerOf(tx: Tx, ctx: CallContext, returnId: number): Promise<number> {
  const me = actor(ctx);
  if (me.role === 'engineer') return me.id;
  const [last] = await tx.query<{ id: number }>(
    `SELECT u.id FROM returned_device_events e JOIN users u ON u.id = e.actor_id
     WHERE e.returned_device_id = ? AND u.role = 'engineer' AND u.active = 1 ORDER BY e.id DESC LIMIT 1`,
    [returnId],
  );
  return last?.id ?? 0;
}

async function inputFor(tx: Tx, ctx: CallContext, t: TicketState, move: Move, carry: Carry): Promise<MoveInput> {
  const target = { id: t.id, version: t.version };
  const words = (key: string) => translate(ctx.client.locale, `returnCarry.${key}`, { number: carry.returnNumber, fault: carry.faultStated });
  switch (move) {
    case 'startDiagnosis':
      return { ...target, move, remoteGuidance: '' };
    case 'submitPlan': {
      const [quote] = await tx.query<{ total_fen: number }>("SELECT total_fen FROM quotes WHERE ticket_id = ? AND status = 'accepted' ORDER BY revision DESC LIMIT 1", [t.id]);
      return {
        ...target, move, remoteGuidance: '', serviceMode: 'depot', eta: null, diagnosis: words('diagnosis'), rootCause: '', repairPlan: words('plan'),
        partsNeeded: '', touchesCoreParts: false, estimateFen: quote?.total_fen ?? 0,
      };
    }
    case 'dispatch':
      return { ...target, move, engineerId: await engineerOf(tx, ctx, carry.returnId) };
    case 'startService':
      return { ...target, move };
    case 'accept':
      return { ...target, move, satisfaction: carry.satisfaction ?? 'satisfied', comments: '', signature: carry.signature ?? '' };
    default:
      throw new Error(`the register never carries a ticket by ${move}`);
  }
}

/** Brings the linked ticket to where the register's `step` says it is, move by move, inside the caller's transaction. */
export async function carryTicket(tx: Tx, ctx: CallContext, ticketId: number, step: ReturnState, carry: Carry): Promise<TicketCarried> {
  let ticket = await currentTicket(tx, ticketId);
  const plan = ticketCatchUp(step, ticket.status, ticket.paused_since !== null);
  if (plan.kind === 'hold') return { status: ticket.status, held: plan.why === 'alreadyThere' || plan.why === 'further' ? null : plan.why };
  for (const move of plan.moves) {
    try {
      await performMove(tx, ctx, ticket, await inputFor(tx, ctx, ticket, move, carry), 'register', carry.returnNumber);
    } catch (e) {
      const held = e instanceof AppError ? GATES[e.detail?.key ?? ''] : undefined;
      if (!held) throw e;
      return { status: ticket.status, held };
    }
    ticket = await currentTicket(tx, ticketId);
    if (ticket.status === 'awaiting_approval') return { status: ticket.status, held: 'awaitsApproval' };
  }
  return { status: ticket.status, held: null };
}
