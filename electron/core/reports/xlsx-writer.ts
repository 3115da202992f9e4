/**
 * A thin layer over SheetJS CE for report sheets: a merged title row, a header row frozen below it,
 * auto-filter, column widths, number formats; text always written as text (never a formula).
 * SheetJS CE writes no frozen panes, so they are added to the finished file's sheet XML, and it needs
 * an object per cell (about 9 KB per ticket row, 27 s for 100,000 rows), so the data rows are written
 * beside it in its own XML form (see sheetOf). A large sheet's rows may come page by page (PagedRows):
 * each page becomes XML and is deflated before the next is read, so the whole sheet is never in memory.
 * A sheet may also be written by another thread around the frame made here (sheetFrame) and put into the
 * workbook as it comes (WrittenRows).
 *
 * SheetJS CE writes no cell styles (fonts, fills, borders) and no page setup. Both are added to the
 * package XML it wrote (see printable and styled): each sheet prints landscape on A4, fit to the page's
 * width, its title and header rows repeated on every page; the title is bold, the header shaded, the
 * table ruled. The title and header cells carry marker number formats (TITLE_FORMAT, HEADER_FORMAT) so
 * that SheetJS gives them cell styles of their own, the first two of every workbook.
 */
import { createRequire } from 'node:module';
import type * as Sheets from 'xlsx';
import { withoutXmlForbidden } from '../../../shared/domain/text-characters';
import { deflated, framed, TEXT_FORMAT, type CellValue, type Column, type Packed, type PagedRows, type SheetFrame } from './xlsx-rows';
import { csvField, guardFormula } from './csv-guard';

/** SheetJS, loaded by the first workbook or export: loading it (its code pages) cost 0.4 s of every start. */
let sheets: typeof Sheets | null = null;
const XLSX = (): typeof Sheets => (sheets ??= createRequire(__filename)('xlsx') as typeof Sheets);

export type { CellValue, Column, PagedRows, SheetFrame } from './xlsx-rows';

/**
 * Rows written elsewhere (another thread) into the sheet's frame (sheetFrame): their count for the
 * workbook's ranges, the cell styles the frame gave their number formats, and the deflated sheet XML.
 */
export interface WrittenRows {
  count: number;
  styles: [string, number][];
  entry: Promise<Packed>;
}

export interface SheetSpec {
  name: string;
  title: string;
  columns: Column[];
  rows: CellValue[][] | PagedRows | WrittenRows;
  /** Shown under the table when there are no rows. */
  empty?: string;
  /** A note under the table (how a figure is counted), across its width and wrapped. */
  note?: string;
}

function cell(value: CellValue, format?: string): Sheets.CellObject {
  if (value === null) return { t: 'z' };
  if (typeof value === 'object' && !(value instanceof Date)) return value.value === null ? { t: 'z' } : { t: 'n', v: value.value, z: value.format };
  if (typeof value === 'number') return { t: 'n', v: value, z: format };
  if (value instanceof Date) return { t: 'd', v: value, z: format ?? 'yyyy-mm-dd hh:mm' };
  // A string cell is never evaluated, whatever it starts with (=, +, -, @): the type says text. Characters
  // XML forbids are dropped (see xlsx-rows: text stored before its fields refused them).
  return { t: 's', v: withoutXmlForbidden(value) };
}

const rowCount = (spec: SheetSpec) => (Array.isArray(spec.rows) ? spec.rows.length : spec.rows.count);
const isWritten = (rows: SheetSpec['rows']): rows is WrittenRows => 'entry' in rows;

const columnFormats = (columns: Column[]) => [...new Set([...columns.flatMap((c) => (c.format ? [c.format] : [])), TEXT_FORMAT])];

/**
 * Number formats of a sheet's data cells, in order of first use (each gets one cell style). Paged and
 * written rows are not read twice: their cells use their columns' formats.
 */
