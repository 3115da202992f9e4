/** The admin's audit viewer: the trail filtered by user, record, action, date and changed text, newest first. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import type { AuditEntry } from '../../../shared/domain/data-safety';
import { referenceName, referenceOf, type ReferenceKind } from '../../../shared/domain/audit-fields';
import { zonedInstant } from '../../../shared/domain/calendar';
import type { CallContext } from '../context';
import { likeEscape } from './sql';
import { changesOfEvent, eventSearchSql } from './audit';

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
  /** An event's status move; null for the trail's own rows. */
  from_status: string | null;
  to_status: string | null;
  client: string | null;
}

/** One source of the trail: its columns as the viewer reads them, and the conditions of the filters. */
interface Arm {
  from: string;
  cols: { id: string; seq: string; at: string; actor: string; entity: string; entityId: string; action: string; changes: string; search: (q: string) => string; from: string; to: string };
  always: string[];
}

/** The trail's own rows, and ticket creations and changes kept on their timeline events (see services/audit.ts eventChanges). */
const ARMS: Arm[] = [
  {
    from: 'audit_log a',
    cols: { id: 'a.id', seq: 'a.id', at: 'a.at', actor: 'a.actor_id', entity: 'a.entity', entityId: 'a.entity_id', action: 'a.action', changes: 'a.changes', search: () => 'a.changes', from: 'NULL', to: 'NULL' },
    always: [],
  },
  {
    from: 'ticket_events e',
    // Negative ids keep an event's entry apart from the trail's own rows; the order of writing is the event's.
    cols: { id: '-e.id', seq: 'e.id', at: 'e.at', actor: 'e.actor_id', entity: "'tickets'", entityId: 'e.ticket_id', action: "CASE e.kind WHEN 'created' THEN 'create' ELSE 'update' END", changes: 'e.changes', search: eventSearchSql, from: 'e.from_status', to: 'e.to_status' },
    always: ['e.changes IS NOT NULL'],
  },
];

/** The filters as conditions on one source's columns. */
async function conditions(ctx: CallContext, input: ParsedInputOf<'audit.list'>, arm: Arm): Promise<{ where: string; params: unknown[] }> {
  const { cols } = arm;
  const where = [...arm.always];
  const params: unknown[] = [];
  const when = (sql: string, value: unknown) => {
    where.push(sql);
    params.push(value);
  };
  if (input.actorId !== null) when(`${cols.actor} = ?`, input.actorId);
  if (input.entity) when(`${cols.entity} = ?`, input.entity);
  if (input.entityId !== null) when(`${cols.entityId} = ?`, input.entityId);
  if (input.action) when(`${cols.action} = ?`, input.action);
  const { timeZone } = await ctx.settings.get();
  // Desk-local days to UTC instants; the trail keeps its times as milliseconds (db/instants.ts).
  if (input.from) when(`${cols.at} >= ?`, zonedInstant(input.from, '00:00', timeZone));
  if (input.to) when(`${cols.at} < ?`, zonedInstant(input.to, '00:00', timeZone) + DAY);
  // Only as a bound parameter with wildcards escaped: SQL-looking text is just text here.
  if (input.q) when(`${cols.search(input.q)} LIKE ? ESCAPE '\\'`, `%${likeEscape(input.q)}%`);
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

export async function listAudit(ctx: CallContext, input: ParsedInputOf<'audit.list'>): Promise<Page<AuditEntry>> {
  const arms = await Promise.all(ARMS.map(async (arm) => ({ arm, ...(await conditions(ctx, input, arm)) })));
  const counts = arms.map((a) => `(SELECT COUNT(*) FROM ${a.arm.from} ${a.where})`).join(' + ');
  const total = (await ctx.db.get<{ n: number }>(`SELECT ${counts} AS n`, arms.flatMap((a) => a.params)))?.n ?? 0;
  const selects = arms.map(({ arm: { from, cols }, where }) => {
    const c = cols;
    return `SELECT ${c.id} AS id, ${c.seq} AS seq, ${c.at} AS at, ${c.actor} AS actor_id, u.display_name AS actor_name, ${c.entity} AS entity,
        ${c.entityId} AS entity_id, ${c.action} AS action, ${c.changes} AS changes, ${c.from} AS from_status, ${c.to} AS to_status, ${from.slice(-1)}.client AS client
      FROM ${from} LEFT JOIN users u ON u.id = ${c.actor} ${where}`;
  });
  const rows = await ctx.db.query<AuditRow>(`${selects.join(' UNION ALL ')} ORDER BY at DESC, seq DESC, id DESC LIMIT ? OFFSET ?`, [
    ...arms.flatMap((a) => a.params),
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ]);
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: r.id > 0 ? parseChanges(r.changes) : parseEventChanges(r),
    names: {} as Record<string, string>,
    client: r.client,
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

function parseEventChanges(r: AuditRow): Record<string, [unknown, unknown]> {
  try {
    return changesOfEvent(r.changes, r.from_status, r.to_status);
  } catch {
    return {};
  }
}
