/**
 * Printed slips: `slips.render` reads a document's facts here and has its HTML built by a slip worker
 * (slip-pool.ts): the same page for print preview, the Electron print window, the browser's print and
 * PDF export. `slips.printed` counts the prints, and every render after the first print carries the
 * reprint mark.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { DEFAULT_PRINT_SETTINGS, isRoll, type RenderedSlip, type SlipDocument } from '../../../shared/domain/printing';
import { translate } from '../../../shared/i18n/translate';
import { AppError, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { getReturn } from '../services/returns.query';
import { copiesOf, paymentReceiptSlip, pickupReceipt, quoteSlip, returnReceipt, ticketAcceptance, type FeeParty, type Formatters, type PickupExtras, type QuoteSlipData, type ReceiptSlipData, type TicketSlipData } from './documents';
import { ticketFees } from '../services/fees/quotes.service';
import { parseRules, standardAt, standardById } from '../services/fees/common';
import { localDate } from '../../../shared/domain/time';
import { addDays } from '../../../shared/domain/maintenance';
import type { ReturnDetail } from '../../../shared/domain/returns';
import type { PartUnit } from '../../../shared/domain/parts';
import type { LineInput } from '../../../shared/domain/fees';
import { renderSlipPage } from './slip-pool';
import { certificateData, sanbaoCertificate } from './sanbao-certificate';
import { factoryReturnSlip, loanSlip } from './factory-documents';
import { getLoan } from '../services/loaners.service';
import { getFactoryReturn } from '../services/factory-returns.service';
import { SLIP_LABELS } from './labels';
import type { SlipContent } from './layout';
import { PAPER, paperWidthMm } from './styles';
import fs from 'node:fs/promises';
import path from 'node:path';

function formatters(timeZone: string): Formatters {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { dateTime: (iso) => (iso ? f.format(new Date(iso)) : '') };
}

/** The model as printed: its code and name ("KFR-35GW 分体式空调室内机"), as the customer reads them off the device. */
const MODEL_TEXT = "COALESCE(m.code || ' ' || m.name, '')";

/** The pickup receipt's money still owed on the ticket and the repair warranty from the fee standard in effect on the pickup day. */
async function pickupExtras(ctx: CallContext, rec: ReturnDetail, timeZone: string): Promise<PickupExtras> {
  const fees = await ticketFees(ctx, { ticketId: rec.ticketId });
  const balanceFen = fees.bill ? fees.bill.calc.totalFen - fees.payments.reduce((s, p) => s + p.amountFen, 0) : null;
  const repaired = rec.events.some((e) => e.toState === 'repaired');
  const day = localDate(new Date(rec.pickup!.at), timeZone);
  const standard = repaired ? await standardAt(ctx.db, day) : undefined;
  const days = standard ? parseRules(standard).repairWarrantyDays : 0;
  return { balanceFen, warranty: days > 0 ? { days, until: addDays(day, days) } : null };
}

async function ticketData(ctx: CallContext, id: number, locale: 'zh-CN' | 'en'): Promise<TicketSlipData> {
  const t = await ctx.db.get<Record<string, string>>(
    `SELECT t.number, t.reported_at, c.name AS customer_name, c.address, t.contact_name, t.contact_phone, ${MODEL_TEXT} AS model, COALESCE(t.serial, '') AS serial,
      t.urgency, t.warranty_status, u.display_name AS received_by_name, t.response_due_at, t.fault_description
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN users u ON u.id = t.received_by LEFT JOIN product_models m ON m.id = t.model_id WHERE t.id = ?`,
    [id],
  );
  if (!t) throw notFound();
  return {
    number: t.number!, reportedAt: t.reported_at!, customerName: t.customer_name!, contactName: t.contact_name!, contactPhone: t.contact_phone!, address: t.address!,
    model: t.model!, serial: t.serial!, urgency: translate(locale, `urgency.${t.urgency}`), warranty: translate(locale, `warranty.${t.warranty_status}`),
    receivedByName: t.received_by_name!, responseDueAt: t.response_due_at!, fault: t.fault_description!,
  };
}