function formatsOf(spec: SheetSpec): string[] {
  if (rowCount(spec) === 0) return [];
  if (!Array.isArray(spec.rows)) return columnFormats(spec.columns);
  const seen = new Set<string>();
  for (const row of spec.rows) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c]!;
      if (value === null) continue;
      if (typeof value === 'string') {
        seen.add(TEXT_FORMAT);
        continue;
      }
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
function sheetOf(spec: Omit<SheetSpec, 'rows'>, count: number, formats: string[]): Sheets.WorkSheet {
  const width = spec.columns.length;
  const dense: Sheets.CellObject[][] = [[{ ...cell(spec.title), z: TITLE_FORMAT }], spec.columns.map((col) => ({ ...cell(col.header), z: HEADER_FORMAT }))];
  if (formats.length > 0) dense.push(formats.map((z) => ({ t: 'n', v: 0, z: z === 'General' ? undefined : z })));
  const ws = dense as unknown as Sheets.WorkSheet;
  let last = count + 1;
  if (count === 0 && spec.empty) dense[(last = dense.length)] = [cell(spec.empty)]; // under the header, or the probe
  const merges = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  const rows: Sheets.RowInfo[] = [{ hpt: 34 }]; // the title wraps onto a second line on a narrow sheet instead of being cut
  if (spec.note) {
    // After the data rows (they are put where the probe is), one row left blank.
    last = Math.max(last, formats.length > 0 ? 2 : 1) + 2;
    dense[last] = [{ ...cell(spec.note), z: NOTE_FORMAT }];
    merges.push({ s: { r: last, c: 0 }, e: { r: last, c: width - 1 } });
    rows[last] = { hpt: 32 };
  }
  ws['!ref'] = XLSX().utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(last, 1, formats.length > 0 ? 2 : 0), c: Math.max(width, formats.length) - 1 } });
  ws['!merges'] = merges;
  ws['!cols'] = spec.columns.map((c) => ({ wch: c.width }));
  ws['!autofilter'] = { ref: XLSX().utils.encode_range({ s: { r: 1, c: 0 }, e: { r: count + 1, c: width - 1 } }) };
  ws['!rows'] = rows;
  ws['!margins'] = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
  return ws;
}

/** Marker number formats of the title and header cells (their text shown as is): they get styles of their own. */
const TITLE_FORMAT = ';;;@';
const HEADER_FORMAT = '0;-0;0;@';
const NOTE_FORMAT = '0;0;0;@';

/** Each sheet's print area and the rows repeated on every printed page (title and header). */
function printNames(sheets: { spec: Omit<SheetSpec, 'rows'>; ws: Sheets.WorkSheet }[]) {
  return sheets.flatMap(({ spec, ws }, k) => {
    const quoted = `'${spec.name.replace(/'/g, "''")}'`;
    const end = XLSX().utils.encode_col(Math.max(spec.columns.length, 1) - 1);
    const lastRow = XLSX().utils.decode_range(ws['!ref']!).e.r + 1;
    return [
      { Name: '_xlnm.Print_Area', Sheet: k, Ref: `${quoted}!$A$1:$${end}$${lastRow}` },
      { Name: '_xlnm.Print_Titles', Sheet: k, Ref: `${quoted}!$1:$2` },
    ];
  });
}

/**
 * A sheet's XML made printable: fit to the width of a landscape A4 page (as many pages down as it
 * takes), centred, its page numbers in the footer. The elements go where the schema orders them.
 */
