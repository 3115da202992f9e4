/**
 * The final bill (may differ from the accepted quote: the difference is stored), the supervisor's approval of a
 * large discount, payments (partial, never above the balance) and the customer's acknowledgement of a balance.
 */
import { packJson, unpackJson } from '../../db/packed-json';
import type { ParsedInputOf } from '../../../../shared/api/contract';
import type { Bill, Payment } from '../../../../shared/domain/fee-records';
import { actor, type CallContext } from '../../context';
import type { Tx } from '../../db/db';
import { AppError, conflict, duplicate, notFound } from '../../errors';
import { audit, created } from '../audit';
import { pngFromDataUrl, storeAttachment } from '../attachments';
import { calculateOrRefuse, cataloguePrices, checkOverrides, currentStandard, decisionOf, parseRules, standardById, ticketFacts, type Reader } from './common';
import { calcFields, timeline, type CalcRow } from './quotes.service';
import { today } from './standards.service';
import { consentColumns, consentFacts, NO_CONSENT, recordBillConsent, refuseWithoutConsent, requireConsentToBill, type ConsentColumns } from './bill-consent';
import { consentSource } from '../../../../shared/domain/fee-consent';
import { formatMoney } from '../../../../shared/domain/money';
import { agreedParts, type FeeCalc, type LineInput } from '../../../../shared/domain/fees';

interface BillRow extends CalcRow, ConsentColumns {
  id: number;
  version: number;
  ticket_id: number;
  customer_id: number;
  quote_id: number | null;
  billed_on: string;
  total_fen: number;
  quote_total_fen: number | null;
  discount_needs_approval: number;
  discount_approved_at: string | null;
  paid_fen: number;
  balance_fen: number;
  ack_at: string | null;
  ack_signature_id: number | null;
  ack_promised_date: string | null;
}

const toBill = (r: BillRow): Bill => ({
  id: r.id, version: r.version, ticketId: r.ticket_id, customerId: r.customer_id, quoteId: r.quote_id, billedOn: r.billed_on, ...calcFields(r),
  quoteTotalFen: r.quote_total_fen, differenceFen: r.quote_total_fen === null ? null : r.total_fen - r.quote_total_fen,
  discountApprovedAt: r.discount_approved_at, paidFen: r.paid_fen, balanceFen: r.balance_fen,
  ackAt: r.ack_at, ackSignatureId: r.ack_signature_id, ackPromisedDate: r.ack_promised_date,
  consentAt: r.consent_at, consentChannel: r.consent_channel, consentSignatureId: r.consent_signature_id, consentFrom: consentSource(consentFacts(r)),
});

export async function billOf(q: Reader, ticketId: number): Promise<Bill | null> {
  const [row] = await q.query<BillRow>('SELECT * FROM bills WHERE ticket_id = ?', [ticketId]);
  return row ? toBill(row) : null;
}

async function billById(q: Reader, id: number): Promise<BillRow> {
  const [row] = await q.query<BillRow>('SELECT * FROM bills WHERE id = ?', [id]);
  if (!row) throw notFound();
  return row;
}

export async function paymentsOf(q: Reader, billId: number): Promise<Payment[]> {
  const rows = await q.query<{ id: number; bill_id: number; method: string; amount_fen: number; paid_at: string; receipt_no: string; taken_by: number; name: string }>(
    'SELECT p.id, p.bill_id, p.method, p.amount_fen, p.paid_at, p.receipt_no, p.taken_by, u.display_name AS name FROM payments p JOIN users u ON u.id = p.taken_by WHERE p.bill_id = ? ORDER BY p.id',
    [billId],
  );
  return rows.map((r) => ({ id: r.id, billId: r.bill_id, method: r.method, amountFen: r.amount_fen, paidAt: r.paid_at, receiptNo: r.receipt_no, takenBy: r.taken_by, takenByName: r.name }));
}

/**
 * The bill uses the accepted quote's standard, warranty decision and part prices (what the customer agreed to, even
 * when the catalogue's price changed since), else today's standard and catalogue prices.
 */
