/** Reading tickets: the paged, filtered list (only the columns it shows) and one ticket with its timeline. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import type { TicketDetail, TicketEvent, TicketRow } from '../../../shared/domain/ticket';
import { normalizePhone } from '../../../shared/domain/phone';
import { notFound } from '../errors';
import { progressOf } from './ticket-progress';
import { visitOfTicket } from './maintenance.service';
import type { CallContext } from '../context';
import { bool, likeEscape } from './sql';
import { faultQuery } from '../search/fault-words';

type ListInput = ParsedInputOf<'tickets.list'>;

const LIST_COLUMNS = `t.id, t.number, t.status, t.urgency, t.problem_type, t.channel, t.reported_at, c.name AS customer_name,
  t.contact_phone, c.address AS customer_address, t.follow_up_due_at, m.code AS model_code, t.serial, substr(t.fault_description, 1, 80) AS fault_summary,
  t.response_due_at, t.resolve_due_at`;

/** Double quotes inside an FTS5 phrase are written twice; the phrase then matches the text literally. */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Customer ids (column `id`: callers select it by that name) whose name (or, with `contact`, contact person) contains `q`: 3+ characters through the
 * trigram index, shorter fragments through the 1–2 character gram table (trigram cannot look those up).
 */
export function customerFragment(q: string, contact: boolean): { sql: string; params: unknown[] } {
  if ([...q].length >= 3) {
    return { sql: 'SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?', params: [contact ? ftsPhrase(q) : `name : ${ftsPhrase(q)}`] };
  }
  if (contact) return { sql: 'SELECT customer_id AS id FROM customer_grams WHERE gram = ?', params: [q.toLowerCase()] };
  return {
    sql: "SELECT g.customer_id AS id FROM customer_grams g JOIN customers c ON c.id = g.customer_id WHERE g.gram = ? AND c.name LIKE ? ESCAPE '\\'",
    params: [q.toLowerCase(), `%${likeEscape(q)}%`],
  };
}

/** A fault word finds at most this many tickets, the newest: enough to work through; filters narrow it. */
export const FAULT_HITS = 1000;

/**
 * One search box: a ticket number, a phone, a serial, part of a customer's name, or words of the fault
 * description; each branch is an index lookup.
 */
function searchHits(q: string): { sql: string; params: unknown[] } {
  const upper = q.toUpperCase();
  const digits = normalizePhone(q);
  const parts = ['SELECT id FROM tickets WHERE number = ?', 'SELECT id FROM tickets WHERE serial = ?'];
  const params: unknown[] = [upper, upper];
  if (digits.length >= 5 && /^[\d\s\-+()]+$/.test(q)) {
    parts.push(
      'SELECT id FROM tickets WHERE contact_phone_norm = ?',
      'SELECT id FROM tickets WHERE customer_id IN (SELECT id FROM customers WHERE phone_norm = ? UNION SELECT id FROM customers WHERE phone2_norm = ?)',
    );
    params.push(digits, digits, digits);
  } else {
    const names = customerFragment(q, false);
    parts.push(`SELECT id FROM tickets WHERE customer_id IN (${names.sql})`);
    params.push(...names.params);
    const fault = faultQuery(q);
    if (fault) {
      parts.push('SELECT * FROM (SELECT rowid AS id FROM ticket_fault_words WHERE ticket_fault_words MATCH ? ORDER BY rowid DESC LIMIT ?)');
      params.push(fault, FAULT_HITS);
    }
  }
  return { sql: parts.join(' UNION '), params };
}

