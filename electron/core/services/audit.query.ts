/** The admin's audit viewer: the trail filtered by user, record, action, date and changed text, newest first. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import type { AuditEntry } from '../../../shared/domain/data-safety';
import { referenceName, referenceOf, type ReferenceKind } from '../../../shared/domain/audit-fields';
import { zonedInstant } from '../../../shared/domain/calendar';
import type { CallContext } from '../context';
import { likeEscape } from './sql';

const DAY = 86_400_000;

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  entity: string;
  entity_id: number;
  action: string;
  changes: string;
}

export async function listAudit(ctx: CallContext, input: ParsedInputOf<'audit.list'>): Promise<Page<AuditEntry>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.actorId !== null) {
    where.push('a.actor_id = ?');
    params.push(input.actorId);
  }
  if (input.entity) {
    where.push('a.entity = ?');
    params.push(input.entity);
  }
  if (input.entityId !== null) {
    where.push('a.entity_id = ?');
    params.push(input.entityId);
  }
  if (input.action) {
    where.push('a.action = ?');
    params.push(input.action);
  }
  const { timeZone } = await ctx.settings.get();
  // Desk-local days to UTC instants; times are stored as UTC ISO-8601, so text comparison orders them.
  if (input.from) {
    where.push('a.at >= ?');
    params.push(new Date(zonedInstant(input.from, '00:00', timeZone)).toISOString());
  }
  if (input.to) {
    where.push('a.at < ?');
    params.push(new Date(zonedInstant(input.to, '00:00', timeZone) + DAY).toISOString());
  }
  if (input.q) {
    // Only as a bound parameter with wildcards escaped: SQL-looking text is just text here.
    where.push("a.changes LIKE ? ESCAPE '\\'");
    params.push(`%${likeEscape(input.q)}%`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log a ${clause}`, params))?.n ?? 0;
  const rows = await ctx.db.query<AuditRow>(
    `SELECT a.id, a.at, a.actor_id, u.display_name AS actor_name, a.entity, a.entity_id, a.action, a.changes
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${clause} ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?`,
    [...params, input.pageSize, (input.page - 1) * input.pageSize],
  );
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: parseChanges(r.changes),
    names: {} as Record<string, string>,
  }));
  const names = await referencedNames(ctx, entries);
  for (const e of entries) {
    for (const [field, pair] of Object.entries(e.changes)) {
      const kind = referenceOf(field);
      if (!kind || !Array.isArray(pair)) continue;
      for (const id of pair) {
        const name = names.get(referenceName(kind, id));
        if (name !== undefined) e.names[referenceName(kind, id)] = name;
      }
    }
  }
  return {
    rows: entries,
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** How each kind of referenced record is named in the trail: a user by name, a model by code and name, … */
const NAMES: Record<ReferenceKind, string> = {
  user: 'SELECT id, display_name AS name FROM users',
  customer: 'SELECT id, name FROM customers',
  model: "SELECT id, code || ' ' || name AS name FROM product_models",
  device: 'SELECT id, serial AS name FROM devices',
  ticket: 'SELECT id, number AS name FROM tickets',
};

/** The names of every record the page's changes point at, a query per kind of record. */
async function referencedNames(ctx: CallContext, entries: { changes: Record<string, [unknown, unknown]> }[]): Promise<Map<string, string>> {
  const ids = new Map<ReferenceKind, Set<number>>();
  for (const e of entries) {
    for (const [field, pair] of Object.entries(e.changes)) {
      const kind = referenceOf(field);
      if (!kind || !Array.isArray(pair)) continue;
      for (const id of pair) if (Number.isSafeInteger(id)) (ids.get(kind) ?? ids.set(kind, new Set()).get(kind)!).add(id as number);
    }
  }
  const out = new Map<string, string>();
  for (const [kind, set] of ids) {
    const list = [...set];
    const rows = await ctx.db.query<{ id: number; name: string }>(`${NAMES[kind]} WHERE id IN (${list.map(() => '?').join(',')})`, list);
    for (const r of rows) out.set(referenceName(kind, r.id), r.name);
  }
  return out;
}

function parseChanges(text: string): Record<string, [unknown, unknown]> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, [unknown, unknown]>) : {};
  } catch {
    return {};
  }
}
