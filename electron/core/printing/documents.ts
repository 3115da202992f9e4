/** The three documents of the register and the desk, as layout data: what goes on each slip. */
import type { SlipDocument } from '../../../shared/domain/printing';
import type { Bill, Payment, Quote } from '../../../shared/domain/fee-records';
import type { FeeCalc, LineInput } from '../../../shared/domain/fees';
import { chineseCapitals, formatDifference, formatMoney, formatYuan } from '../../../shared/domain/money';
import type { ReturnDetail } from '../../../shared/domain/returns';
import type { PartUnit } from '../../../shared/domain/parts';
import type { CompanyProfile } from '../../../shared/domain/settings';
import type { LineTable, SlipContent, SlipCopy } from './layout';
import type { SlipLabels } from './labels';

export interface TicketSlipData {
  number: string;
  reportedAt: string;
  customerName: string;
  contactName: string;
  contactPhone: string;
  /** The customer's address: where a visit goes. */
  address: string;
  /** Code and name, as the customer reads them off the device. */
  model: string;
  serial: string;
  urgency: string;
  warranty: string;
  receivedByName: string;
  responseDueAt: string;
  fault: string;
}

export interface Formatters {
  /** An instant in the desk's time zone, YYYY-MM-DD HH:mm. */
  dateTime: (iso: string) => string;
}

export interface Common {
  labels: SlipLabels;
  company: CompanyProfile;
  terms: string;
  reprint: boolean;
  printedAt: string;
  fmt: Formatters;
  /** A thermal roll: narrow, so tables keep two columns. */
  roll?: boolean;
}

export function base(c: Common, title: string, number: string, numberLabel: string): Pick<SlipContent, 'title' | 'number' | 'numberLabel' | 'terms' | 'termsHeading' | 'footer' | 'reprintMark'> {
  const hotline = c.company.hotline ? `${c.labels.hotline} ${c.company.hotline}　` : '';
  return {
    title,
    number,
    numberLabel,
    terms: c.terms,
    termsHeading: c.labels.terms,
    footer: `${hotline}${c.labels.printedAt} ${c.fmt.dateTime(c.printedAt)}`,
    reprintMark: c.reprint ? c.labels.reprint : null,
  };
}

export function ticketAcceptance(c: Common, t: TicketSlipData, responseNote: string): SlipContent {
  const L = c.labels;
  const device = [t.model, t.serial].filter(Boolean).join(' / ');
  return {
    ...base(c, L.ticketAcceptance, t.number, L.ticketNumber),
    fields: [
      [L.receivedAt, c.fmt.dateTime(t.reportedAt)],
      [L.customer, t.customerName],
      [L.contact, t.contactName],
      [L.phone, t.contactPhone],
      ...(t.address ? [[L.address, t.address] as [string, string]] : []),
      ...(device ? [[L.model, device] as [string, string]] : []),
      [L.urgency, t.urgency],
      [L.warranty, t.warranty],
      [L.expectedResponse, responseNote || c.fmt.dateTime(t.responseDueAt)],
      [L.receivedBy, t.receivedByName],
      ...(c.company.hotline ? [[L.hotline, c.company.hotline] as [string, string]] : []),
    ],
    blocks: [{ heading: L.reportedFault, text: t.fault }],
    tables: [],
    signatures: [],
  };
}

function conditionText(L: SlipLabels, r: ReturnDetail): string {
  const ticked = r.condition.filter((i) => i.checked).map((i) => `☑ ${i.item}`);
  const text = ticked.length ? ticked.join('　') : L.conditionOk;
  return r.conditionNotes ? `${text}\n${r.conditionNotes}` : text;
}

function returnFields(c: Common, r: ReturnDetail): [string, string][] {
  const L = c.labels;
  return [
    [L.checkedInAt, c.fmt.dateTime(r.receivedAt)],
    [L.ticketNumber, r.ticketNumber],
    [L.customer, r.customerName],
    [L.phone, r.customerPhone],
    [L.model, `${r.modelName} (${r.modelCode})`],
    [L.serial, r.serial],
  ];
}

export function returnReceipt(c: Common, r: ReturnDetail): SlipContent {
  const L = c.labels;
  return {
    ...base(c, L.returnReceipt, r.number, L.slipNumber),
    fields: [...returnFields(c, r), [L.expectedDate, r.expectedDate ?? ''], [L.receivedBy, r.receivedByName]],
    blocks: [
      { heading: L.faultStated, text: r.faultStated },
      { heading: L.condition, text: conditionText(L, r) },
    ],
    tables: [
      {
        heading: L.accessories,
        table: r.accessories.length
          ? { columns: [L.accessory, L.quantity], rows: r.accessories.map((a) => [a.name, String(a.quantity)]), numeric: [1] }
          : { columns: [L.accessory, L.quantity], rows: [[L.noAccessories, '—']], numeric: [1] },
      },
    ],
    signatures: [{ label: L.customerSignature }, { label: L.receiverSignature }],
  };
}

