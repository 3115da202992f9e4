/** Receivables (应收账款) by customer, aged by bill date: 0–30, 31–60, 61–90, over 90 days. */
import type { ParsedInputOf } from '../../../../shared/api/contract';
import { ageingBucket, type ReceivableBill, type ReceivableRow } from '../../../../shared/domain/fee-records';
import { isoDayNumber } from '../../../../shared/domain/fees';
import type { CallContext } from '../../context';
import { today } from './standards.service';

/** Reads only bills with a balance (ix_bills_balance_billed), never the paid ones. */
export async function listReceivables(ctx: CallContext, input: ParsedInputOf<'receivables.list'>): Promise<ReceivableRow[]> {
  const date = await today(ctx);
  const filter = input.customerId === null ? '' : ' AND b.customer_id = ?';
  const rows = await ctx.db.query<{ customer_id: number; name: string; billed_on: string; balance_fen: number }>(
    `SELECT b.customer_id, c.name, b.billed_on, b.balance_fen FROM bills b JOIN customers c ON c.id = b.customer_id WHERE b.balance_fen > 0${filter}`,
    input.customerId === null ? [] : [input.customerId],
  );
  const byCustomer = new Map<number, ReceivableRow>();
  for (const r of rows) {
    const row = byCustomer.get(r.customer_id) ?? { customerId: r.customer_id, customerName: r.name, bills: 0, buckets: { d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 }, totalFen: 0 };
    row.bills += 1;
    row.buckets[ageingBucket(isoDayNumber(date) - isoDayNumber(r.billed_on))] += r.balance_fen;
    row.totalFen += r.balance_fen;
    byCustomer.set(r.customer_id, row);
  }
  return [...byCustomer.values()].sort((a, b) => b.totalFen - a.totalFen || a.customerId - b.customerId);
}

/** The unpaid bills behind one customer's receivable, oldest first (ix_bills_balance_billed, then the customer). */
export async function receivableBills(ctx: CallContext, input: ParsedInputOf<'receivables.bills'>): Promise<ReceivableBill[]> {
  const day = isoDayNumber(await today(ctx));
  const rows = await ctx.db.query<{ id: number; ticket_id: number; number: string; billed_on: string; total_fen: number; paid_fen: number; balance_fen: number }>(
    `SELECT b.id, b.ticket_id, t.number, b.billed_on, b.total_fen, b.paid_fen, b.balance_fen
       FROM bills b JOIN tickets t ON t.id = b.ticket_id
      WHERE b.balance_fen > 0 AND b.customer_id = ? ORDER BY b.billed_on, b.id`,
    [input.customerId],
  );
  return rows.map((r) => ({ billId: r.id, ticketId: r.ticket_id, ticketNumber: r.number, billedOn: r.billed_on, totalFen: r.total_fen, paidFen: r.paid_fen, balanceFen: r.balance_fen, ageDays: day - isoDayNumber(r.billed_on) }));
}
