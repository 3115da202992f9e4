/** The three documents of the register and the desk, as layout data: what goes on each slip. */
import type { SlipDocument } from '../../../shared/domain/printing';
import type { ReturnDetail } from '../../../shared/domain/returns';
import type { CompanyProfile } from '../../../shared/domain/settings';
import type { SlipContent, SlipCopy } from './layout';
import type { SlipLabels } from './labels';

export interface TicketSlipData {
  number: string;
  reportedAt: string;
  customerName: string;
  contactName: string;
  contactPhone: string;
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

interface Common {
  labels: SlipLabels;
  company: CompanyProfile;
  terms: string;
  reprint: boolean;
  printedAt: string;
  fmt: Formatters;
}

function base(c: Common, title: string, number: string, numberLabel: string): Pick<SlipContent, 'title' | 'number' | 'numberLabel' | 'terms' | 'termsHeading' | 'footer' | 'reprintMark'> {
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

export function pickupReceipt(c: Common, r: ReturnDetail, signature: string | undefined): SlipContent {
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

/** The device receipt goes out in two copies (customer, depot); the others in one. */
export function copiesOf(document: SlipDocument, L: SlipLabels): SlipCopy[] {
  if (document !== 'returnReceipt') return [{ copyLabel: '', showTerms: true }];
  return [
    { copyLabel: L.customerCopy, showTerms: true },
    { copyLabel: L.depotCopy, showTerms: false },
  ];
}
