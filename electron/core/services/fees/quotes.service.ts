/**
 * Quotes (报价单): each save is a new revision computed by the core with the standard in effect and the parts
 * catalogue's prices of the day (its lines are stored, so a later price change never alters it); the customer's
 * consent (time, channel, signature) is recorded on the latest revision. Out-of-warranty work does not start
 * without it (see requireAcceptedQuote, called by the startService move).
 */
import { packJson, unpackJson } from '../../db/packed-json';
import { queueCustomerMessages } from '../../messaging/queue';
import type { ParsedInputOf } from '../../../../shared/api/contract';
import type { Quote, TicketFees } from '../../../../shared/domain/fee-records';
import type { Discount, FeeCalc, LineInput } from '../../../../shared/domain/fees';
import type { WarrantyStatus } from '../../../../shared/domain/warranty';
import { actor, type CallContext } from '../../context';
import type { Tx } from '../../db/db';
import { AppError, conflict, notFound } from '../../errors';
import { audit, created } from '../audit';
import { calculateOrRefuse, cataloguePrices, checkOverrides, currentStandard, decisionOf, parseRules, ticketFacts, type Reader } from './common';
import { billOf, paymentsOf } from './bills.service';
import { recordQuoteConsent } from './quote-consent';
import { today } from './standards.service';

export interface CalcRow {
  standard_id: number;
  warranty_status: WarrantyStatus;
  repeat_repair: number;
  previous_repair_date: string | null;
  /** Packed JSON (db/packed-json), or JSON text in rows written before. */
  input: string | Uint8Array;
  calc: string | Uint8Array;
  note: string;
}
interface QuoteRow extends CalcRow {
  id: number;
  version: number;
  ticket_id: number;
  revision: number;
  status: Quote['status'];
  service_date: string;
  consent_at: string | null;
  consent_channel: string | null;
  consent_signature_id: number | null;
  created_at: string;
}

export function calcFields(r: CalcRow) {
  const input = unpackJson(r.input) as { lines: LineInput[]; discount: Discount };
  return {
    standardId: r.standard_id,
    decision: { status: r.warranty_status, repeatRepair: r.repeat_repair === 1, previousRepairDate: r.previous_repair_date },
    lines: input.lines,
    discount: input.discount,
    calc: unpackJson(r.calc) as FeeCalc,
    note: r.note,
  };
}

const toQuote = (r: QuoteRow): Quote => ({
  id: r.id, version: r.version, ticketId: r.ticket_id, revision: r.revision, status: r.status, serviceDate: r.service_date, ...calcFields(r),
  consentAt: r.consent_at, consentChannel: r.consent_channel, consentSignatureId: r.consent_signature_id, createdAt: r.created_at,
});

async function quotesOf(q: Reader, ticketId: number): Promise<Quote[]> {
  const rows = await q.query<QuoteRow>('SELECT * FROM quotes WHERE ticket_id = ? ORDER BY revision DESC', [ticketId]);
  return rows.map(toQuote);
}