function inList(column: string, values: readonly string[]): { sql: string; params: unknown[] } {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export interface ListQueries {
  page: { sql: string; params: unknown[] };
  count: { sql: string; params: unknown[] };
}

/**
 * The list's two statements (exported so the benchmark runs the very same SQL on raw SQLite).
 * Without a search, the page's ids come from an index-only walk of (status, urgency, reported_at) and only
 * the 50 rows shown are joined (OFFSET skips index entries, not joined rows); the total is a sum over
 * ticket_counts. With a search, the few hits are collected first, then filtered, sorted and counted.
 */
/** Statuses whose clock still runs: work is still to be done. */
export const OPEN_STATUSES = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service'];

/** Who is asking and when: the queues (mine, overdue) depend on it. */
export interface ListCaller {
  userId: number;
  now: string;
}

export function listQueries(input: ListInput, caller: ListCaller): ListQueries {
  const filters: string[] = [];
  const params: unknown[] = [];
  const add = (clause: { sql: string; params: unknown[] }) => {
    filters.push(clause.sql);
    params.push(...clause.params);
  };
  if (input.status.length) add(inList('t.status', input.status));
  if (input.urgency.length) add(inList('t.urgency', input.urgency));
  if (input.problemType.length) add(inList('t.problem_type', input.problemType));
  // The queues cannot be counted from ticket_counts: they fall back to COUNT(*) over their own index.
  const queued = input.mine || input.overdue || input.followUpDue;
  if (input.mine) add({ sql: `t.assigned_to = ? AND t.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`, params: [caller.userId, ...OPEN_STATUSES] });
  if (input.overdue) add({ sql: `t.status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND t.resolve_due_at < ?`, params: [...OPEN_STATUSES, caller.now] });
  if (input.followUpDue) add({ sql: "t.status = 'accepted'", params: [] });
  const offset = (input.page - 1) * input.pageSize;
  const order = input.followUpDue
    ? 'ORDER BY t.follow_up_due_at ASC, t.id ASC'
    : input.sort === 'deadline'
      ? 'ORDER BY t.resolve_due_at ASC, t.id ASC'
      : 'ORDER BY t.reported_at DESC, t.id DESC';
  // CROSS JOIN keeps the page's ids as the outer loop (SQLite never reorders it); otherwise the planner may walk every ticket.
  const shown = (ids: string) => `SELECT ${LIST_COLUMNS} FROM (${ids}) p CROSS JOIN tickets t JOIN customers c ON c.id = t.customer_id
     LEFT JOIN product_models m ON m.id = t.model_id WHERE t.id = p.id ${order}`;
  if (input.q) {
    const hits = searchHits(input.q);
    const where = ['t.id IN (SELECT id FROM hits)', ...filters].join(' AND ');
    const ids = `SELECT t.id FROM tickets t WHERE ${where} ${order} LIMIT ? OFFSET ?`;
    return {
      page: { sql: `WITH hits(id) AS (${hits.sql}) ${shown(ids)}`, params: [...hits.params, ...params, input.pageSize, offset] },
      count: { sql: `WITH hits(id) AS (${hits.sql}) SELECT COUNT(*) AS n FROM tickets t WHERE ${where}`, params: [...hits.params, ...params] },
    };
  }
  const whereAll = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
  const ids = `SELECT t.id FROM tickets t ${whereAll} ${order} LIMIT ? OFFSET ?`;
  if (queued) {
    return {
      page: { sql: shown(ids), params: [...params, input.pageSize, offset] },
      count: { sql: `SELECT COUNT(*) AS n FROM tickets t ${whereAll}`, params },
    };
  }
  const countWhere = filters.map((f) => f.replace('t.', ''));
  return {
    page: { sql: shown(ids), params: [...params, input.pageSize, offset] },
    count: { sql: `SELECT COALESCE(SUM(n), 0) AS n FROM ticket_counts ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}`, params },
  };
}

export async function listTickets(ctx: CallContext, input: ListInput): Promise<Page<TicketRow>> {
  const { page, count } = listQueries(input, { userId: ctx.user?.id ?? 0, now: ctx.now().toISOString() });
  const rows = await ctx.db.query<Record<string, string | number | null>>(page.sql, page.params);
  const [total] = await ctx.db.query<{ n: number }>(count.sql, count.params);
  return {
    rows: rows.map((r) => ({
      id: r.id as number,
      number: r.number as string,
      status: r.status as TicketRow['status'],
      urgency: r.urgency as TicketRow['urgency'],
      problemType: r.problem_type as TicketRow['problemType'],
      channel: r.channel as TicketRow['channel'],
      reportedAt: r.reported_at as string,
      customerName: r.customer_name as string,
      contactPhone: r.contact_phone as string,
      modelCode: r.model_code as string | null,
      serial: r.serial as string | null,
      faultSummary: r.fault_summary as string,
      responseDueAt: r.response_due_at as string,
      resolveDueAt: r.resolve_due_at as string,
      address: r.customer_address as string,
      followUpDueAt: r.follow_up_due_at as string | null,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getTicket(ctx: Pick<CallContext, 'db' | 'user'>, key: { id: number } | { number: string }): Promise<TicketDetail> {
  const byId = 'id' in key;
  const r = await ctx.db.get<Record<string, unknown>>(
    `SELECT t.*, u.display_name AS receiver_name, c.name AS customer_name, c.phone AS customer_phone, c.key_account,
       m.code AS model_code, m.name AS model_name, d.serial AS device_serial
     FROM tickets t JOIN users u ON u.id = t.received_by JOIN customers c ON c.id = t.customer_id
     LEFT JOIN product_models m ON m.id = t.model_id LEFT JOIN devices d ON d.id = t.device_id
     WHERE ${byId ? 't.id = ?' : 't.number = ?'}`,
    [byId ? key.id : key.number.toUpperCase()],
  );
  if (!r) throw notFound();
  const events = await ctx.db.query<Record<string, unknown>>(
    `SELECT e.id, e.at, u.display_name AS actor_name, e.kind, e.from_status, e.to_status, e.note
     FROM ticket_events e JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id`,
    [r.id],
  );
  const s = (k: string) => r[k] as string;
  return {
    id: r.id as number,
    number: s('number'),
    version: r.version as number,
    status: s('status') as TicketDetail['status'],
    channel: s('channel') as TicketDetail['channel'],
    reportedAt: s('reported_at'),
    receivedBy: { id: r.received_by as number, name: s('receiver_name') },
    customer: { id: r.customer_id as number, name: s('customer_name'), phone: s('customer_phone'), keyAccount: bool(r.key_account) },
    contactName: s('contact_name'),
    contactPhone: s('contact_phone'),
    model: r.model_id ? { id: r.model_id as number, code: s('model_code'), name: s('model_name') } : null,
    device: r.device_id ? { id: r.device_id as number, serial: s('device_serial') } : null,
    serial: r.serial as string | null,
    urgency: s('urgency') as TicketDetail['urgency'],
    problemType: s('problem_type') as TicketDetail['problemType'],
    safetyRisk: bool(r.safety_risk),
    warrantyStatus: s('warranty_status') as TicketDetail['warrantyStatus'],
    faultDescription: s('fault_description'),
    faultWhen: s('fault_when'),
    faultFrequency: r.fault_frequency as TicketDetail['faultFrequency'],
    alarmCodes: s('alarm_codes'),
    abnormalNoise: s('abnormal_noise'),
    environment: s('environment'),
    customerTried: s('customer_tried'),
    reportedBefore: bool(r.reported_before),
    responseDueAt: s('response_due_at'),
    resolveDueAt: s('resolve_due_at'),
    createdAt: s('created_at'),
    updatedAt: s('updated_at'),
    events: events.map(
      (e): TicketEvent => ({
        id: e.id as number,
        at: e.at as string,
        actorName: e.actor_name as string,
        kind: e.kind as string,
        fromStatus: e.from_status as TicketEvent['fromStatus'],
        toStatus: e.to_status as TicketEvent['toStatus'],
        note: e.note as string | null,
      }),
    ),
    progress: await progressOf(ctx.db, r, ctx.user),
    maintenance: await visitOfTicket(ctx.db, r.id as number),
  };
}
