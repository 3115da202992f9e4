/**
 * A thin layer over SheetJS CE for report sheets: a merged title row, a header row frozen below it,
 * auto-filter, column widths, number formats; text always written as text (never a formula).
 * SheetJS CE writes no frozen panes, so they are added to the finished file's sheet XML.
 */
import * as XLSX from 'xlsx';

/** A value, or a number with its own format (a rate in a column of counts). */
export type CellValue = string | number | Date | null | { value: number | null; format: string };

export interface Column {
  header: string;
  width: number;
  /** Excel number format, e.g. '0.0%', '0.0', 'yyyy-mm-dd hh:mm'. */
  format?: string;
}

export interface SheetSpec {
  name: string;
  title: string;
  columns: Column[];
  rows: CellValue[][];
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

function sheetOf(spec: SheetSpec): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  const width = spec.columns.length;
  ws[XLSX.utils.encode_cell({ r: 0, c: 0 })] = cell(spec.title);
  spec.columns.forEach((col, c) => (ws[XLSX.utils.encode_cell({ r: 1, c })] = cell(col.header)));
  spec.rows.forEach((row, r) => row.forEach((value, c) => (ws[XLSX.utils.encode_cell({ r: r + 2, c })] = cell(value, spec.columns[c]?.format))));
  let last = spec.rows.length + 1;
  if (spec.rows.length === 0 && spec.empty) ws[XLSX.utils.encode_cell({ r: ++last, c: 0 })] = cell(spec.empty);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(last, 1), c: width - 1 } });
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  ws['!cols'] = spec.columns.map((c) => ({ wch: c.width }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 1, c: 0 }, e: { r: spec.rows.length + 1, c: width - 1 } }) };
  return ws;
}

/** Freezes the title and header rows of every sheet in a written workbook. */
function freezeHeaders(file: Buffer): Buffer {
  const zip = XLSX.CFB.read(file, { type: 'buffer' });
  zip.FullPaths.forEach((p: string, i: number) => {
    if (!/xl\/worksheets\/sheet\d+\.xml$/.test(p)) return;
    const entry = zip.FileIndex[i]!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const frozen = xml.replace('<sheetView workbookViewId="0"/>', '<sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView>');
    entry.content = Buffer.from(frozen, 'utf8');
    entry.size = entry.content.length;
  });
  return Buffer.from(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Uint8Array);
}

export function writeWorkbook(sheets: SheetSpec[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(wb, sheetOf(spec), spec.name);
  return freezeHeaders(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

/** CSV for Excel: UTF-8 with BOM (Chinese opens right); text that could start a formula gets a leading quote. */
export function writeCsv(columns: string[], rows: CellValue[][]): Buffer {
  const field = (v: CellValue) => {
    if (v === null) return '';
    let text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? String(v.value ?? '') : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns, ...rows].map((row) => row.map(field).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