export async function createQuote(ctx: CallContext, input: ParsedInputOf<'quotes.create'>): Promise<Quote> {
  const me = actor(ctx);
  checkOverrides(input.lines, me.role);
  const at = ctx.now().toISOString();
  const date = await today(ctx);
  const { timeZone } = await ctx.settings.get();
  const id = await ctx.db.write(async (tx) => {
    const facts = await ticketFacts(tx, input.ticketId, date, timeZone);
    if (facts.status === 'closed' || facts.status === 'cancelled') throw new AppError('CONFLICT', { key: 'move.finished' });
    const standard = await currentStandard(tx, date);
    const rules = parseRules(standard);
    const decision = decisionOf(facts, date, rules);
    const parts = await cataloguePrices(tx, input.lines);
    const calc = calculateOrRefuse({ rules, parts, decision, lines: input.lines, discount: input.discount, modelId: facts.modelId });
    const [last] = await tx.query<{ n: number | null }>('SELECT MAX(revision) AS n FROM quotes WHERE ticket_id = ?', [input.ticketId]);
    await tx.run("UPDATE quotes SET status = 'superseded', version = version + 1, updated_at = ?, updated_by = ? WHERE ticket_id = ? AND status <> 'superseded'", [at, me.id, input.ticketId]);
    const values = {
      ticket_id: input.ticketId, revision: (last?.n ?? 0) + 1, status: 'pending', service_date: date, standard_id: standard.id,
      warranty_status: decision.status, repeat_repair: decision.repeatRepair, previous_repair_date: decision.previousRepairDate,
      input: packJson({ lines: input.lines, discount: input.discount }), calc: packJson(calc), total_fen: calc.totalFen, note: input.note,
      ...created(at, me.id),
    };
    const quoteId = await tx.insert('quotes', values);
    await audit(tx, at, me.id, 'quotes', quoteId, 'create', null, values);
    await timeline(tx, input.ticketId, at, me.id, 'quote', { quoteId, revision: values.revision, totalFen: calc.totalFen });
    await queueCustomerMessages(tx, ctx, { event: 'quoteReady', ticketId: input.ticketId, cause: `quote-${quoteId}`, amountFen: calc.totalFen });
    return quoteId;
  });
  ctx.notify('tickets');
  const [row] = await ctx.db.query<QuoteRow>('SELECT * FROM quotes WHERE id = ?', [id]);
  return toQuote(row!);
}

export async function timeline(tx: Tx, ticketId: number, at: string, by: number, kind: string, data: unknown): Promise<void> {
  await tx.insert('ticket_events', { ticket_id: ticketId, at, actor_id: by, kind, from_status: null, to_status: null, note: null, data: JSON.stringify(data) });
}

/** Everything billed on a ticket: its quotes (newest first), its bill and the payments on it. */
export async function ticketFees(ctx: CallContext, input: ParsedInputOf<'quotes.get'>): Promise<TicketFees> {
  const [t] = await ctx.db.query<{ id: number }>('SELECT id FROM tickets WHERE id = ?', [input.ticketId]);
  if (!t) throw notFound();
  const bill = await billOf(ctx.db, input.ticketId);
  return { quotes: await quotesOf(ctx.db, input.ticketId), bill, payments: bill ? await paymentsOf(ctx.db, bill.id) : [] };
}

export async function consentQuote(ctx: CallContext, input: ParsedInputOf<'quotes.consent'>): Promise<Quote> {
  await ctx.db.write(async (tx) => {
    const [q] = await tx.query<QuoteRow>('SELECT * FROM quotes WHERE id = ?', [input.id]);
    if (!q) throw notFound();
    if (q.version !== input.version) throw conflict();
    await recordQuoteConsent(tx, ctx, q, input);
  });
  ctx.notify('tickets');
  ctx.notify('returns');
  const [row] = await ctx.db.query<QuoteRow>('SELECT * FROM quotes WHERE id = ?', [input.id]);
  return toQuote(row!);
}

/**
 * The startService hook: out-of-warranty work (or any ticket whose latest quote charges something) needs the
 * customer's consent to the latest quote first. A ticket of unknown warranty without a quote may start: the
 * lifecycle's own plan approval and consent cover it, and the fee is settled on the bill.
 */
export async function requireAcceptedQuote(tx: Tx, ticketId: number): Promise<void> {
  const [t] = await tx.query<{ warranty_status: string }>('SELECT warranty_status FROM tickets WHERE id = ?', [ticketId]);
  const [latest] = await tx.query<{ status: string; total_fen: number }>('SELECT status, total_fen FROM quotes WHERE ticket_id = ? ORDER BY revision DESC LIMIT 1', [ticketId]);
  const needsQuote = t?.warranty_status === 'out' || (latest !== undefined && latest.total_fen > 0);
  if (needsQuote && latest?.status !== 'accepted') throw new AppError('CONFLICT', { key: 'fees.quoteNotAccepted' });
}
