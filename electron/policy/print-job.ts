/**
 * Decisions of the desktop app's printing, free of `electron` so unit tests pin them: the page size
 * handed to `printToPDF` and `webContents.print` per paper, the printer remembered per document type
 * (a small JSON file in the data folder), the PDF's suggested file name, and which IPC requests the
 * print channel accepts.
 */
import { PAPERS, PAPER_SIZE_MM, SLIP_DOCUMENTS, type Paper, type SlipDocument } from '../../shared/domain/printing';
import type { PrintOp, PrinterChoice } from '../../shared/api/channels';

const MM_PER_INCH = 25.4;
/** A roll page never shorter than this (an almost empty slip still tears off cleanly). */
const MIN_ROLL_MM = 60;
/** Nor longer: a runaway layout must not feed metres of paper. */
const MAX_ROLL_MM = 2000;

/** The roll's page length for content this tall (mm), rounded up to whole millimetres, within bounds. */
export function rollLengthMm(contentHeightMm: number): number {
  if (!Number.isFinite(contentHeightMm) || contentHeightMm <= 0) return MIN_ROLL_MM;
  return Math.min(MAX_ROLL_MM, Math.max(MIN_ROLL_MM, Math.ceil(contentHeightMm)));
}

function sizeMm(paper: Paper, contentHeightMm: number): { width: number; height: number } {
  const size = PAPER_SIZE_MM[paper];
  return { width: size.width, height: size.height ?? rollLengthMm(contentHeightMm) };
}

/** `printToPDF`'s pageSize: a named sheet, or width × height in inches for a roll cut to the content. */
export function pdfPageSize(paper: Paper, contentHeightMm: number): 'A4' | 'A5' | { width: number; height: number } {
  if (paper === 'A4' || paper === 'A5') return paper;
  const { width, height } = sizeMm(paper, contentHeightMm);
  return { width: width / MM_PER_INCH, height: height / MM_PER_INCH };
}

/** `webContents.print`'s pageSize: a named sheet, or width × height in microns. */
export function printPageSize(paper: Paper, contentHeightMm: number): 'A4' | 'A5' | { width: number; height: number } {
  if (paper === 'A4' || paper === 'A5') return paper;
  const { width, height } = sizeMm(paper, contentHeightMm);
  return { width: width * 1000, height: height * 1000 };
}

/** CSS pixels (96 per inch) to millimetres, for the measured height of a roll's content. */
export const pxToMm = (px: number): number => (px * MM_PER_INCH) / 96;

export type PrinterChoices = Partial<Record<SlipDocument, PrinterChoice>>;

const isDocument = (v: unknown): v is SlipDocument => typeof v === 'string' && (SLIP_DOCUMENTS as readonly string[]).includes(v);
const isPaper = (v: unknown): v is Paper => typeof v === 'string' && (PAPERS as readonly string[]).includes(v);

/** A printer device name as Windows/CUPS report it: printable text, bounded. */
function deviceName(v: unknown): string | null | undefined {
  if (v === null) return null;
  if (typeof v !== 'string') return undefined;
  const name = v.trim();
  if (name === '' || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name;
}

function choiceOf(v: unknown): PrinterChoice | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const name = deviceName(o.deviceName);
  if (name === undefined || typeof o.silent !== 'boolean') return null;
  // Silent printing needs a named printer: "the default" may change under the desk's feet.
  return { deviceName: name, silent: o.silent && name !== null };
}

/** Reads the remembered printers (the file's JSON); anything unreadable is forgotten, never fatal. */
export function parsePrinterChoices(json: string | null): PrinterChoices {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: PrinterChoices = {};
  for (const [doc, value] of Object.entries(raw)) {
    const choice = choiceOf(value);
    if (isDocument(doc) && choice) out[doc] = choice;
  }
  return out;
}

export const DEFAULT_CHOICE: PrinterChoice = { deviceName: null, silent: false };

export const choiceFor = (choices: PrinterChoices, doc: SlipDocument): PrinterChoice => choices[doc] ?? DEFAULT_CHOICE;

/** A PDF file name from the slip's title ("返修设备处理单 RMA202611240001"): no path separators or reserved characters. */
export function pdfFileName(title: string): string {
  const words = title
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .split(/\s+/)
    // "." and ".." never name a file; a leading dot would hide it.
    .filter((w) => w !== '' && !/^\.+$/.test(w));
  const clean = words.join(' ').replace(/^\.+/, '').slice(0, 120).trim();
  return `${clean || 'slip'}.pdf`;
}

/** The print channel's input, checked field by field (the page is not trusted); null when malformed. */
export function parsePrintOp(raw: unknown): PrintOp | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  switch (o.op) {
    case 'printers':
      return { op: 'printers' };
    case 'choice':
      return isDocument(o.document) ? { op: 'choice', document: o.document } : null;
    case 'remember': {
      const choice = choiceOf(o.choice);
      return isDocument(o.document) && choice ? { op: 'remember', document: o.document, choice } : null;
    }
    case 'print':
    case 'pdf': {
      const id = o.id;
      if (!isDocument(o.document) || !isPaper(o.paper) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return null;
      return { op: o.op, document: o.document, id, paper: o.paper };
    }
    default:
      return null;
  }
}
