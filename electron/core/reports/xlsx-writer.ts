/**
 * A thin layer over SheetJS CE for report sheets: a merged title row, a header row frozen below it,
 * auto-filter, column widths, number formats; text always written as text (never a formula).
 * SheetJS CE writes no frozen panes, so they are added to the finished file's sheet XML, and it needs
 * an object per cell (about 9 KB per ticket row, 27 s for 100,000 rows), so the data rows are written
 * beside it in its own XML form (see sheetOf). A large sheet's rows may come page by page (PagedRows):
 * each page becomes XML and is deflated before the next is read, so the whole sheet is never in memory.
 */
import { once } from 'node:events';
import zlib from 'node:zlib';
import * as XLSX from 'xlsx';

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

export interface SheetSpec {
  name: string;
  title: string;
  columns: Column[];
  rows: CellValue[][] | PagedRows;
  /** Shown under the table when there are no rows. */
  empty?: string;
}

function cell(value: CellValue, format?: string): XLSX.CellObject {
  if (value === null) return { t: 'z' };
  if (typeof value === 'object' && !(value instanceof Date)) return value.value === null ? { t: 'z' } : { t: 'n', v: value.value, z: value.format };
  if (typeof value === 'number') return { t: 'n', v: value, z: format };
  if (value instanceof Date) return { t: 'd', v: value, z: format ?? 'yyyy-mm-dd hh:mm' };
  // A string cell is never evaluated, whatever it starts with (=, +, -, @): the type says text.
  return { t: 's', v: value };
}

const rowCount = (spec: SheetSpec) => (Array.isArray(spec.rows) ? spec.rows.length : spec.rows.count);

/**
 * Number formats of a sheet's data cells, in order of first use (each gets one cell style). Paged rows
 * are not read twice: their cells use their columns' formats.
 */
function formatsOf(spec: SheetSpec): string[] {
  if (!Array.isArray(spec.rows)) return [...new Set(spec.columns.flatMap((c) => (c.format ? [c.format] : [])))];
  const seen = new Set<string>();
  for (const row of spec.rows) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c]!;
      if (value === null || typeof value === 'string') continue;
      const z = cell(value, spec.columns[c]?.format).z;
      seen.add(typeof z === 'string' ? z : 'General');
    }
  }
  return [...seen];
}

/**
 * The sheet SheetJS writes: title, header, the empty note, merges, widths, filter, and the full range —
 * but in place of the data rows one probe row with a cell per number format, so SheetJS registers each
 * format's cell style and tells us its index. The data rows are serialized by `rowsXml`, which writes
 * what SheetJS would (same cells, escaping and types) without an object per cell: dense and streaming,
 * a 100,000-row sheet takes a fraction of the time and memory.
 */
function sheetOf(spec: SheetSpec, formats: string[]): XLSX.WorkSheet {
  const width = spec.columns.length;
  const dense: XLSX.CellObject[][] = [[cell(spec.title)], spec.columns.map((col) => cell(col.header))];
  if (formats.length > 0) dense.push(formats.map((z) => ({ t: 'n', v: 0, z: z === 'General' ? undefined : z })));
  const ws = dense as unknown as XLSX.WorkSheet;
  const count = rowCount(spec);
  let last = count + 1;
  if (count === 0 && spec.empty) dense[++last] = [cell(spec.empty)];
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(last, 1, formats.length > 0 ? 2 : 0), c: Math.max(width, formats.length) - 1 } });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  ws['!cols'] = spec.columns.map((c) => ({ wch: c.width }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 1, c: 0 }, e: { r: count + 1, c: width - 1 } }) };
  return ws;
}

