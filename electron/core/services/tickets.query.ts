/** Reading tickets: the paged, filtered list (only the columns it shows) and one ticket with its timeline. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import type { TicketDetail, TicketEvent, TicketRow } from '../../../shared/domain/ticket';
import { DUE_SOON_MINUTES, OPEN_TICKET_STATUSES, UNDISPATCHED_STATUSES, type TicketSort } from '../../../shared/domain/ticket-search';
import { zonedInstant } from '../../../shared/domain/calendar';
import { instantParam } from '../db/instants';
import { notFound } from '../errors';
import { progressOf } from './ticket-progress';
import { visitOfTicket } from './maintenance.service';
import { ticketLabour } from './labour.service';
import type { CallContext } from '../context';
import { bool } from './sql';
import { searchHits } from '../search/ticket-hits';

type ListInput = ParsedInputOf<'tickets.list'>;

const LIST_COLUMNS = `t.id, t.number, t.status, t.urgency, t.problem_type, t.channel, t.reported_at, c.name AS customer_name,
  t.contact_phone, c.address AS customer_address, t.follow_up_due_at, m.code AS model_code, t.serial, substr(t.fault_description, 1, 80) AS fault_summary,
  t.response_due_at, t.resolve_due_at, e.display_name AS engineer_name, t.is_repeat`;

export { customerFragment } from '../search/customer-fragment';

function inList(column: string, values: readonly string[]): { sql: string; params: unknown[] } {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export interface ListQueries {
  page: { sql: string; params: unknown[] };
  count: { sql: string; params: unknown[] };
}

/** Statuses whose clock still runs: work is still to be done. */
export const OPEN_STATUSES: string[] = [...OPEN_TICKET_STATUSES];

/** Each order walks an index: ix_tickets_reported (reported_at, id), ix_tickets_resolve_due (resolve_due_at, rowid), the unique number. */
const ORDERS: Record<TicketSort, string> = {
  newest: 'ORDER BY t.reported_at DESC, t.id DESC',
  oldest: 'ORDER BY t.reported_at ASC, t.id ASC',
  deadline: 'ORDER BY t.resolve_due_at ASC, t.id ASC',
  deadlineLast: 'ORDER BY t.resolve_due_at DESC, t.id DESC',
  number: 'ORDER BY t.number ASC',
  numberDesc: 'ORDER BY t.number DESC',
};

/** Who is asking, when, and where: the queues (mine, overdue, due soon) and the desk-local days of the date filter depend on it. */
export interface ListCaller {
  userId: number;
  now: string;
  timeZone: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The WHERE terms of the filters and queues, and whether ticket_counts can still count them (status, urgency and type only). */
function listFilters(input: ListInput, caller: ListCaller): { filters: string[]; params: unknown[]; countable: boolean } {
  const filters: string[] = [];
  const params: unknown[] = [];
  let countable = true;
  const add = (clause: { sql: string; params: unknown[] }, counts = false) => {
    filters.push(clause.sql);
    params.push(...clause.params);
    countable &&= counts;
  };
  const open = inList('t.status', OPEN_STATUSES);
  const now = instantParam(caller.now);
  if (input.status.length) add(inList('t.status', input.status), true);
  if (input.urgency.length) add(inList('t.urgency', input.urgency), true);
  if (input.problemType.length) add(inList('t.problem_type', input.problemType), true);
  if (input.queue === 'awaitingApproval') add(inList('t.status', ['awaiting_approval']), true);
  if (input.queue === 'undispatched') add(inList('t.status', UNDISPATCHED_STATUSES), true);
  if (input.queue === 'dueSoon') {
    // The hour's range on ix_tickets_resolve_due is narrow; "+" keeps the planner off the wide open-status ranges.
    add({ sql: `+${open.sql} AND t.resolve_due_at >= ? AND t.resolve_due_at < ?`, params: [...open.params, now, now + DUE_SOON_MINUTES * MINUTE] });
  }
  if (input.mine) add({ sql: `t.assigned_to = ? AND ${open.sql}`, params: [caller.userId, ...open.params] });
  if (input.overdue) add({ sql: `${open.sql} AND t.resolve_due_at < ?`, params: [...open.params, now] });
  if (input.followUpDue) add({ sql: "t.status = 'accepted'", params: [] });
  // Desk-local days to UTC instants, as the ticket's times are kept (milliseconds, db/instants.ts).
  if (input.from) add({ sql: 't.reported_at >= ?', params: [zonedInstant(input.from, '00:00', caller.timeZone)] });
  if (input.to) add({ sql: 't.reported_at < ?', params: [zonedInstant(input.to, '00:00', caller.timeZone) + DAY] });
  if (input.engineerId !== null) add({ sql: 't.assigned_to = ?', params: [input.engineerId] });
  if (input.modelId !== null) add({ sql: 't.model_id = ?', params: [input.modelId] });
  return { filters, params, countable };
}

/**
 * The list's two statements (exported so the benchmark runs the very same SQL on raw SQLite).
 * Without a search, the page's ids come from an index-only walk in the chosen order and only the rows shown
 * are joined (OFFSET skips index entries, not joined rows); the total is a sum over ticket_counts when only
 * status, urgency and type narrow it, otherwise COUNT(*) over the filter's own index. With a search, the
 * hits are collected first (search/ticket-hits.ts), then filtered, sorted and counted.
 */
export function listQueries(input: ListInput, caller: ListCaller): ListQueries {
  const { filters, params, countable } = listFilters(input, caller);
  const offset = (input.page - 1) * input.pageSize;
  const order = input.followUpDue ? 'ORDER BY t.follow_up_due_at ASC, t.id ASC' : ORDERS[input.sort];
  // CROSS JOIN keeps the page's ids as the outer loop (SQLite never reorders it); otherwise the planner may walk every ticket.
  const shown = (ids: string) => `SELECT ${LIST_COLUMNS} FROM (${ids}) p CROSS JOIN tickets t JOIN customers c ON c.id = t.customer_id
     LEFT JOIN product_models m ON m.id = t.model_id LEFT JOIN users e ON e.id = t.assigned_to WHERE t.id = p.id ${order}`;
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
  if (!countable) {
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
  const { timeZone } = await ctx.settings.get();
  const { page, count } = listQueries(input, { userId: ctx.user?.id ?? 0, now: ctx.now().toISOString(), timeZone });
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
      engineerName: r.engineer_name as string | null,
      isRepeat: bool(r.is_repeat),
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
    isRepeat: bool(r.is_repeat),
    duplicateReason: s('duplicate_reason'),
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
    labour: await ticketLabour(ctx.db, r.id as number),
  };
}
