/** The monthly workbook read back: every sheet, the summary equal to the statistics, text never a formula. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intake, openHarness, tempDir, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import { writeCsv } from '../../electron/core/reports/xlsx-writer';

let h: Harness;
let supervisor: Client;
let book: XLSX.WorkBook;
let raw: Buffer;

const INJECTIONS = ['=HYPERLINK("http://evil","点我")', '+86 138', '-1+2', '@SUM(A1)', '\t=1+1'];

beforeAll(async () => {
  h = await openHarness();
  const roles = await h.signedIn();
  supervisor = roles.supervisor;
  h.clock.now = new Date('2026-11-10T02:00:00Z');
  await h.ok(roles.clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
  await h.ok(supervisor, 'auth.login', { username: 'supervisor', password: 'supervisor-pass-1' });
  for (const [i, name] of INJECTIONS.entries()) {
    await h.ok(roles.clerk, 'tickets.create', intake({ reportedAt: `2026-11-0${i + 2}T02:00:00.000Z`, newCustomer: { name, phone: `1380000000${i}` }, faultDescription: name }));
  }
  // A device in the depot and a partly paid bill, so the 返修登记 and 收费明细 sheets have rows.
  const model = await h.ok(roles.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
  await h.ok(roles.clerk, 'returns.checkIn', { ticketId: 1, modelId: model.id, serial: 'SN-0001', faultStated: '不制冷', expectedDate: '2026-11-20' });
  await h.ok(roles.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-10', rules: { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 12_345, perHourFen: 6_000 }] } });
  const consent = { channel: 'phone' as const, signature: null, note: '', informed: true as const };
  const bill = await h.ok(roles.clerk, 'bills.create', { ticketId: 2, lines: [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }], consent });
  await h.ok(roles.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 2_345 });
  const file = await h.ok(supervisor, 'reports.monthlyWorkbook', { from: '2026-11-01', to: '2026-11-30' });
  expect(file.fileName).toBe('售后服务月度统计-2026-11.xlsx');
  raw = Buffer.from(file.dataBase64, 'base64');
  book = XLSX.read(raw, { type: 'buffer', cellFormula: true, cellNF: true });
});
afterAll(() => h.close());

describe('monthly workbook', () => {
  it('has the twelve sheets in Chinese, in order', () => {
    expect(book.SheetNames).toEqual(['汇总', '按问题类型', '按产品型号', '按工程师', '响应与解决时效', '工时', '满意度与回访', '返修登记', '收费明细', '重复故障', '质量报告', '工单明细']);
  });

  it('the summary carries the statistics, the previous month and the targets', async () => {
    const stats = await h.ok(supervisor, 'reports.statistics', { from: '2026-11-01', to: '2026-11-30' });
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['汇总']!, { header: 1, blankrows: false });
    expect(rows[0]?.[0]).toBe('售后服务月度统计 · 汇总 · 统计期间：2026-11-01 至 2026-11-30');
    expect(rows[1]).toEqual(['指标', '本期', '上期', '目标']);
    const byName = new Map(rows.slice(2).map((r) => [r[0], r.slice(1)]));
    expect(byName.get('受理工单')).toEqual([stats.current.received, stats.previous.received]);
    expect(byName.get('期末未结')).toEqual([stats.current.openAtEnd, stats.previous.openAtEnd]);
    expect(byName.get('一次性解决率')?.[2]).toBe(0.9);
    expect(byName.get('返修接收')).toEqual([stats.current.returns.received, stats.previous.returns.received]);
    expect(byName.get('期末在库超期')?.[0]).toBe(stats.current.returns.overdueAtEnd);
    expect(byName.get('开单金额（元）')?.[0]).toBe(stats.current.fees.billedFen / 100);
    expect(byName.get('期末未收（元）')?.[0]).toBe(stats.current.fees.outstandingFen / 100);
    // The title across the table, and the note on how 及时率 is counted under it, one row left blank.
    const last = rows.length + 1; // rows without the blank one, 1-based: the note's row
    expect(book.Sheets['汇总']!['!merges']).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }, { s: { r: last - 1, c: 0 }, e: { r: last - 1, c: 3 } }]);
    expect(rows.at(-1)?.[0]).toMatch(/^及时率 = /);
  });

  it('lists every ticket of the month with dates as dates, and keeps formula-looking text as text', () => {
    const sheet = book.Sheets['工单明细']!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: false });
    expect(rows.length).toBe(2 + INJECTIONS.length);
    for (const [i, text] of INJECTIONS.entries()) {
      const customer = sheet[XLSX.utils.encode_cell({ r: 2 + i, c: 6 })]!;
      expect([customer.t, customer.v, customer.f]).toEqual(['s', text.trim(), undefined]); // names are stored trimmed
    }
    const reported = sheet['B3']!;
    expect([reported.t, reported.z]).toEqual(['n', 'yyyy-mm-dd hh:mm']);
    // 2026-11-02 02:00 UTC is 10:00 at the desk.
    expect(XLSX.SSF.format('yyyy-mm-dd hh:mm', reported.v as number)).toBe('2026-11-02 10:00');
    expect(sheet['!autofilter']).toEqual({ ref: `A2:O${2 + INJECTIONS.length}` });
  });

  it('labels tickets without a model as not registered, and without an engineer as unassigned', () => {
    const firstColumn = (sheet: string) => XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet]!, { header: 1, blankrows: false }).slice(2).map((r) => r[0]);
    expect(firstColumn('按产品型号')).toEqual(['（未登记型号）']);
    expect(firstColumn('按工程师')).toEqual(['（未指派）']);
  });

  it('freezes the title and header rows of every sheet', () => {
    const zip = XLSX.CFB.read(raw, { type: 'buffer' });
    const sheets = zip.FullPaths.map((p: string, i: number) => [p, zip.FileIndex[i]!] as const).filter(([p]: readonly [string, unknown]) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(12);
    for (const [, entry] of sheets) expect(Buffer.from(entry.content as Uint8Array).toString()).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });

  it('lists the depot and the bills of the month', () => {
    const depot = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['返修登记']!, { header: 1, blankrows: false });
    expect(depot[1]).toEqual(['处理单号', '接收时间', '状态', '客户', '型号', '序列号', '预计完成', '在库天数', '交还/结束时间']);
    expect(depot[2]).toMatchObject(['RMA202611100001', expect.anything(), '已接收', INJECTIONS[0], 'KFR-35', 'SN-0001', '2026-11-20', 20]);
    // The customer's name is formula-looking text: kept as text here too.
    expect(book.Sheets['返修登记']!.D3).toMatchObject({ t: 's', v: INJECTIONS[0] });
    expect(book.Sheets['返修登记']!.D3!.f).toBeUndefined();
    const fees = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['收费明细']!, { header: 1, blankrows: false });
    expect(fees[1]).toEqual(['工单号', '开单日期', '客户', '保修状态', '应收（元）', '期末已收（元）', '期末未收（元）']);
    expect(fees[2]?.slice(2)).toEqual([INJECTIONS[1], '保修未知', 123.45, 23.45, 100]);
    expect(book.Sheets['收费明细']!.E3!.z).toBe('#,##0.00');
  });

  it('speaks English when asked', async () => {
    const en = h.client('en');
    await h.ok(en, 'auth.login', { username: 'supervisor', password: 'supervisor-pass-1' });
    const file = await h.ok(en, 'reports.monthlyWorkbook', { from: '2026-11-01', to: '2026-11-30' });
    const english = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    expect([file.fileName, english.SheetNames[0], english.SheetNames[10], english.SheetNames[11]]).toEqual(['aftercare-statistics-2026-11.xlsx', 'Summary', 'Quality', 'Tickets']);
  });
});

describe('LibreOffice opens the workbook', () => {
  it('and its summary figures equal the statistics the dashboard shows', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'month.xlsx');
    fs.writeFileSync(file, raw);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, 'month.csv'), 'utf8');
    const lines = new Map(csv.trim().split(/\r?\n/).map((l) => l.split(',')).map((cells) => [cells[0], cells.slice(1)]));
    const stats = await h.ok(supervisor, 'reports.statistics', { from: '2026-11-01', to: '2026-11-30' });
    expect(lines.get('受理工单')?.slice(0, 2)).toEqual([String(stats.current.received), String(stats.previous.received)]);
    expect(lines.get('期末未结')?.[0]).toBe(String(stats.current.openAtEnd));
    expect(lines.get('一次性解决率')?.[2]).toBe('90.0%');
    expect(lines.get('开单金额（元）')?.[0]).toBe((stats.current.fees.billedFen / 100).toFixed(2));
    expect(lines.get('返修接收')?.[0]).toBe(String(stats.current.returns.received));
  }, 150_000);
});

describe('the workbook prints as a report', () => {
  const ARTIFACTS = path.resolve('tests/artifacts/workbook');

  it('each sheet says how: landscape A4 fit to width, print area, title and header repeated', () => {
    const zip = XLSX.CFB.read(raw, { type: 'buffer' });
    const text = (p: string) => Buffer.from(XLSX.CFB.find(zip, p)!.content as Uint8Array).toString('utf8');
    const workbook = text('/xl/workbook.xml');
    book.SheetNames.forEach((name, k) => {
      const sheet = text(`/xl/worksheets/sheet${k + 1}.xml`);
      expect(sheet).toMatch(/^<\?xml[^>]*>\s*<worksheet[^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension/);
      expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${k}">&apos;${name}&apos;!$1:$2</definedName>`);
      expect(workbook).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${k}">&apos;${name}&apos;!\\$A\\$1:\\$[A-Z]+\\$\\d+</definedName>`));
    });
    // The title bold, the header bold and shaded, the table ruled (styles SheetJS CE does not write).
    const styles = text('/xl/styles.xml');
    expect(styles).toContain('<patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/>');
    const xfs = [.../<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const styleOf = (sheet: string, ref: string) => xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1] ?? 0)]!;
    const summary = text('/xl/worksheets/sheet1.xml');
    expect(styleOf(summary, 'A1')).toMatch(/fontId="1" fillId="0" borderId="0"/);
    expect(styleOf(summary, 'B2')).toMatch(/fontId="2" fillId="2" borderId="1"/);
    expect(styleOf(summary, 'A3')).toContain('borderId="1"'); // text
    expect(styleOf(summary, 'B3')).toContain('borderId="1"'); // number
  });

  it('LibreOffice prints a small month on a page per sheet, all landscape', () => {
    const dir = tempDir();
    const file = path.join(dir, 'month.xlsx');
    fs.writeFileSync(file, raw);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = path.join(dir, 'month.pdf');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes).toHaveLength(book.SheetNames.length);
    for (const [w, h] of sizes) expect(w).toBeGreaterThan(h!);
    // The quality sheet (page 11) as LibreOffice reads it: the month's five hardware faults.
    const quality = execFileSync('pdftotext', ['-layout', '-f', '11', '-l', '11', pdf, '-'], { encoding: 'utf8' });
    expect(quality).toContain('质量报告');
    expect(quality).toMatch(/硬件故障工单\s+5/);
    // The summary page, to look at.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '12', pdf, path.join(ARTIFACTS, 'month')]);
  }, 150_000);
});

describe('CSV for Excel', () => {
  it('starts with a BOM, quotes what needs quoting, and defuses formula-looking text', () => {
    const csv = writeCsv(['客户', '说明'], [['=1+1', '他说"好"'], ['-2', 'a,b'], ['@x', '\t=cmd'], ['陈先生', null]]).toString('utf8');
    expect(csv).toBe(`\uFEFF客户,说明\r\n'=1+1,"他说""好"""\r\n'-2,"a,b"\r\n'@x,'\t=cmd\r\n陈先生,\r\n`);
  });
});

describe('the 工单明细 sheet of a busy month', () => {
  it('is written page by page: 12,001 tickets, many at the same instant, each once and in order', async () => {
    const busy = await openHarness();
    try {
      const roles = await busy.signedIn();
      await busy.ok(roles.clerk, 'tickets.create', intake({ reportedAt: '2026-10-15T02:00:00.000Z' }));
      // Copies of that ticket, three per instant (so pages break inside a run of equal report times), each
      // later copy reported earlier (so the id order is not the report order).
      await busy.core.db.write((tx) =>
        tx.run(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)
           INSERT INTO tickets (number, status, channel, reported_at, received_by, customer_id, contact_name, contact_phone, contact_phone_norm, urgency, problem_type,
             warranty_status, fault_description, response_due_at, resolve_due_at, created_at, updated_at)
           SELECT printf('TS%06d', i), status, channel, reported_at - (i / 3) * 60000, received_by, customer_id, contact_name,
             contact_phone, contact_phone_norm, urgency, problem_type, warranty_status, fault_description, response_due_at, resolve_due_at, created_at, updated_at
           FROM tickets, n WHERE tickets.id = 1`,
        ),
      );
      const file = await busy.ok(roles.supervisor, 'reports.monthlyWorkbook', { from: '2026-10-01', to: '2026-10-31' });
      const sheet = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' }).Sheets['工单明细']!;
      const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, blankrows: false }).slice(2);
      const expected = await busy.core.db.query<{ number: string }>('SELECT number FROM tickets ORDER BY reported_at, id');
      expect(rows).toHaveLength(12_001);
      expect(rows.map((r) => r[0])).toEqual(expected.map((t) => t.number));
      expect(sheet['!ref']).toBe('A1:O12003');
      expect(sheet['!autofilter']?.ref).toBe('A2:O12003');
    } finally {
      await busy.close();
    }
  });
});

describe('times in the workbook', () => {
  it("are the desk's wall clock on each date, across the change to winter time (Europe/Berlin)", async () => {
    const desk = await openHarness();
    try {
      const roles = await desk.signedIn();
      const s = await desk.ok(roles.admin, 'settings.get', {});
      await desk.ok(roles.admin, 'settings.update', { version: s.version, company: s.company, ticketNumberPattern: s.ticketNumberPattern, sla: s.sla, timeZone: 'Europe/Berlin' });
      await desk.ok(roles.clerk, 'tickets.create', intake({ reportedAt: '2026-10-20T10:00:00.000Z' })); // summer time, UTC+2
      await desk.ok(roles.clerk, 'tickets.create', intake({ reportedAt: '2026-10-28T10:00:00.000Z' })); // winter time, UTC+1
      const file = await desk.ok(roles.supervisor, 'reports.monthlyWorkbook', { from: '2026-10-01', to: '2026-10-31' });
      const sheet = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' }).Sheets['工单明细']!;
      expect([sheet.B3!, sheet.B4!].map((cell) => XLSX.SSF.format('yyyy-mm-dd hh:mm', cell.v as number))).toEqual(['2026-10-20 12:00', '2026-10-28 11:00']);
    } finally {
      await desk.close();
    }
  });
});