function printable(xml: string): string {
  const setup = '<printOptions horizontalCentered="1"/>' + /<pageMargins[^>]*\/>/.exec(xml)?.[0] + '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/><headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>';
  const at = xml.indexOf('<ignoredErrors');
  const body = xml.replace(/<pageMargins[^>]*\/>/, '');
  const end = at < 0 ? body.lastIndexOf('</worksheet>') : body.indexOf('<ignoredErrors');
  return body.slice(0, end).replace(/(<worksheet[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') + setup + body.slice(end);
}

/**
 * The workbook's styles with a bold title (wrapped, on two lines when the sheet is narrow), a bold
 * shaded header and thin rules around every cell of the tables. The title and header styles are found
 * by their marker formats; every other style (text and number cells) gets the rules.
 */
function styled(xml: string): string {
  const custom = [...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
  const titleId = custom.find((m) => m[2] === TITLE_FORMAT)?.[1];
  const noteId = custom.find((m) => m[2] === NOTE_FORMAT)?.[1];
  const headerId = custom.find((m) => m[2] === HEADER_FORMAT)?.[1];
  const count = (tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)![1]);
  const [fonts, fills, borders] = [count('fonts'), count('fills'), count('borders')];
  const font = (size: number) => `<font><b/><sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  const side = (s: string) => `<${s} style="thin"><color rgb="FF9AA5B1"/></${s}>`;
  return xml
    .replace(/<fonts count="\d+">(.*?)<\/fonts>/, `<fonts count="${fonts + 2}">$1${font(14)}${font(11)}</fonts>`)
    .replace(/<fills count="\d+">(.*?)<\/fills>/, `<fills count="${fills + 1}">$1<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>`)
    .replace(/<borders count="\d+">(.*?)<\/borders>/, `<borders count="${borders + 1}">$1<border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border></borders>`)
    .replace(/<cellXfs count="\d+">(.*?)<\/cellXfs>/, (all: string, xfs: string) => all.replace(xfs, xfs.replace(/<xf numFmtId="(\d+)" fontId="0" fillId="0" borderId="0"([^>]*?)\/>/g, (_: string, id: string, rest: string) => {
      if (id === titleId) return `<xf numFmtId="${id}" fontId="${fonts}" fillId="0" borderId="0"${rest} applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>`;
      if (id === noteId) return `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"${rest} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`;
      if (id === headerId) return `<xf numFmtId="${id}" fontId="${fonts + 1}" fillId="${fills}" borderId="${borders}"${rest} applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`;
      return `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="${borders}"${rest} applyBorder="1"/>`;
    })));
}

const FROZEN = '<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * Splits a sheet's XML as SheetJS wrote it where its probe row is (the data rows go there), with the
 * title and header rows frozen, and reads the cell style of each number format from the probe.
 */
function frameOf(written: Uint8Array, formats: string[]): SheetFrame {
  const xml = printable(Buffer.from(written).toString('utf8').replace('<sheetView workbookViewId="0"/>', FROZEN));
  if (formats.length === 0) {
    // No probe row (no rows, or text only): the rows go at the end of sheetData, not after the document.
    const end = xml.lastIndexOf('</sheetData>');
    return { head: xml.slice(0, end), tail: xml.slice(end), styles: [] };
  }
  const probe = /<row r="3"[^>]*>(.*?)<\/row>/.exec(xml)!;
  const styles = [...probe[1]!.matchAll(/<c r="[A-Z]+3"(?: s="(\d+)")?/g)];
  return { head: xml.slice(0, probe.index), tail: xml.slice(probe.index + probe[0].length), styles: formats.map((z, j) => [z, Number(styles[j]?.[1] ?? 0)]) };
}

/** The sheet XML entries of a file SheetJS wrote (uncompressed), by sheet number from 0, and its other entries. */
function entriesOf(file: Buffer): { sheets: Map<number, { name: string; content: Uint8Array }>; others: ZipEntry[] } {
  const zip = XLSX().CFB.read(file, { type: 'buffer' });
  const root = zip.FullPaths[0]!;
  const sheets = new Map<number, { name: string; content: Uint8Array }>();
  const others: ZipEntry[] = [];
  zip.FullPaths.forEach((p: string, i: number) => {
    const entry = zip.FileIndex[i]!;
    const name = p.slice(root.length);
    if (i === 0 || !entry.size || !entry.content || name === '\u0001Sh33tJ5') return;
    const m = /xl\/worksheets\/sheet(\d+)\.xml$/.exec(p);
    if (m) sheets.set(Number(m[1]) - 1, { name, content: entry.content as Uint8Array });
    else others.push({ name, data: name.endsWith('xl/styles.xml') ? Buffer.from(styled(Buffer.from(entry.content as Uint8Array).toString('utf8')), 'utf8') : Buffer.from(entry.content as Uint8Array) });
  });
  return { sheets, others };
}