/** The units of the catalogue parts a ticket's fee lines name. */
async function partUnitsOf(ctx: CallContext, lines: LineInput[]): Promise<Record<string, PartUnit>> {
  const partNos = [...new Set(lines.flatMap((l) => (l.kind === 'part' ? [l.partNo.trim().toUpperCase()] : [])))];
  if (partNos.length === 0) return {};
  const rows = await ctx.db.query<{ part_no: string; unit: PartUnit }>(`SELECT part_no, unit FROM parts WHERE part_no IN (${partNos.map(() => '?').join(', ')})`, partNos);
  return Object.fromEntries(rows.map((r) => [r.part_no, r.unit]));
}

async function feeParty(ctx: CallContext, ticketId: number, lines: LineInput[]): Promise<FeeParty> {
  const t = await ctx.db.get<Omit<FeeParty, 'partUnits'>>(
    `SELECT t.number AS ticketNumber, c.name AS customerName, t.contact_name AS contactName, t.contact_phone AS contactPhone,
      CASE WHEN t.service_mode = 'onsite' THEN c.address ELSE '' END AS address, ${MODEL_TEXT} AS model, COALESCE(t.serial, '') AS serial
     FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = t.model_id WHERE t.id = ?`,
    [ticketId],
  );
  if (!t) throw notFound();
  return { ...t, partUnits: await partUnitsOf(ctx, lines) };
}

/** A quote's slip number is its ticket's number and revision: the customer can quote it on the phone. */
async function quoteData(ctx: CallContext, quoteId: number): Promise<QuoteSlipData> {
  const row = await ctx.db.get<{ ticket_id: number }>('SELECT ticket_id FROM quotes WHERE id = ?', [quoteId]);
  if (!row) throw notFound();
  const quote = (await ticketFees(ctx, { ticketId: row.ticket_id })).quotes.find((q) => q.id === quoteId)!;
  const standard = await standardById(ctx.db, quote.standardId);
  const party = await feeParty(ctx, row.ticket_id, quote.lines);
  const signature = quote.consentSignatureId === null ? undefined : await signatureDataUrl(ctx, quote.consentSignatureId);
  return { ...party, number: `${party.ticketNumber}-Q${quote.revision}`, quote, standardFrom: standard.effective_from, taxRateBp: parseRules(standard).taxRateBp, signature };
}

/** A payment's receipt number is its ticket's number and the payment's place on the bill (P1, P2, …). */
async function receiptData(ctx: CallContext, paymentId: number): Promise<ReceiptSlipData> {
  const row = await ctx.db.get<{ ticket_id: number }>('SELECT b.ticket_id FROM payments p JOIN bills b ON b.id = p.bill_id WHERE p.id = ?', [paymentId]);
  if (!row) throw notFound();
  const fees = await ticketFees(ctx, { ticketId: row.ticket_id });
  const bill = fees.bill!;
  const index = fees.payments.findIndex((p) => p.id === paymentId);
  const paidToDateFen = fees.payments.slice(0, index + 1).reduce((s, p) => s + p.amountFen, 0);
  const party = await feeParty(ctx, row.ticket_id, bill.lines);
  return { ...party, number: `${party.ticketNumber}-P${index + 1}`, payment: fees.payments[index]!, bill, paidToDateFen, balanceAfterFen: bill.calc.totalFen - paidToDateFen };
}

async function signatureDataUrl(ctx: CallContext, attachmentId: number): Promise<string | undefined> {
  const row = await ctx.db.get<{ stored_path: string }>('SELECT stored_path FROM attachments WHERE id = ?', [attachmentId]);
  if (!row) return undefined;
  return `data:image/png;base64,${(await fs.readFile(path.join(ctx.dataDir, row.stored_path))).toString('base64')}`;
}

