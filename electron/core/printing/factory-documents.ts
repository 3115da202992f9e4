/** The loan slip (备用机借用单) and the 返厂单 as layout data (issue 19): what goes on each. */
import type { FactoryReturnDetail, Loan } from '../../../shared/domain/factory';
import { chineseCapitals, formatMoney, formatYuan } from '../../../shared/domain/money';
import { base, type Common } from './documents';
import type { SlipContent } from './layout';

export function loanSlip(c: Common, loan: Loan): SlipContent {
  const L = c.labels;
  return {
    ...base(c, L.loanSlip, loan.number, L.loanNumber),
    fields: [
      [L.lentAt, c.fmt.dateTime(loan.lentAt)],
      [L.ticketNumber, loan.ticket.number],
      [L.customer, loan.customerName],
      [L.phone, loan.contactPhone],
      [L.loaner, loan.modelText || '—'],
      [L.serial, loan.loanerSerial],
      [L.deposit, `${formatMoney(loan.depositFen)}（${chineseCapitals(loan.depositFen)}）`],
      [L.dueOn, loan.dueOn],
    ],
    blocks: [],
    tables: [],
    signatures: [{ label: L.borrowerSignature }, { label: L.clerkSignature }],
  };
}

export function factoryReturnSlip(c: Common, order: FactoryReturnDetail): SlipContent {
  const L = c.labels;
  const credited = order.state === 'credited';
  const credit = (fen: number | null) => (credited ? [formatYuan(fen ?? 0)] : []);
  const facts = (l: FactoryReturnDetail['lines'][number]) => [l.serial, l.ticketNumber, l.batch && `${L.batch} ${l.batch}`, l.faultCode && `${L.faultCode} ${l.faultCode}`].filter(Boolean).join('\n');
  const name = (l: FactoryReturnDetail['lines'][number]) => [l.partNo, l.name].filter(Boolean).join(' ');
  // A thermal roll is narrow: the item with its facts under it, then the quantity (and credit).
  const table = c.roll
    ? { columns: [L.partOrUnit, L.quantity, ...(credited ? [L.credit] : [])], rows: order.lines.map((l) => [`${name(l)}\n${facts(l)}`, String(l.quantity), ...credit(l.creditFen)]), numeric: credited ? [1, 2] : [1] }
    : {
        columns: [L.partOrUnit, L.serial, L.ticket, L.batch, L.faultCode, L.quantity, ...(credited ? [L.credit] : [])],
        rows: order.lines.map((l) => [name(l), l.serial || '—', l.ticketNumber || '—', l.batch || '—', l.faultCode || '—', String(l.quantity), ...credit(l.creditFen)]),
        numeric: credited ? [5, 6] : [5],
      };
  return {
    ...base(c, L.factoryReturn, order.number, L.factoryReturnNumber),
    fields: [
      [L.supplier, order.supplier],
      [L.createdAt, c.fmt.dateTime(order.createdAt)],
      ...(order.sentAt ? [[L.sentAt, c.fmt.dateTime(order.sentAt)] as [string, string]] : []),
      [L.orderState, L.factoryState[order.state] ?? order.state],
      [L.quantity, L.lineTotal.replace('{{quantity}}', String(order.quantity))],
      ...(credited ? [[L.credit, formatMoney(order.creditFen)] as [string, string]] : []),
    ],
    blocks: order.note ? [{ heading: L.note, text: order.note }] : [],
    tables: [{ heading: L.returnLines, table }],
    signatures: [{ label: L.senderSignature }, { label: L.supplierSignature }],
  };
}
