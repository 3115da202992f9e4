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

/** Columns that every insert of a tracked row sets. */
export function created(at: string, actorId: number | null) {
  return { created_at: at, updated_at: at, created_by: actorId, updated_by: actorId, version: 1 };
}