async function printCount(ctx: CallContext, document: SlipDocument, id: number): Promise<number> {
  const row = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM slip_prints WHERE document = ? AND entity_id = ?', [document, id]);
  return row?.n ?? 0;
}

export async function renderSlip(ctx: CallContext, input: ParsedInputOf<'slips.render'>): Promise<RenderedSlip> {
  const settings = await ctx.settings.get();
  const print = settings.printing;
  // Settings saved before a document existed have no paper or terms for it: the defaults apply.
  const paper = input.paper ?? print.paper[input.document] ?? DEFAULT_PRINT_SETTINGS.paper[input.document];
  const labels = SLIP_LABELS[print.language];
  const count = await printCount(ctx, input.document, input.id);
  const common = {
    labels, company: settings.company, terms: print.terms[input.document] ?? DEFAULT_PRINT_SETTINGS.terms[input.document], reprint: count > 0, printedAt: ctx.now().toISOString(), fmt: formatters(settings.timeZone), roll: isRoll(paper),
  };
  let doc: SlipContent;
  if (input.document === 'ticketAcceptance') {
    doc = ticketAcceptance(common, await ticketData(ctx, input.id, print.language), print.responseNote);
  } else if (input.document === 'quote') {
    doc = quoteSlip(common, await quoteData(ctx, input.id));
  } else if (input.document === 'paymentReceipt') {
    doc = paymentReceiptSlip(common, await receiptData(ctx, input.id));
  } else if (input.document === 'sanbaoCertificate') {
    doc = sanbaoCertificate(common, await certificateData(ctx, input.id), print.language);
  } else if (input.document === 'loanSlip') {
    doc = loanSlip(common, await getLoan(ctx, input.id));
  } else if (input.document === 'factoryReturn') {
    doc = factoryReturnSlip(common, await getFactoryReturn(ctx, { id: input.id }));
  } else {
    const rec = await getReturn(ctx, { id: input.id });
    if (input.document === 'returnReceipt') doc = returnReceipt(common, rec);
    else {
      if (!rec.pickup) throw new AppError('CONFLICT', { key: 'returns.notReturned' });
      doc = pickupReceipt(common, rec, await signatureDataUrl(ctx, rec.pickup.signatureId), await pickupExtras(ctx, rec, settings.timeZone));
    }
  }
  const copies = copiesOf(input.document, labels);
  const html = await renderSlipPage({ company: settings.company, paper, doc, copies, lang: print.language });
  return { html, title: `${doc.title} ${doc.number}`, paper, widthMm: paperWidthMm(paper), marginMm: PAPER[paper].margin, copies: copies.length, printCount: count };
}

const PRINTED_FROM: Record<SlipDocument, string> = {
  ticketAcceptance: 'tickets', returnReceipt: 'returned_devices', pickupReceipt: 'returned_devices', quote: 'quotes', paymentReceipt: 'payments', sanbaoCertificate: 'sanbao_cases', loanSlip: 'loans', factoryReturn: 'factory_returns',
};

/** Records one print (or PDF export); the answer says which copy it was (1 = the original). */
export async function slipPrinted(ctx: CallContext, input: ParsedInputOf<'slips.printed'>): Promise<{ copy: number; reprint: boolean }> {
  const me = actor(ctx);
  const table = PRINTED_FROM[input.document];
  const copy = await ctx.db.write(async (tx) => {
    const [exists] = await tx.query(`SELECT id FROM ${table} WHERE id = ?`, [input.id]);
    if (!exists) throw notFound();
    await tx.insert('slip_prints', { document: input.document, entity_id: input.id, paper: input.paper, via: input.via, at: ctx.now().toISOString(), actor_id: me.id });
    const [row] = await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM slip_prints WHERE document = ? AND entity_id = ?', [input.document, input.id]);
    return row!.n;
  });
  return { copy, reprint: copy > 1 };
}
