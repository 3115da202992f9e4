/**
 * What the audit trail needs to know about the call a write runs in, without every service passing it on:
 * which desk or phone made it (its paired name and address over the LAN; null on the host PC itself).
 * The dispatcher runs each handler in this scope; rows of the trail (audit_log, ticket_events) take the
 * label from it when they are inserted (db/db.ts), so no service, present or future, can forget it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from './db/db';

interface CallScope {
  clientLabel: string | null;
  /** Called by the first write transaction of the call, inside it (the idempotency key's claim). */
  onFirstWrite?: (tx: Tx) => Promise<void>;
  /** Set once a write of the call committed. */
  wrote: boolean;
}

export const callScope = new AsyncLocalStorage<CallScope>();

export const AUDIT_TABLES = new Set(['audit_log', 'ticket_events']);

/** The label of the desk making the current call, for a row of the audit trail. */
export function currentClientLabel(): string | null {
  return callScope.getStore()?.clientLabel ?? null;
}