export async function createBill(ctx: CallContext, input: ParsedInputOf<'bills.create'>): Promise<Bill> {
  const me = actor(ctx);
  checkOverrides(input.lines, me.role);
  const at = ctx.now().toISOString();
  const date = await today(ctx);
  const { timeZone } = await ctx.settings.get();
  await ctx.db.write(async (tx) => {
    if ((await tx.query('SELECT id FROM bills WHERE ticket_id = ?', [input.ticketId])).length) throw duplicate('bill', 'ticketId');
    const facts = await ticketFacts(tx, input.ticketId, date, timeZone);
    const [quote] = await tx.query<{ id: number; standard_id: number; total_fen: number; warranty_status: string; repeat_repair: number; previous_repair_date: string | null; input: string | Uint8Array; calc: string | Uint8Array }>(
      "SELECT id, standard_id, total_fen, warranty_status, repeat_repair, previous_repair_date, input, calc FROM quotes WHERE ticket_id = ? AND status = 'accepted' ORDER BY revision DESC LIMIT 1",
      [input.ticketId],
    );
    const standard = quote ? await standardById(tx, quote.standard_id) : await currentStandard(tx, date);
    const rules = parseRules(standard);
    const decision = quote
      ? { status: quote.warranty_status as Bill['decision']['status'], repeatRepair: quote.repeat_repair === 1, previousRepairDate: quote.previous_repair_date }
      : decisionOf(facts, date, rules);
    const parts = await cataloguePrices(tx, input.lines);
    const agreed = quote ? agreedParts((unpackJson(quote.input) as { lines: LineInput[] }).lines, unpackJson(quote.calc) as FeeCalc) : [];
    const calc = calculateOrRefuse({ rules, parts, agreed, decision, lines: input.lines, discount: input.discount, modelId: facts.modelId });
    requireConsentToBill({ totalFen: calc.totalFen, quoteTotalFen: quote?.total_fen ?? null, consentAt: input.consent ? at : null });
    const consent = input.consent ? await consentColumns(tx, ctx, input.ticketId, input.consent, at) : NO_CONSENT;
    const values = {
      ticket_id: input.ticketId, customer_id: facts.customerId, quote_id: quote?.id ?? null, billed_on: date, standard_id: standard.id,
      warranty_status: decision.status, repeat_repair: decision.repeatRepair, previous_repair_date: decision.previousRepairDate,
      input: packJson({ lines: input.lines, discount: input.discount }), calc: packJson(calc), total_fen: calc.totalFen, note: input.note,
      quote_total_fen: quote?.total_fen ?? null, discount_needs_approval: calc.discountNeedsApproval, paid_fen: 0, balance_fen: calc.totalFen,
      ...consent, ...created(at, me.id),
    };
    const billId = await tx.insert('bills', values);
    await audit(tx, at, me.id, 'bills', billId, 'create', null, values);
    await timeline(tx, input.ticketId, at, me.id, 'bill', { billId, totalFen: calc.totalFen, differenceFen: quote ? calc.totalFen - quote.total_fen : null });
  });
  ctx.notify('tickets');
  return (await billOf(ctx.db, input.ticketId))!;
}

export async function approveDiscount(ctx: CallContext, input: ParsedInputOf<'bills.approveDiscount'>): Promise<Bill> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const bill = await ctx.db.write(async (tx) => {
    const row = await billById(tx, input.id);
    if (row.version !== input.version) throw conflict();
    if (!row.discount_needs_approval || row.discount_approved_at) throw new AppError('CONFLICT', { key: 'fees.noApprovalNeeded' });
    const changed = await tx.run('UPDATE bills SET discount_approved_at = ?, discount_approved_by = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?', [at, me.id, at, me.id, row.id, row.version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, me.id, 'bills', row.id, 'update', { discount_approved_at: null }, { discount_approved_at: at, discount_approved_by: me.id });
    await timeline(tx, row.ticket_id, at, me.id, 'discountApproved', { billId: row.id });
    return row;
  });
  ctx.notify('tickets');
  return (await billOf(ctx.db, bill.ticket_id))!;
}

