/**
 * The spreadsheet writer's own rules: dates are the wall-clock time they carry whatever the zone of the
 * PC writing the file, and a sheet written elsewhere into its frame goes into the workbook as it is.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { deflated, framed } from '../../electron/core/reports/xlsx-rows';
import { sheetFrame, writeWorkbook, type Column, type SheetSpec } from '../../electron/core/reports/xlsx-writer';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const columns: Column[] = [
  { header: '时间', width: 17, format: 'yyyy-mm-dd hh:mm' },
  { header: '内容', width: 20 },
];
/** 2026-10-01 09:00 on the desk's clock, passed as the reports pass it: in the Date's UTC fields. */
const nineOclock = new Date(Date.UTC(2026, 9, 1, 9, 0));
const NINE_OCLOCK_SERIAL = 46296.375; // days since 1899-12-30, plus 9/24

const read = (file: Buffer, sheet: string) => XLSX.read(file, { type: 'buffer', cellNF: true }).Sheets[sheet]!;

describe('dates in a written sheet', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'])('are the wall-clock time they carry when the PC is in %s', async (tz) => {
    process.env.TZ = tz;
    const file = await writeWorkbook([{ name: '表', title: '标题', columns, rows: [[nineOclock, '开机']] }]);
    const cell = read(file, '表')['A3']!;
    expect(cell.t).toBe('n');
    expect(cell.v).toBeCloseTo(NINE_OCLOCK_SERIAL, 9);
    expect(cell.z).toBe('yyyy-mm-dd hh:mm');
  });
});

describe('a sheet written elsewhere into its frame', () => {
  const spec = { name: '明细', title: '明细 · 2026-10', columns, empty: '无' };

  async function written(rows: (Date | string)[][]): Promise<SheetSpec> {
    const frame = sheetFrame(spec, rows.length);
    return { ...spec, rows: { count: rows.length, styles: frame.styles, entry: deflated(framed(frame, rows, columns)) } };
  }

  it('reads back with its rows, formats, range and filter, after sheets with other formats', async () => {
    const first: SheetSpec = { name: '汇总', title: '汇总', columns: [{ header: '率', width: 8, format: '0.0%' }, { header: '金额', width: 8, format: '#,##0.00' }], rows: [[0.5, 12.5]] };
    const rows = [[nineOclock, '=1+1'], [new Date(Date.UTC(2026, 9, 2, 18, 30)), ' 前后有空格 ']];
    const book = XLSX.read(await writeWorkbook([first, await written(rows)]), { type: 'buffer', cellNF: true });
    const sheet = book.Sheets['明细']!;
    expect(book.SheetNames).toEqual(['汇总', '明细']);
    expect(sheet['!ref']).toBe('A1:B4');
    expect(sheet['!autofilter']?.ref).toBe('A2:B4');
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false }).slice(2)).toEqual([
      ['2026-10-01 09:00', '=1+1'],
      ['2026-10-02 18:30', ' 前后有空格 '],
    ]);
    expect(sheet['B3']).toMatchObject({ t: 's', v: '=1+1' });
    expect(sheet['B3'].f).toBeUndefined();
    expect(book.Sheets['汇总']!['A3']).toMatchObject({ v: 0.5, z: '0.0%' });
    expect(book.Sheets['汇总']!['B3']).toMatchObject({ v: 12.5, z: '#,##0.00' });
  });

  it('keeps its note when it has no rows', async () => {
    const book = XLSX.read(await writeWorkbook([await written([])]), { type: 'buffer' });
    expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['明细']!, { header: 1 })).toEqual([['明细 · 2026-10'], ['时间', '内容'], ['无']]);
  });
});