// SheetJS CE 0.18.5's own text rules (writetag / writextag / escapexml / datenum), so the rows read back the same.
const PRESERVE = /(^\s|\s$|\n)/;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const escapeXml = (text: string) =>
  text.replace(/[&<>'"]/g, (ch) => XML_ESCAPES[ch]!).replace(/[\u0000-\u0008\u000b-\u001f]/g, (ch) => `_x${`000${ch.charCodeAt(0).toString(16)}`.slice(-4)}_`);
const NEEDS_ESCAPE = /[&<>'"\u0000-\u0008\u000b-\u001f]/;
const BASE_DATE = new Date(1899, 11, 30, 0, 0, 0);
const excelDate = (d: Date) => (d.getTime() - (BASE_DATE.getTime() + (d.getTimezoneOffset() - BASE_DATE.getTimezoneOffset()) * 60000)) / 86_400_000;

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters, A, B, … AA, as they are first needed. */
const COLUMN_NAMES: string[] = [];
const columnLetters = (c: number) => COLUMN_NAMES[c] ?? (COLUMN_NAMES[c] = columnName(c));

/** The XML of data rows, the first being sheet row `first` (rows 3… under title and header), in UTF-8 chunks. */
function rowsXml(rows: CellValue[][], first: number, columns: Column[], styleOf: Map<string, number>): Buffer[] {
  const chunks: Buffer[] = [];
  let parts: string[] = [];
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
        const text = NEEDS_ESCAPE.test(value) ? escapeXml(value) : value;
        // <v> keeps its spaces when the text starts or ends with one or holds a line break; so do <c> and <row>.
        const breaks = text.includes('\n');
        if (breaks) preserveRow = true;
        v = PRESERVE.test(text) ? `<v xml:space="preserve">${text}</v>` : `<v>${text}</v>`;
        attrs = breaks ? `" t="str" xml:space="preserve">` : `" t="str">`;
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

/** All data rows' XML, page by page for paged rows. */
async function* sheetRowsXml(spec: SheetSpec, styleOf: Map<string, number>): AsyncGenerator<Buffer> {
  if (Array.isArray(spec.rows)) {
    yield* rowsXml(spec.rows, 3, spec.columns, styleOf);
    return;
  }
  let first = 3;
  for await (const page of spec.rows.pages()) {
    yield* rowsXml(page, first, spec.columns, styleOf);
    first += page.length;
  }
}

const FROZEN = '<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * Puts each sheet's data rows in place of its probe row and freezes the title and header rows. SheetJS
 * writes the package uncompressed (cheap to read back); the zip is then written with Node's zlib, which
 * deflates 70 MB of sheet XML in a fraction of a second where SheetJS's JS deflate takes many.
 */
function finish(file: Buffer, sheets: SheetSpec[], formats: string[][]): Promise<Buffer> {
  const zip = XLSX.CFB.read(file, { type: 'buffer' });
  const root = zip.FullPaths[0]!;
  const entries: ZipEntry[] = [];
  zip.FullPaths.forEach((p: string, i: number) => {
    const entry = zip.FileIndex[i]!;
    const name = p.slice(root.length);
    if (i === 0 || !entry.size || !entry.content || name === '\u0001Sh33tJ5') return;
    const m = /xl\/worksheets\/sheet(\d+)\.xml$/.exec(p);
    if (!m) {
      entries.push({ name, data: Buffer.from(entry.content as Uint8Array) });
      return;
    }
    const k = Number(m[1]) - 1;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace('<sheetView workbookViewId="0"/>', FROZEN);
    if (formats[k]!.length === 0) {
      entries.push({ name, data: Buffer.from(xml, 'utf8') });
      return;
    }
    const probe = /<row r="3"[^>]*>(.*?)<\/row>/.exec(xml)!;
    const styleOf = new Map<string, number>();
    const styles = [...probe[1]!.matchAll(/<c r="[A-Z]+3"(?: s="(\d+)")?/g)];
    formats[k]!.forEach((z, j) => styleOf.set(z, Number(styles[j]?.[1] ?? 0)));
    const spec = sheets[k]!;
    entries.push({
      name,
      data: (async function* () {
        yield Buffer.from(xml.slice(0, probe.index), 'utf8');
        yield* sheetRowsXml(spec, styleOf);
        yield Buffer.from(xml.slice(probe.index + probe[0].length), 'utf8');
      })(),
    });
  });
  return zipOf(entries);
}

interface ZipEntry {
  name: string;
  data: Buffer | AsyncIterable<Buffer>;
}

/**
 * Deflates an entry piece by piece (zlib works on the thread pool while the next piece is written) and
 * keeps only the compressed bytes, with the CRC and size the zip headers need.
 */
const DEFLATE_BACKLOG = 2 << 20;

async function deflated(data: ZipEntry['data']): Promise<{ packed: Buffer; crc: number; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 1, chunkSize: 1 << 20 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for await (const piece of Buffer.isBuffer(data) ? [data] : data) {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    // Up to 8 MB may wait for zlib, so the next piece is written while it works.
    if (!deflate.write(piece) && deflate.writableLength > DEFLATE_BACKLOG) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  return { packed: Buffer.concat(out), crc, size };
}

/** A zip of deflated entries (the layout SheetJS's CFB writes, with Node's zlib doing the work). */
async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const { packed, crc, size } = await deflated(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    out.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

export function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = XLSX.utils.book_new();
  const formats = sheets.map(formatsOf);
  sheets.forEach((spec, k) => XLSX.utils.book_append_sheet(wb, sheetOf(spec, formats[k]!), spec.name));
  return finish(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer, sheets, formats);
}

/** CSV for Excel: UTF-8 with BOM (Chinese opens right); text that could start a formula gets a leading quote. */
export function writeCsv(columns: string[], rows: CellValue[][]): Buffer {
  const field = (v: CellValue) => {
    if (v === null) return '';
    // Dates arrive as wall-clock time in UTC fields (as for the workbook): written as "2026-11-24 10:00".
    let text = v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : typeof v === 'object' ? String(v.value ?? '') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
