/** Reading tickets: the paged, filtered list (only the columns it shows) and one ticket with its timeline. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import type { TicketDetail, TicketEvent, TicketRow } from '../../../shared/domain/ticket';
import { normalizePhone } from '../../../shared/domain/phone';
import { notFound } from '../errors';
import type { CallContext } from '../context';
import { bool, likeEscape } from './sql';

type ListInput = ParsedInputOf<'tickets.list'>;

const LIST_COLUMNS = `t.id, t.number, t.status, t.urgency, t.problem_type, t.channel, t.reported_at, c.name AS customer_name,
  t.contact_phone, m.code AS model_code, t.serial, substr(t.fault_description, 1, 80) AS fault_summary,
  t.response_due_at, t.resolve_due_at`;

/** One search box: a ticket number, a phone, a serial, or part of a customer's name. */
function searchClause(q: string): { sql: string; params: unknown[] } {
  const upper = q.toUpperCase();
  const digits = normalizePhone(q);
  const parts = ['t.number = ?', 't.serial = ?'];
  const params: unknown[] = [upper, upper];
  if (digits.length >= 5 && /^[\d\s\-+()]+$/.test(q)) {
    parts.push('t.contact_phone_norm = ?', 't.customer_id IN (SELECT id FROM customers WHERE phone_norm = ? OR phone2_norm = ?)');
    params.push(digits, digits, digits);
  } else {
    parts.push("t.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\')");
    params.push(`%${likeEscape(q)}%`);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

function inList(column: string, values: readonly string[]): { sql: string; params: unknown[] } {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}

export async function listTickets(ctx: CallContext, input: ListInput): Promise<Page<TicketRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: { sql: string; params: unknown[] }) => {
    where.push(clause.sql);
    params.push(...clause.params);
  };
  if (input.q) add(searchClause(input.q));
  if (input.status.length) add(inList('t.status', input.status));
  if (input.urgency.length) add(inList('t.urgency', input.urgency));
  if (input.problemType.length) add(inList('t.problem_type', input.problemType));
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const offset = (input.page - 1) * input.pageSize;
  const rows = await ctx.db.query<Record<string, string | number | null>>(
    `SELECT ${LIST_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = t.model_id
     ${whereSql} ORDER BY t.reported_at DESC, t.id DESC LIMIT ? OFFSET ?`,
    [...params, input.pageSize, offset],
  );
  const [count] = await ctx.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM tickets t ${whereSql}`, params);
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
    })),
    total: count?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function getTicket(ctx: Pick<CallContext, 'db'>, key: { id: number } | { number: string }): Promise<TicketDetail> {
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
  };
}