/** What the pickup receipt adds from the ticket: the money still owed and the repair warranty (days from the fee standard). */
export interface PickupExtras {
  /** Bill total less payments; null when the ticket has no bill. */
  balanceFen: number | null;
  /** The repair warranty for a repaired device: its days and last day (desk-local YYYY-MM-DD). */
  warranty: { days: number; until: string } | null;
}

export function pickupReceipt(c: Common, r: ReturnDetail, signature: string | undefined, extras: PickupExtras): SlipContent {
  const L = c.labels;
  const p = r.pickup;
  const back = new Map((p?.accessoriesBack ?? []).map((a) => [a.name, a.quantity]));
  const who = p ? `${p.by}${p.delegate ? L.delegate : ''}` : '';
  return {
    ...base(c, L.pickupReceipt, r.number, L.slipNumber),
    fields: [
      ...returnFields(c, r),
      [L.result, L.state[r.events.some((e) => e.toState === 'repaired') ? 'repaired' : 'unrepairable'] ?? ''],
      [L.pickedUpBy, who],
      ...(p?.delegate ? [[L.idNote, p.idNote] as [string, string]] : []),
      [L.pickedUpAt, p ? c.fmt.dateTime(p.at) : ''],
      ...(extras.balanceFen !== null ? [[L.balanceOwed, extras.balanceFen > 0 ? formatMoney(extras.balanceFen) : L.noBalance] as [string, string]] : []),
      ...(extras.warranty ? [[L.repairWarranty, fill(L.repairWarrantyUntil, { days: String(extras.warranty.days), date: extras.warranty.until })] as [string, string]] : []),
    ],
    blocks: p?.note ? [{ heading: L.note, text: p.note }] : [],
    tables: [
      {
        heading: L.accessories,
        table: {
          columns: [L.accessory, L.handedOver, L.returned],
          rows: r.accessories.length ? r.accessories.map((a) => [a.name, String(a.quantity), String(back.get(a.name) ?? 0)]) : [[L.noAccessories, '—', '—']],
          numeric: [1, 2],
        },
      },
    ],
    signatures: [{ label: L.pickupSignature, image: signature }, { label: L.clerkSignature }],
  };
}

/** Who and what a fee document is about: the ticket's customer and device. */
export interface FeeParty {
  ticketNumber: string;
  customerName: string;
  contactName: string;
  contactPhone: string;
  /** Printed when a visit is planned (on-site service). */
  address: string;
  model: string;
  serial: string;
  /** The unit each catalogue part on the lines is counted in (0.8 kg, not 0.8 件), by part number. */
  partUnits: Record<string, PartUnit>;
}

export interface QuoteSlipData extends FeeParty {
  number: string;
  quote: Quote;
  standardFrom: string;
  taxRateBp: number;
  /** The customer's drawn consent signature, as a data URL. */
  signature?: string;
}

