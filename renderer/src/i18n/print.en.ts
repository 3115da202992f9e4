/** Print preview words (English). */
import type { printZhCN } from './print.zh-CN';

export const printEn: typeof printZhCN = {
  title: 'Print preview',
  acceptance: 'Print acceptance slip',
  paper: 'Paper',
  papers: { A4: 'A4', A5: 'A5', '80mm': '80 mm roll', '58mm': '58 mm roll' },
  print: 'Print',
  pdf: 'Export PDF',
  pdfBrowserHint: 'To save a PDF in the browser: click "Print", choose "Save as PDF" as the destination in the print dialog, then "Save".',
  neverPrinted: 'Not printed yet',
  printCount: 'Printed {{count}} times; later copies are marked "reprint"',
  copies: '{{count}} copies',
  rollCopies: 'Thermal roll: each copy prints on its own; tear along the cut',
  printer: 'Printer',
  defaultPrinter: 'System default printer',
  silent: 'Print at once, without the print dialog',
  printed: 'Printed (copy {{copy}})',
  reprinted: 'Printed (copy {{copy}}, marked reprint)',
  pdfSaved: 'PDF saved: {{file}}',
  cancelled: 'Cancelled',
  loading: 'Preparing the page…',
  frameTitle: 'Printed page preview',
  settings: {
    title: 'Printed documents',
    documents: { ticketAcceptance: 'Acceptance slip', returnReceipt: 'Returned-device receipt (two copies)', pickupReceipt: 'Pickup receipt', quote: 'Quotation', paymentReceipt: 'Payment receipt' },
    terms: 'Terms printed on the document',
    language: 'Language of the slips',
    languageHint: "Slips are for the customer, whatever the screen's language",
  },
};
