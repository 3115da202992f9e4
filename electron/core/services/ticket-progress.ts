/** The lifecycle part of a ticket's detail: plan, approval, dispatch, acceptance, follow-up, pause, moves. */
import { availableMoves } from '../../../shared/domain/lifecycle';
import type { AttachmentInfo, TicketProgress, TicketStatus } from '../../../shared/domain/ticket';
import type { PartUnit } from '../../../shared/domain/parts';
import type { SessionUser } from '../../../shared/domain/user';
import type { Db } from '../db/db';
import { bool } from './sql';
import { followUpHistory } from './follow-up.service';

type Row = Record<string, unknown>;

/** Who submitted the ticket's latest plan (the supervisor who did may not approve it). */
export async function planAuthor(db: Pick<Db, 'query'>, ticketId: number): Promise<number | null> {
  const [row] = await db.query<{ actor_id: number | null }>("SELECT actor_id FROM ticket_events WHERE ticket_id = ? AND kind = 'submitPlan' ORDER BY id DESC LIMIT 1", [ticketId]);
  return row?.actor_id ?? null;
}

export async function progressOf(db: Db, r: Row, user: SessionUser | null): Promise<TicketProgress> {
  const [assignee] = r.assigned_to ? await db.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', [r.assigned_to]) : [];
  const attachments = await db.query<{ id: number; kind: AttachmentInfo['kind']; file_name: string; mime: string; size: number; created_at: string }>(
    'SELECT id, kind, file_name, mime, size, created_at FROM attachments WHERE ticket_id = ? ORDER BY id',
    [r.id],
  );
  const parts = await db.query<{ id: number; part_name: string; part_model: string; quantity: number; unit: PartUnit; serial: string; old_part_recovered: number; part_id: number | null }>(
    'SELECT id, part_name, part_model, quantity, unit, serial, old_part_recovered, part_id FROM ticket_parts WHERE ticket_id = ? ORDER BY id',
    [r.id],
  );
  const [customer] = await db.query<{ address: string }>('SELECT address FROM customers WHERE id = ?', [r.customer_id]);
  const text = (k: string) => (r[k] as string | null) ?? '';
  const maybe = (k: string) => (r[k] as string | null) ?? null;
  const isAssignee = user !== null && r.assigned_to === user.id;
  const ownPlan = user !== null && r.status === 'awaiting_approval' && (await planAuthor(db, r.id as number)) === user.id;
  return {
    level: r.level as number,
    assignedTo: r.assigned_to ? { id: r.assigned_to as number, name: assignee?.display_name ?? '' } : null,
    remoteGuidance: text('remote_guidance'),
    serviceMode: maybe('service_mode') as TicketProgress['serviceMode'],
    eta: maybe('eta'),
    diagnosis: text('diagnosis'),
    rootCause: text('root_cause'),
    repairPlan: text('repair_plan'),
    partsNeeded: text('parts_needed'),
    touchesCoreParts: bool(r.touches_core_parts),
    estimateFen: r.estimate_fen as number,
    needsApproval: bool(r.needs_approval),
    approvedAt: maybe('approved_at'),
    consentAt: maybe('consent_at'),
    consentChannel: maybe('consent_channel'),
    dispatchedAt: maybe('dispatched_at'),
    contactDueAt: maybe('contact_due_at'),
    contactedAt: maybe('contacted_at'),
    respondedAt: maybe('responded_at'),
    resolvedAt: maybe('resolved_at'),
    functionTest: maybe('function_test') as TicketProgress['functionTest'],
    satisfaction: maybe('satisfaction'),
    acceptanceComments: text('acceptance_comments'),
    followUpDueAt: maybe('follow_up_due_at'),
    followedUpAt: maybe('followed_up_at'),
    followUpAttempts: await followUpHistory(db, r.id as number),
    closedAt: maybe('closed_at'),
    pausedSince: maybe('paused_since'),
    pauseReason: maybe('pause_reason') as TicketProgress['pauseReason'],
    visits: r.visits as number,
    visitAddress: customer?.address ?? '',
    reopenCount: r.reopen_count as number,
    serviceSteps: text('service_steps'),
    serviceProblems: text('service_problems'),
    parts: parts.map((p) => ({ id: p.id, partName: p.part_name, partModel: p.part_model, quantity: p.quantity, unit: p.unit, serial: p.serial, oldPartRecovered: bool(p.old_part_recovered), partId: p.part_id })),
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, fileName: a.file_name, mime: a.mime, size: a.size, createdAt: a.created_at })),
    moves: user && !r.paused_since ? availableMoves(r.status as TicketStatus, user.role, isAssignee, { needsApproval: bool(r.needs_approval), approved: r.approved_at !== null, consented: r.consent_at !== null, ownPlan }) : [],
  };
}