export interface ReceiptSlipData extends FeeParty {
  number: string;
  payment: Payment;
  bill: Bill;
  /** Paid up to and including this payment, and what was left owing after it. */
  paidToDateFen: number;
  balanceAfterFen: number;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/**
 * The fee lines: item, quantity × unit price, amount, who pays it. On a roll the quantity and the payer go
 * under the item (two columns fit 58 mm; four do not).
 */
export function feeTable(L: SlipLabels, lines: LineInput[], calc: FeeCalc, roll: boolean, partUnits: Record<string, PartUnit> = {}): LineTable {
  const rows = feeRows(L, lines, calc, partUnits);
  if (!roll) return { columns: [L.item, L.qtyPrice, L.amount, L.coverage], rows, numeric: [1, 2] };
  return { columns: [L.item, L.amount], rows: rows.map(([item, qty, amount, who]) => [`${item}\n${qty}　${who}`, amount!]), numeric: [1] };
}

function feeRows(L: SlipLabels, lines: LineInput[], calc: FeeCalc, partUnits: Record<string, PartUnit>): string[][] {
  return calc.lines.map((line, i) => {
    const input = lines[i];
    let item = L.kind[line.kind] ?? line.kind;
    let unit = L.unit[line.kind] ?? '';
    if (input?.kind === 'labour') {
      item = `${item}（${input.productLine}·${L.difficulty[input.difficulty] ?? input.difficulty}）`;
      unit = L.unit[input.unit] ?? '';
    } else if (input?.kind === 'travel') unit = L.unit[input.unit] ?? '';
    else if (input?.kind === 'part') {
      item = `${line.description}${line.consumable ? `（${L.consumable}）` : ''}`;
      const partUnit = partUnits[input.partNo.trim().toUpperCase()];
      if (partUnit) unit = L.partUnit[partUnit];
    }
    else if (line.kind === 'other') item = line.description;
    if (line.overrideReason) item += `\n${line.overrideReason}`;
    return [item, `${line.quantity} ${unit} × ${formatYuan(line.unitFen)}`, formatYuan(line.amountFen), line.covered ? L.covered : L.charged];
  });
}

function totalsRows(L: SlipLabels, calc: FeeCalc, taxRateBp: number): string[][] {
  return [
    [L.subtotal, formatMoney(calc.subtotalFen)],
    ...(calc.coveredFen ? [[L.coveredTotal, `-${formatMoney(calc.coveredFen)}`]] : []),
    [L.chargedTotal, formatMoney(calc.chargedFen)],
    ...(calc.discountFen ? [[L.discount, `-${formatMoney(calc.discountFen)}`]] : []),
    ...(calc.taxFen || taxRateBp ? [[fill(L.tax, { rate: String(taxRateBp / 100) }), formatMoney(calc.taxFen)]] : []),
    [L.total, formatMoney(calc.totalFen)],
  ];
}

function partyFields(L: SlipLabels, p: FeeParty): [string, string][] {
  const device = [p.model, p.serial].filter(Boolean).join(' / ');
  return [
    [L.ticketNumber, p.ticketNumber],
    [L.customer, p.customerName],
    [L.contact, p.contactName],
    [L.phone, p.contactPhone],
    ...(p.address ? [[L.address, p.address] as [string, string]] : []),
    ...(device ? [[L.model, device] as [string, string]] : []),
  ];
}

/** 报价单: the lines and totals the customer is asked to accept, with the consent once given. */
export function quoteSlip(c: Common, d: QuoteSlipData): SlipContent {
  const L = c.labels;
  const q = d.quote;
  const warranty = `${L.warrantyStatus[q.decision.status] ?? q.decision.status}${q.decision.repeatRepair ? L.repeatRepair : ''}`;
  const consent: [string, string][] = q.consentAt
    ? [[L.consentAt, `${c.fmt.dateTime(q.consentAt)} ${L.channel[q.consentChannel ?? ''] ?? ''}`]]
    : [[L.consent, L.notConsented]];
  return {
    ...base(c, L.quote, d.number, L.quoteNumber),
    fields: [
      ...partyFields(L, d),
      [L.quotedAt, c.fmt.dateTime(q.createdAt)],
      [L.revision, String(q.revision)],
      [L.warranty, warranty],
      [L.standard, fill(L.standardFrom, { date: d.standardFrom })],
      ...consent,
    ],
    blocks: q.note ? [{ heading: L.note, text: q.note }] : [],
    tables: [
      { heading: L.feeLines, table: feeTable(L, q.lines, q.calc, c.roll ?? false, d.partUnits) },
      { heading: L.totals, table: { columns: [L.item, L.amount], rows: totalsRows(L, q.calc, d.taxRateBp), numeric: [1] } },
    ],
    signatures: [{ label: L.customerSignature, image: d.signature }, { label: L.clerkSignature }],
  };
}

/** 收款收据: one payment, in figures and in capitals, against its bill and what is still owed. */
export function paymentReceiptSlip(c: Common, d: ReceiptSlipData): SlipContent {
  const L = c.labels;
  const p = d.payment;
  const b = d.bill;
  return {
    ...base(c, L.paymentReceipt, d.number, L.receiptNumber),
    fields: [
      ...partyFields(L, d),
      [L.paidAt, c.fmt.dateTime(p.paidAt)],
      [L.method, L.payMethod[p.method] ?? p.method],
      [L.paidAmount, formatMoney(p.amountFen)],
      [L.amountInWords, chineseCapitals(p.amountFen)],
      ...(p.receiptNo ? [[L.invoiceNo, p.receiptNo] as [string, string]] : []),
      [L.takenBy, p.takenByName],
    ],
    blocks: [],
    tables: [
      { heading: L.feeLines, table: feeTable(L, b.lines, b.calc, c.roll ?? false, d.partUnits) },
      {
        heading: L.totals,
        table: {
          columns: [L.item, L.amount],
          rows: [
            [L.billTotal, formatMoney(b.calc.totalFen)],
            ...(b.differenceFen !== null ? [[L.quoteDifference, formatDifference(b.differenceFen)]] : []),
            [L.paidAmount, formatMoney(p.amountFen)],
            [L.paidToDate, formatMoney(d.paidToDateFen)],
            [L.balance, formatMoney(d.balanceAfterFen)],
          ],
          numeric: [1],
        },
      },
    ],
    signatures: [{ label: L.payerSignature }, { label: L.cashierSignature }],
  };
}

/** The device receipt goes out in two copies (customer, depot); the others in one. */
export function copiesOf(document: SlipDocument, L: SlipLabels): SlipCopy[] {
  if (document !== 'returnReceipt') return [{ copyLabel: '', showTerms: true }];
  return [
    { copyLabel: L.customerCopy, showTerms: true },
    { copyLabel: L.depotCopy, showTerms: false },
  ];
}
