/** Reading the register: the desk's filtered list (only what it shows), one record with its timeline, checklists. */
import type { Page, ParsedInputOf } from '../../../shared/api/contract';
import {
  CLOSED_RETURN_STATES,
  availableReturnMoves,
  canHandBack,
  checklistFor,
  daysBetween,
  isOverdue,
  type ReturnDetail,
  type ReturnEvent,
  type ReturnRow,
  type ReturnState,
  type TicketLink,
} from '../../../shared/domain/returns';
import { handBackStep } from '../../../shared/domain/return-ticket';
import type { TicketStatus } from '../../../shared/domain/ticket';
import { localDate } from '../../../shared/domain/time';
import { notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { likeEscape } from './sql';
import { movesAhead } from './return-ticket.service';
import { openBalance } from './returns.service';

interface ListRow {
  id: number;
  number: string;
  state: ReturnState;
  ticket_number: string;
  customer_name: string;
  model_name: string;
  serial: string;
  received_at: string;
  expected_date: string | null;
}

const LIST_COLUMNS = `r.id, r.number, r.state, t.number AS ticket_number, c.name AS customer_name, m.name AS model_name, r.serial, r.received_at, r.expected_date`;
const LIST_FROM = `FROM returned_devices r JOIN tickets t ON t.id = r.ticket_id JOIN customers c ON c.id = r.customer_id JOIN product_models m ON m.id = r.model_id`;
const OPEN_STATES = `('received', 'inspecting', 'waiting_quote', 'repairing', 'waiting_parts')`;

function toRow(r: ListRow, today: string, timeZone: string): ReturnRow {
  const received = localDate(new Date(r.received_at), timeZone);
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    ticketNumber: r.ticket_number,
    customerName: r.customer_name,
    modelName: r.model_name,
    serial: r.serial,
    receivedAt: r.received_at,
    expectedDate: r.expected_date,
    daysInDepot: daysBetween(received, today),
    overdue: isOverdue(r.state, r.expected_date, today),
  };
}

