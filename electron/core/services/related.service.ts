/**
 * No double tickets (issue 22): the tickets related to what the intake form has typed (the same contact
 * phone, serial or device, still open or closed in the last 30 days), and the note a clerk adds to one of
 * them when the customer calls again, instead of registering a new ticket.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { RELATED_LIMIT, relatedSince, type RelatedMatch, type RelatedTicket } from '../../../shared/domain/related';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { normalizePhone } from '../../../shared/domain/phone';
import { AppError, notFound } from '../errors';
import type { CallContext } from '../context';
import type { Tx } from '../db/db';
import { applyChange, lockTicket } from './lifecycle.service';
import { instantParam } from '../db/instants';

/** Fewer digits than this are a phone still being typed: no lookup. */
const MIN_PHONE_DIGITS = 7;

/**
 * The lookup's statement (exported for the benchmark): one equality probe per key typed, each on its own
 * index (ix_tickets_phone, ix_tickets_serial, ix_tickets_device_reported; all covering), so it reads only the tickets of
 * that phone, serial or device; CROSS JOIN keeps the hits as the outer loop.
 */
export function relatedQuery(input: ParsedInputOf<'tickets.related'>, now: Date): { sql: string; params: unknown[] } | null {
  const hits = relatedProbes(input);
  if (!hits) return null;
  return {
    sql: `WITH hits(id, match) AS (${hits.sql})
      SELECT t.id, t.number, t.status, t.reported_at, t.closed_at, c.name AS customer_name, t.serial,
        substr(t.fault_description, 1, 80) AS fault_summary, group_concat(h.match) AS matches
      FROM hits h CROSS JOIN tickets t JOIN customers c ON c.id = t.customer_id
      WHERE t.id = h.id AND (t.status NOT IN ('closed', 'cancelled') OR (t.status = 'closed' AND t.closed_at >= ?))
      GROUP BY t.id ORDER BY t.reported_at DESC, t.id DESC LIMIT ${RELATED_LIMIT}`,
    params: [...hits.params, instantParam(relatedSince(now))],
  };
}

/** One equality probe per key typed (the phone, the serial, the device), each on its own index. */
function relatedProbes(input: ParsedInputOf<'tickets.related'>): { sql: string; params: unknown[] } | null {
  const probes: string[] = [];
  const params: unknown[] = [];
  const probe = (match: RelatedMatch, column: string, value: unknown) => {
    probes.push(`SELECT id, '${match}' FROM tickets WHERE ${column} = ?`);
    params.push(value);
  };
  const phone = normalizePhone(input.phone);
  if (phone.length >= MIN_PHONE_DIGITS) probe('phone', 'contact_phone_norm', phone);
  if (input.serial) probe('serial', 'serial', input.serial.toUpperCase());
  if (input.deviceId !== null) probe('device', 'device_id', input.deviceId);
  return probes.length === 0 ? null : { sql: probes.join(' UNION ALL '), params };
}

/** Tickets whose work is not done yet (before the customer's acceptance): a second one for the same unit is a double. */
const UNFINISHED = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service'];

/**
 * tickets.create's check: a new ticket for a serial or device whose open ticket is still being worked on needs the
 * clerk's reason, or it is refused in words on that field. A unit that fails again after its repair was accepted is
 * a new ticket (the statistics count it as a repeat); the form still asks, the core does not refuse it. The intake form asks whenever its lookup finds a ticket (by phone
 * too, open or closed in the last 30 days), so it never meets this refusal unasked. The phone alone is not enforced
 * here: a company's switchboard number carries many open tickets at once, each its own fault, and the imports and
 * the API register those; the same unit twice is the double ticket.
 */
export async function requireDuplicateReason(q: Pick<Tx, 'query'>, device: { serial: string; deviceId: number | null }): Promise<void> {
  const hits = relatedProbes({ phone: '', ...device });
  if (!hits) return;
  const [open] = await q.query<{ number: string }>(
    `WITH hits(id, match) AS (${hits.sql}) SELECT t.number FROM hits h CROSS JOIN tickets t
      WHERE t.id = h.id AND t.status IN (${UNFINISHED.map(() => '?').join(', ')}) ORDER BY t.reported_at DESC LIMIT 1`,
    [...hits.params, ...UNFINISHED],
  );
  if (!open) return;
  const params = { number: open.number };
  throw new AppError('VALIDATION', { key: 'related.reasonRequired', params, fields: { duplicateReason: { key: 'error.related.reasonRequired', params } } });
}

interface Row {
  id: number;
  number: string;
  status: TicketStatus;
  reported_at: string;
  closed_at: string | null;
  customer_name: string;
  serial: string | null;
  fault_summary: string;
  matches: string;
}

export async function relatedTickets(ctx: CallContext, input: ParsedInputOf<'tickets.related'>): Promise<RelatedTicket[]> {
  const query = relatedQuery(input, ctx.now());
  if (!query) return [];
  const rows = await ctx.db.query<Row>(query.sql, query.params);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    reportedAt: r.reported_at,
    closedAt: r.closed_at,
    customerName: r.customer_name,
    serial: r.serial,
    faultSummary: r.fault_summary,
    matches: [...new Set(r.matches.split(','))] as RelatedMatch[],
  }));
}

/** Allowed on the tickets the lookup offers: open ones, and ones closed in the last 30 days. */
export async function calledAgain(ctx: CallContext, input: ParsedInputOf<'tickets.calledAgain'>): Promise<{ id: number }> {
  await ctx.db.write(async (tx) => {
    const [row] = await tx.query<{ version: number; status: TicketStatus; closed_at: string | null }>('SELECT version, status, closed_at FROM tickets WHERE id = ?', [input.id]);
    if (!row) throw notFound();
    const recent = row.status !== 'cancelled' && (row.status !== 'closed' || (row.closed_at ?? '') >= relatedSince(ctx.now()));
    if (!recent) throw new AppError('CONFLICT', { key: 'move.archived' });
    const ticket = await lockTicket(tx, input.id, row.version);
    await applyChange(tx, ctx, ticket, {}, { kind: 'calledAgain', note: input.note });
  });
  ctx.notify('tickets');
  return { id: input.id };
}
