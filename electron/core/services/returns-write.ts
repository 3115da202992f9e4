/**
 * Writing a returned-device record: the lock with the optimistic version check, and the change with its version
 * bump, timeline event and audit entry. Shared by the register's service and by the quote consent that moves a
 * device waiting for the customer's answer on (one fact, recorded once).
 */
import type { ReturnState } from '../../../shared/domain/returns';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { conflict, notFound } from '../errors';
import { audit } from './audit';

export interface LockedReturn {
  id: number;
  version: number;
  number: string;
  state: ReturnState;
  ticket_id: number;
  accessories: string;
  fault_stated: string;
}

export async function lockReturn(tx: Tx, id: number, version: number): Promise<LockedReturn> {
  const [row] = await tx.query<LockedReturn>('SELECT id, version, number, state, ticket_id, accessories, fault_stated FROM returned_devices WHERE id = ?', [id]);
  if (!row) throw notFound();
  if (row.version !== version) throw conflict();
  return row;
}

/** Writes the changed columns with the version bump, the timeline event and the audit entry. */
export async function changeReturn(
  tx: Tx,
  ctx: CallContext,
  rec: LockedReturn,
  values: Record<string, unknown>,
  event: { kind: string; to?: ReturnState; note?: string | null; data?: unknown },
): Promise<void> {
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  const sets = Object.keys(values).map((c) => `${c} = ?, `).join('');
  const changed = await tx.run(`UPDATE returned_devices SET ${sets}updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [
    ...Object.values(values),
    at,
    by,
    rec.id,
    rec.version,
  ]);
  if (changed !== 1) throw conflict();
  const moved = event.to !== undefined && event.to !== rec.state;
  await tx.insert('returned_device_events', {
    returned_device_id: rec.id,
    at,
    actor_id: by,
    kind: event.kind,
    from_status: moved ? rec.state : null,
    to_status: moved ? event.to : null,
    note: event.note ?? null,
    data: event.data === undefined ? null : JSON.stringify(event.data),
  });
  await audit(tx, at, by, 'returned_devices', rec.id, 'update', { state: rec.state }, values);
}

/** The customer accepted the ticket's quote: devices of the ticket waiting for that answer go on to repair. */
export async function approveWaitingReturns(tx: Tx, ctx: CallContext, ticketId: number, quoteId: number): Promise<void> {
  const waiting = await tx.query<{ id: number; version: number }>("SELECT id, version FROM returned_devices WHERE ticket_id = ? AND state = 'waiting_quote'", [ticketId]);
  for (const w of waiting) {
    await changeReturn(tx, ctx, await lockReturn(tx, w.id, w.version), { state: 'repairing' }, { kind: 'quoteApproved', to: 'repairing', data: { quoteId } });
  }
}