/**
 * Puts each sheet's data rows in place of its probe row and freezes the title and header rows; a sheet
 * written elsewhere goes in as it came, once its cell styles are known to be the workbook's. SheetJS
 * writes the package uncompressed (cheap to read back); the zip is then written with Node's zlib, which
 * deflates 70 MB of sheet XML in a fraction of a second where SheetJS's JS deflate takes many.
 */
function finish(file: Buffer, sheets: SheetSpec[], formats: string[][]): Promise<Buffer> {
  const { sheets: xmls, others } = entriesOf(file);
  const entries = [...others];
  for (const [k, { name, content }] of [...xmls].sort((a, b) => a[0] - b[0])) {
    const { rows, columns, name: sheet } = sheets[k]!;
    const frame = frameOf(content, formats[k]!);
    if (!isWritten(rows)) {
      entries.push({ name, data: framed(frame, rows, columns) });
      continue;
    }
    // Only a bug could make them differ (see writeWorkbook): the sheet would show wrong number formats.
    const styleOf = new Map(frame.styles);
    if (rows.styles.some(([z, s]) => styleOf.get(z) !== s)) throw new Error(`sheet ${sheet}: cell styles differ from the workbook's`);
    entries.push({ name, data: rows.entry });
  }
  return zipOf(entries);
}

interface ZipEntry {
  name: string;
  /** Bytes to deflate, as one buffer or piece by piece; or an entry deflated elsewhere. */
  data: Buffer | AsyncIterable<Buffer> | Promise<Packed>;
}

/** A zip of deflated entries (the layout SheetJS's CFB writes, with Node's zlib doing the work). */
async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const out: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const { packed, crc, size } = await (e.data instanceof Promise ? e.data : deflated(e.data));
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

/** The package SheetJS writes for these sheets, uncompressed, with a probe row of each sheet's formats. */
function skeleton(sheets: { spec: Omit<SheetSpec, 'rows'>; count: number; formats: string[] }[]): Buffer {
  const wb = XLSX().utils.book_new();
  const made = sheets.map(({ spec, count, formats }) => ({ spec, ws: sheetOf(spec, count, formats) }));
  for (const { spec, ws } of made) XLSX().utils.book_append_sheet(wb, ws, spec.name);
  wb.Workbook = { Names: printNames(made) };
  return XLSX().write(wb, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer;
}

export function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const formats = sheets.map(formatsOf);
  // SheetJS numbers cell styles in the order it meets their formats. A sheet written elsewhere has its
  // formats numbered 1, 2, … as in a workbook of its own (sheetFrame): here the first sheet's probe meets
  // them first, so they get the same numbers (finish checks it).
  const elsewhere = sheets.flatMap((spec, k) => (isWritten(spec.rows) ? formats[k]! : []));
  if (sheets.length > 0) formats[0] = [...new Set([...elsewhere, ...formats[0]!])];
  return finish(skeleton(sheets.map((spec, k) => ({ spec, count: rowCount(spec), formats: formats[k]! }))), sheets, formats);
}

/**
 * The frame of a sheet with `count` rows, as in a workbook of its own: another thread writes the rows
 * into it (dataRowsXml), deflates it, and writeWorkbook takes it as WrittenRows.
 */
export function sheetFrame(spec: Omit<SheetSpec, 'rows'>, count: number): SheetFrame {
  const formats = count === 0 ? [] : columnFormats(spec.columns);
  return frameOf(entriesOf(skeleton([{ spec, count, formats }])).sheets.get(0)!.content, formats);
}

/** CSV for Excel: UTF-8 with BOM (Chinese opens right); text that could start a formula, after `;` or `,` too, gets a quote. */
export function writeCsv(columns: string[], rows: CellValue[][]): Buffer {
  const field = (v: CellValue) => {
    if (v === null) return '';
    // Dates arrive as wall-clock time in UTC fields (as for the workbook): written as "2026-11-24 10:00".
    let text = v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : typeof v === 'object' ? String(v.value ?? '') : String(v);
    if (typeof v === 'string') text = guardFormula(text);
    return csvField(text);
  };
  const lines = [columns, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