export async function listReturns(ctx: CallContext, input: ParsedInputOf<'returns.list'>): Promise<Page<ReturnRow>> {
  const settings = await ctx.settings.get();
  const now = ctx.now();
  const today = localDate(now, settings.timeZone);
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.states.length) {
    where.push(`r.state IN (${input.states.map(() => '?').join(', ')})`);
    params.push(...input.states);
  }
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (input.openOnly) add(`r.state NOT IN (${CLOSED_RETURN_STATES.map(() => '?').join(', ')})`, ...CLOSED_RETURN_STATES);
  if (input.customerId !== null) add('r.customer_id = ?', input.customerId);
  if (input.modelId !== null) add('r.model_id = ?', input.modelId);
  if (input.ticketId !== null) add('r.ticket_id = ?', input.ticketId);
  if (input.minDays !== null) add('r.received_at <= ?', new Date(now.getTime() - input.minDays * 86_400_000).toISOString());
  if (input.overdueOnly) add(`r.state IN ${OPEN_STATES} AND r.expected_date < ?`, today);
  if (input.query) {
    const q = likeEscape(input.query.toUpperCase());
    where.push("(r.number LIKE ? ESCAPE '\\' OR r.serial LIKE ? ESCAPE '\\')");
    params.push(`${q}%`, `${q}%`);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count] = await ctx.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM returned_devices r ${clause}`, params);
  const rows = await ctx.db.query<ListRow>(`SELECT ${LIST_COLUMNS} ${LIST_FROM} ${clause} ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?`, [
    ...params,
    input.pageSize,
    (input.page - 1) * input.pageSize,
  ]);
  return { rows: rows.map((r) => toRow(r, today, settings.timeZone)), total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

interface DetailRow extends ListRow {
  version: number;
  ticket_id: number;
  customer_id: number;
  customer_phone: string;
  model_id: number;
  model_code: string;
  product_line: string;
  device_id: number | null;
  condition: string;
  condition_notes: string;
  accessories: string;
  fault_stated: string;
  photo_ids: string;
  received_by: number;
  received_by_name: string;
  picked_up_at: string | null;
  picked_up_by: string | null;
  pickup_delegate: number;
  pickup_id_note: string;
  accessories_back: string;
  return_note: string;
  pickup_signature_id: number | null;
}

/** One record with its timeline, by id or by slip number (scanned: case and spaces do not matter). */
export async function getReturn(ctx: CallContext, input: ParsedInputOf<'returns.get'>): Promise<ReturnDetail> {
  const settings = await ctx.settings.get();
  const today = localDate(ctx.now(), settings.timeZone);
  const [sql, param] = 'id' in input ? ['r.id = ?', input.id] : ['r.number = ?', input.number.replace(/\s+/g, '').toUpperCase()];
  const r = await ctx.db.get<DetailRow>(
    `SELECT ${LIST_COLUMNS}, r.version, r.ticket_id, r.customer_id, c.phone AS customer_phone, r.model_id, m.code AS model_code, m.product_line,
      r.device_id, r.condition, r.condition_notes, r.accessories, r.fault_stated, r.photo_ids, r.received_by, u.display_name AS received_by_name,
      r.picked_up_at, r.picked_up_by, r.pickup_delegate, r.pickup_id_note, r.accessories_back, r.return_note, r.pickup_signature_id
     ${LIST_FROM} JOIN users u ON u.id = r.received_by WHERE ${sql}`,
    [param],
  );
  if (!r) throw notFound();
  const events = await ctx.db.query<{ id: number; at: string; actor_name: string; kind: string; from_status: ReturnState | null; to_status: ReturnState | null; note: string | null; data: string | null }>(
    `SELECT e.id, e.at, u.display_name AS actor_name, e.kind, e.from_status, e.to_status, e.note, e.data
     FROM returned_device_events e JOIN users u ON u.id = e.actor_id WHERE e.returned_device_id = ? ORDER BY e.id`,
    [r.id],
  );
  return {
    ...toRow(r, today, settings.timeZone),
    version: r.version,
    ticketId: r.ticket_id,
    customerId: r.customer_id,
    customerPhone: r.customer_phone,
    modelId: r.model_id,
    modelCode: r.model_code,
    productLine: r.product_line,
    deviceId: r.device_id,
    condition: JSON.parse(r.condition),
    conditionNotes: r.condition_notes,
    accessories: JSON.parse(r.accessories),
    faultStated: r.fault_stated,
    photoIds: JSON.parse(r.photo_ids),
    receivedById: r.received_by,
    receivedByName: r.received_by_name,
    pickup:
      r.picked_up_at && r.pickup_signature_id !== null
        ? {
            at: r.picked_up_at, by: r.picked_up_by ?? '', delegate: r.pickup_delegate === 1, idNote: r.pickup_id_note,
            accessoriesBack: JSON.parse(r.accessories_back), note: r.return_note, signatureId: r.pickup_signature_id,
          }
        : null,
    events: events.map((e): ReturnEvent => ({
      id: e.id, at: e.at, actorName: e.actor_name, kind: e.kind, fromState: e.from_status, toState: e.to_status, note: e.note, data: e.data ? JSON.parse(e.data) : null,
    })),
    moves: availableReturnMoves(r.state, actor(ctx).role),
    ticketLink: await ticketLinkOf(ctx, r.ticket_id, r.state),
  };
}

/** What the record's page shows and asks about its ticket: its state, whether hand-back accepts it, money owed, a quote awaiting consent. */
async function ticketLinkOf(ctx: CallContext, ticketId: number, state: ReturnState): Promise<TicketLink> {
  const [t] = await ctx.db.query<{ status: TicketStatus }>('SELECT status FROM tickets WHERE id = ?', [ticketId]);
  const [q] = await ctx.db.query<{ id: number; version: number; status: string; total_fen: number }>(
    'SELECT id, version, status, total_fen FROM quotes WHERE ticket_id = ? ORDER BY revision DESC LIMIT 1',
    [ticketId],
  );
  return {
    status: t!.status,
    handBackAccepts: canHandBack(state) && (await movesAhead(ctx.db, ticketId, handBackStep(state))).includes('accept'),
    openBalanceFen: await openBalance(ctx.db, ticketId),
    pendingQuote: q?.status === 'pending' ? { id: q.id, version: q.version, totalFen: q.total_fen } : null,
  };
}

/** The condition-on-receipt checklist for a model's product line. */
export async function checklist(ctx: CallContext, input: ParsedInputOf<'returns.checklist'>): Promise<string[]> {
  const model = await ctx.db.get<{ product_line: string }>('SELECT product_line FROM product_models WHERE id = ?', [input.modelId]);
  if (!model) throw notFound('modelMissing');
  return checklistFor((await ctx.settings.get()).returns, model.product_line);
}