function refuseUnapproved(row: BillRow): void {
  if (row.discount_needs_approval && !row.discount_approved_at) throw new AppError('CONFLICT', { key: 'fees.discountNeedsApproval' });
}

/**
 * Payments need no version: they add up, and the balance check sits in the UPDATE itself, inside the serialised
 * write, so two clerks taking money at once can never take more than the bill.
 */
export async function recordPayment(ctx: CallContext, input: ParsedInputOf<'payments.record'>): Promise<Bill> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const ticketId = await ctx.db.write(async (tx) => {
    const row = await billById(tx, input.billId);
    refuseWithoutConsent(row);
    refuseUnapproved(row);
    if (input.amountFen > row.balance_fen) throw overpaid(row.balance_fen);
    const changed = await tx.run(
      'UPDATE bills SET paid_fen = paid_fen + ?, balance_fen = balance_fen - ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND balance_fen >= ?',
      [input.amountFen, input.amountFen, at, me.id, row.id, input.amountFen],
    );
    if (changed !== 1) throw overpaid(row.balance_fen);
    const values = { bill_id: row.id, method: input.method, amount_fen: input.amountFen, paid_at: input.paidAt ?? at, receipt_no: input.receiptNo, taken_by: me.id, created_at: at };
    const paymentId = await tx.insert('payments', values);
    await audit(tx, at, me.id, 'payments', paymentId, 'create', null, values);
    await timeline(tx, row.ticket_id, at, me.id, 'payment', { billId: row.id, paymentId, amountFen: input.amountFen, method: input.method });
    return row.ticket_id;
  });
  ctx.notify('tickets');
  return (await billOf(ctx.db, ticketId))!;
}

function overpaid(balanceFen: number): AppError {
  return new AppError('CONFLICT', { key: 'fees.overpaid', params: { balance: formatMoney(balanceFen) }, fields: { amountFen: { key: 'error.fees.overpaid', params: { balance: formatMoney(balanceFen) } } } });
}

/** 发票收讫回执: the customer signs for the balance left unpaid at departure, with the date they promise to pay. */
export async function acknowledgeBalance(ctx: CallContext, input: ParsedInputOf<'payments.acknowledgeBalance'>): Promise<Bill> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const ticketId = await ctx.db.write(async (tx: Tx) => {
    const row = await billById(tx, input.billId);
    if (row.version !== input.version) throw conflict();
    refuseWithoutConsent(row);
    refuseUnapproved(row);
    if (row.balance_fen <= 0) throw new AppError('CONFLICT', { key: 'fees.nothingOwed' });
    const signatureId = await storeAttachment(tx, ctx.dataDir, at, me.id, { ticketId: row.ticket_id, kind: 'signature', fileName: 'balance-acknowledgement.png', mime: 'image/png', bytes: pngFromDataUrl(input.signature) });
    const values = { ack_at: at, ack_signature_id: signatureId, ack_promised_date: input.promisedDate, ack_note: input.note };
    const changed = await tx.run('UPDATE bills SET ack_at = ?, ack_signature_id = ?, ack_promised_date = ?, ack_note = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?', [...Object.values(values), at, me.id, row.id, row.version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, me.id, 'bills', row.id, 'update', { ack_at: row.ack_at }, values);
    await timeline(tx, row.ticket_id, at, me.id, 'balanceAcknowledged', { billId: row.id, balanceFen: row.balance_fen });
    return row.ticket_id;
  });
  ctx.notify('tickets');
  return (await billOf(ctx.db, ticketId))!;
}

/** bills.consent: records the customer's consent on a bill that has none (see bill-consent.ts). */
export async function consentBill(ctx: CallContext, input: ParsedInputOf<'bills.consent'>): Promise<Bill> {
  const ticketId = await recordBillConsent(ctx, input);
  ctx.notify('tickets');
  return (await billOf(ctx.db, ticketId))!;
}
