/**
 * The parts of writing a spreadsheet that need no SheetJS: data rows as sheet XML, and deflating a zip
 * entry. xlsx-writer.ts uses them for the rows of every sheet; a worker thread writing one large sheet
 * (reports/tickets-sheet-worker.ts) uses them alone, without loading SheetJS (26 MB of heap, 0.2 s).
 */
import { once } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import zlib from 'node:zlib';
import { withoutXmlForbidden } from '../../../shared/domain/text-characters';

/** A value, or a number with its own format (a rate in a column of counts). */
export type CellValue = string | number | Date | null | { value: number | null; format: string };

export interface Column {
  header: string;
  width: number;
  /** Excel number format, e.g. '0.0%', '0.0', 'yyyy-mm-dd hh:mm'. */
  format?: string;
}

/** Rows read page by page (e.g. 100,000 tickets in pages of a few thousand); `count` is known first. */
export interface PagedRows {
  count: number;
  pages(): AsyncIterable<CellValue[][]>;
}

// SheetJS CE 0.18.5's own text rules (writetag / writextag / escapexml), so the rows read back the same.
// Its rule for xml:space="preserve" is /(^\s|\s$|\n)/, tested here on the first and last characters only.
const SPACE = /\s/;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const escapeXml = (text: string) =>
  text.replace(/[&<>'"]/g, (ch) => XML_ESCAPES[ch]!).replace(/[\u0000-\u0008\u000b-\u001f]/g, (ch) => `_x${`000${ch.charCodeAt(0).toString(16)}`.slice(-4)}_`);
const NEEDS_ESCAPE = /[&<>'"\u0000-\u0008\u000b-\u001f]/;
/**
 * Text stored before its fields refused XML-forbidden characters (U+FFFE, lone surrogates…) would make the
 * sheet unreadable: those are dropped. The quick test also matches surrogate pairs (emoji), which are kept.
 */
const MAY_BE_FORBIDDEN = /[\ufffe\uffff\ud800-\udfff]/;
/**
 * Excel's serial day number of a wall-clock time held in a Date's UTC fields (how the reports pass dates:
 * Excel has no time zones). Not SheetJS's datenum, which reads the local fields and so shifted every time
 * by the zone of the PC that wrote the file (+8:05:43 on a desk PC in China, LMT dates back to 1899).
 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const excelDate = (d: Date) => (d.getTime() - EXCEL_EPOCH) / 86_400_000;

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters, A, B, … AA, as they are first needed. */
const COLUMN_NAMES: string[] = [];
const columnLetters = (c: number) => COLUMN_NAMES[c] ?? (COLUMN_NAMES[c] = columnName(c));

/** The format of text cells (Excel's text format, @): its cell style is the one text cells carry. */
export const TEXT_FORMAT = '@';

/** The XML of data rows, the first being sheet row `first` (rows 3… under title and header), in UTF-8 chunks. */
function rowsXml(rows: CellValue[][], first: number, columns: Column[], styleOf: Map<string, number>): Buffer[] {
  const chunks: Buffer[] = [];
  let parts: string[] = [];
  const textStyle = styleOf.get(TEXT_FORMAT) ?? 0; // text cells are ruled like the numbers beside them
  const textAttrs = textStyle !== 0 ? `" s="${textStyle}" t="str"` : `" t="str"`;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const rr = String(r + first);
    let cells = '';
    let preserveRow = false;
    for (let c = 0; c < row.length; c++) {
      const value = row[c]!;
      if (value === null) continue;
      let v: string;
      let attrs: string;
      if (typeof value === 'string') {
        if (value.length > 32767) throw new Error('Text length must not exceed 32767 characters');
        const allowed = MAY_BE_FORBIDDEN.test(value) ? withoutXmlForbidden(value) : value;
        const text = NEEDS_ESCAPE.test(allowed) ? escapeXml(allowed) : allowed;
        // <v> keeps its spaces when the text starts or ends with one or holds a line break; so do <c> and <row>.
        const breaks = text.includes('\n');
        if (breaks) preserveRow = true;
        const preserve = breaks || SPACE.test(text.charAt(0)) || SPACE.test(text.charAt(text.length - 1));
        v = preserve ? `<v xml:space="preserve">${text}</v>` : `<v>${text}</v>`;
        attrs = breaks ? `${textAttrs} xml:space="preserve">` : `${textAttrs}>`;
      } else {
        let z: string | undefined;
        if (value instanceof Date) {
          v = `<v>${excelDate(value)}</v>`;
          z = columns[c]?.format ?? 'yyyy-mm-dd hh:mm';
        } else if (typeof value === 'number') {
          v = `<v>${value}</v>`;
          z = columns[c]?.format;
        } else {
          if (value.value === null) continue;
          v = `<v>${value.value}</v>`;
          z = value.format;
        }
        const style = styleOf.get(z ?? 'General') ?? 0;
        attrs = style !== 0 ? `" s="${style}">` : '">';
      }
      cells += `<c r="${columnLetters(c)}${rr}${attrs}${v}</c>`;
    }
    if (cells) parts.push(preserveRow ? `<row r="${rr}" xml:space="preserve">${cells}</row>` : `<row r="${rr}">${cells}</row>`);
    if (parts.length === 2000) {
      chunks.push(Buffer.from(parts.join(''), 'utf8'));
      parts = [];
    }
  }
  if (parts.length > 0) chunks.push(Buffer.from(parts.join(''), 'utf8'));
  return chunks;
}

/** A sheet's data rows' XML (rows 3… under title and header), page by page for paged rows. */
export async function* dataRowsXml(rows: CellValue[][] | PagedRows, columns: Column[], styleOf: Map<string, number>): AsyncGenerator<Buffer> {
  if (Array.isArray(rows)) {
    yield* rowsXml(rows, 3, columns, styleOf);
    return;
  }
  let first = 3;
  for await (const page of rows.pages()) {
    yield* rowsXml(page, first, columns, styleOf);
    first += page.length;
  }
}

/** A sheet's XML before and after its data rows (xlsx-writer's sheetFrame), and the cell style of each number format. */
export interface SheetFrame {
  head: string;
  tail: string;
  styles: [string, number][];
}

/** A sheet's whole XML: its frame around the data rows. */
export async function* framed(frame: SheetFrame, rows: CellValue[][] | PagedRows, columns: Column[]): AsyncGenerator<Buffer> {
  yield Buffer.from(frame.head, 'utf8');
  yield* dataRowsXml(rows, columns, new Map(frame.styles));
  yield Buffer.from(frame.tail, 'utf8');
}

/** A zip entry's deflated bytes, with the CRC and size the zip headers need. */
export interface Packed {
  packed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Deflates an entry piece by piece (zlib works on the thread pool while the next piece is written) and
 * keeps only the compressed bytes, with the CRC and size the zip headers need.
 */
const DEFLATE_BACKLOG = 2 << 20;

export async function deflated(data: Buffer | AsyncIterable<Buffer>): Promise<Packed> {
  const deflate = zlib.createDeflateRaw({ level: 1, chunkSize: 1 << 20 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for await (const piece of Buffer.isBuffer(data) ? [data] : data) {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    // Up to 2 MB may wait for zlib, so the next piece is written while it works. zlib takes its next piece
    // only when this thread's event loop turns: the pause lets it, and it works while the next is written.
    if (!deflate.write(piece) && deflate.writableLength > DEFLATE_BACKLOG) await once(deflate, 'drain');
    else await setImmediate();
  }
  deflate.end();
  await ended;
  // In an ArrayBuffer of its own (never Node's shared pool), so a worker can hand it over without a copy.
  const packed = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
  out.reduce((at, b) => (packed.set(b, at), at + b.length), 0);
  return { packed, crc, size };
}
