/** The audit trail: every change to user-edited data records who, when, and each field before and after. */
import type { Tx } from '../db/db';

type Values = Record<string, unknown>;
/** Any plain record: rows, DTOs, settings. */
type Fields = object;

/** Fields of `after` (or of `before` when removed) whose value differs, as { field: [before, after] }; secrets are never copied into the trail. */
export function changesBetween(beforeFields: Fields | null, afterFields: Fields | null): Record<string, [unknown, unknown]> {
  const before = beforeFields as Values | null;
  const after = afterFields as Values | null;
  const out: Record<string, [unknown, unknown]> = {};
  const keys = Object.keys(after ?? before ?? {});
  for (const key of keys) {
    if (key === 'passwordHash' || key === 'password_hash' || key === 'version' || key.startsWith('updated')) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a, b];
  }
  return out;
}

export async function audit(
  tx: Tx,
  at: string,
  actorId: number | null,
  entity: string,
  entityId: number,
  action: 'create' | 'update' | 'login' | 'lockout' | 'password' | 'restore',
  before: Fields | null,
  after: Fields | null,
): Promise<void> {
  await tx.insert('audit_log', {
    at,
    actor_id: actorId,
    entity,
    entity_id: entityId,
    action,
    // A creation's values are the row itself (and every later update records them as "before"):
    // copying them here would double the database (at 1M tickets, the trail was half of it).
    changes: JSON.stringify(action === 'create' ? {} : changesBetween(before, after)),
  });
}

/**
 * A ticket change's audit entry lives on its timeline event (ticket_events.changes) instead of a row of its own:
 * the event already holds when, who, the ticket and the status move, and a million tickets' moves would
 * otherwise add millions of audit rows and three index entries each. The event keeps { field: after } for each
 * field whose value the change really altered (`before` is the ticket as it was), and the status pair is its
 * from_status and to_status; the trail shows a before of null, as it always has for these entries.
 * A ticket's creation is its `created` event with the entry `{}` (see CREATION_CHANGES).
 */
export function eventChanges(fromStatus: string, before: Fields, values: Fields): string {
  const { status: _moved, ...rest } = changesBetween({ ...before, status: fromStatus }, values);
  return JSON.stringify(Object.fromEntries(Object.entries(rest).map(([field, [, after]]) => [field, after])));
}

/**
 * The audit entry of a ticket's creation, kept on its `created` timeline event: as for every creation, the
 * values are the row itself (see `audit`), and who and when are the event's.
 */
export const CREATION_CHANGES = '{}';

/** The changes an event's stored entry stands for, exactly as `audit` would have written them. */
export function changesOfEvent(stored: string, fromStatus: string | null, toStatus: string | null): Record<string, [unknown, unknown]> {
  const values = JSON.parse(stored) as Values;
  const out: Record<string, [unknown, unknown]> = {};
  for (const [field, after] of Object.entries(values)) out[field] = [null, after];
  if (fromStatus !== null) out.status = [fromStatus, toStatus];
  return out;
}

const STATUS_SQL = `'"status":["' || e.from_status || '","' || e.to_status || '"]'`;
/** An event's entry as the trail writes it, rebuilt in SQL (json_quote escapes as JSON.stringify does). */
const EXACT_SQL = `((SELECT '{' || coalesce(group_concat(json_quote(key) || ':[null,' || CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
    WHEN 'null' THEN 'null' WHEN 'object' THEN value WHEN 'array' THEN value ELSE json_quote(value) END || ']', ','), '') FROM json_each(e.changes))
  || CASE WHEN e.from_status IS NULL THEN '' ELSE CASE WHEN e.changes = '{}' THEN '' ELSE ',' END || ${STATUS_SQL} END || '}')`;

/**
 * The text of an event's entry that the trail's text search (LIKE, case-blind in ASCII) reads. The stored text
 * differs from the trail's only by the punctuation around each value (`:[null,` … `]`) and where the status pair
 * sits, so a search with none of `{}[],:` that is no part of "null" finds the same rows in the stored text and
 * the status pair, three times faster than in the rebuilt text that any other search reads.
 */
export function eventSearchSql(q: string): string {
  const plain = !/[{}[\],:]/.test(q) && !'null'.includes(q.toLowerCase());
  return plain ? `(e.changes || coalesce(${STATUS_SQL}, ''))` : EXACT_SQL;
}

/** Columns that every insert of a tracked row sets. */
export function created(at: string, actorId: number | null) {
  return { created_at: at, updated_at: at, created_by: actorId, updated_by: actorId, version: 1 };
}
