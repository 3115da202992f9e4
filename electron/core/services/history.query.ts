/**
 * The customer's history at a glance (issue 22), for intake and the ticket page: the customer's and the
 * device's earlier tickets, the open balance, devices still in the depot, the key-account flag. Every part
 * is a probe on an index of that customer or device (ix_tickets_customer walked newest id first,
 * ix_tickets_device_reported, ix_bills_customer, ix_returned_devices_customer / _serial), never a scan.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { CLOSED_RETURN_STATES } from '../../../shared/domain/returns';
import { HISTORY_TICKETS, type CustomerHistory, type DepotDevice, type HistoryTicket } from '../../../shared/domain/related';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { CallContext } from '../context';
import { bool } from './sql';

type Input = ParsedInputOf<'tickets.history'>;

async function customerOf(ctx: CallContext, input: Input) {
  let id = input.customerId;
  if (id === null && input.deviceId !== null) id = (await ctx.db.get<{ customer_id: number | null }>('SELECT customer_id FROM devices WHERE id = ?', [input.deviceId]))?.customer_id ?? null;
  if (id === null) return null;
  const row = await ctx.db.get<{ id: number; name: string; key_account: number; key_account_note: string }>('SELECT id, name, key_account, key_account_note FROM customers WHERE id = ?', [id]);
  return row ? { id: row.id, name: row.name, keyAccount: bool(row.key_account), keyAccountNote: row.key_account_note } : null;
}

/** Newest first: the customer's by id (ids grow with registration; index-only), the device's by report time. */
async function earlierTickets(ctx: CallContext, customerId: number, deviceId: number, except: number): Promise<{ rows: HistoryTicket[]; total: number }> {
  const rows = await ctx.db.query<{ id: number; number: string; status: TicketStatus; reported_at: string; fault_summary: string; is_repeat: number }>(
    `SELECT id, number, status, reported_at, substr(fault_description, 1, 60) AS fault_summary, is_repeat FROM tickets WHERE id IN (
       SELECT id FROM (SELECT id FROM tickets WHERE customer_id = ? AND id <> ? ORDER BY id DESC LIMIT ${HISTORY_TICKETS})
       UNION SELECT id FROM (SELECT id FROM tickets WHERE device_id = ? AND id <> ? ORDER BY reported_at DESC LIMIT ${HISTORY_TICKETS}))
     ORDER BY reported_at DESC, id DESC LIMIT ${HISTORY_TICKETS}`,
    [customerId, except, deviceId, except],
  );
  const [count] = await ctx.db.query<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM tickets WHERE customer_id = ? AND id <> ?)
       + (SELECT COUNT(*) FROM tickets WHERE device_id = ? AND id <> ? AND customer_id <> ?) AS n`,
    [customerId, except, deviceId, except, customerId],
  );
  return {
    rows: rows.map((r) => ({ id: r.id, number: r.number, status: r.status, reportedAt: r.reported_at, faultSummary: r.fault_summary, isRepeat: bool(r.is_repeat) })),
    total: count?.n ?? 0,
  };
}

async function depotDevices(ctx: CallContext, customerId: number, deviceId: number): Promise<DepotDevice[]> {
  const closed = CLOSED_RETURN_STATES.map(() => '?').join(', ');
  return ctx.db.query<DepotDevice>(
    `SELECT id, number, serial, state FROM returned_devices WHERE id IN (
       SELECT id FROM returned_devices WHERE customer_id = ?
       UNION SELECT id FROM returned_devices WHERE serial = (SELECT serial FROM devices WHERE id = ?))
     AND state NOT IN (${closed}) ORDER BY received_at DESC LIMIT 10`,
    [customerId, deviceId, ...CLOSED_RETURN_STATES],
  );
}

export async function customerHistory(ctx: CallContext, input: Input): Promise<CustomerHistory> {
  const customer = await customerOf(ctx, input);
  // 0 matches no row: a missing customer or device simply adds nothing.
  const customerId = customer?.id ?? 0;
  const deviceId = input.deviceId ?? 0;
  const except = input.exceptTicketId ?? 0;
  const tickets = await earlierTickets(ctx, customerId, deviceId, except);
  const [owed] = await ctx.db.query<{ fen: number; n: number }>('SELECT COALESCE(SUM(balance_fen), 0) AS fen, COUNT(*) AS n FROM bills WHERE customer_id = ? AND balance_fen > 0', [customerId]);
  return {
    customer,
    tickets: tickets.rows,
    ticketTotal: tickets.total,
    balanceFen: owed?.fen ?? 0,
    openBills: owed?.n ?? 0,
    depot: await depotDevices(ctx, customerId, deviceId),
  };
}
