/** List exports read back: the same rows as the list's filter, words in the caller's language, text never a formula. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { MAX_EXPORT_ROWS } from '../../electron/core/reports/list-exports';

let h: Harness;
let c: Record<Role, Client>;
const EVIL = '=HYPERLINK("http://evil","点我")';

const sheetRows = (dataBase64: string) => {
  const book = XLSX.read(Buffer.from(dataBase64, 'base64'), { type: 'buffer', cellFormula: true });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  return { book, sheet, rows: XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: false }) };
};

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: { name: EVIL, phone: '13900000001' }, urgency: 'urgent', reportedAt: '2026-11-24T02:05:00.000Z' }));
  await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'normal', faultDescription: '-1+2 不开机' }));
  await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'normal' }));
  const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '分体空调', productLine: '家电', warrantyMonths: 12 });
  await h.ok(c.clerk, 'returns.checkIn', { ticketId: 1, modelId: model.id, serial: 'KF001', faultStated: '不制冷', expectedDate: '2026-11-20' });
  await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 12_345, perHourFen: 6_000 }] } });
  const consent = { channel: 'phone' as const, signature: null, note: '', informed: true as const };
  await h.ok(c.clerk, 'bills.create', { ticketId: 2, lines: [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }], consent });
});
afterAll(() => h.close());

describe('list exports', () => {
  it('the ticket list exports exactly the rows of its filter, as Excel, with Chinese headers and local times', async () => {
    const list = await h.ok(c.clerk, 'tickets.list', { urgency: ['normal'] });
    const file = await h.ok(c.clerk, 'tickets.export', { urgency: ['normal'] });
    expect(file.fileName).toMatch(/^工单列表-20261124-1800\.xlsx$/);
    const { rows, sheet } = sheetRows(file.dataBase64);
    expect(rows[1]?.slice(0, 4)).toEqual(['工单号', '报修时间', '状态', '紧急程度']);
    expect(rows.slice(2).map((r) => r[0])).toEqual(list.rows.map((r) => r.number));
    expect(rows[2]?.[3]).toBe('一般');
    // Stored as UTC, written as the desk's wall clock (Asia/Shanghai).
    expect(XLSX.SSF.format('yyyy-mm-dd hh:mm', sheet.B3!.v as number)).toBe('2026-11-24 09:30');
    const fault = [sheet.K3!, sheet.K4!].find((cell) => cell.v === '-1+2 不开机');
    expect(fault).toMatchObject({ t: 's' });
    expect(fault!.f).toBeUndefined();
  });

  it('as CSV: a BOM for Excel, and formula-looking text defused', async () => {
    const file = await h.ok(c.clerk, 'tickets.export', { urgency: ['urgent'], format: 'csv' });
    expect(file.fileName).toMatch(/\.csv$/);
    const csv = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF工单号,报修时间,状态')).toBe(true);
    const [, line] = csv.trim().split('\r\n');
    expect(line).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(line).toContain(',2026-11-24 10:05,');
  });

  it('speaks English when asked', async () => {
    const en = h.client('en');
    await h.ok(en, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const file = await h.ok(en, 'tickets.export', {});
    const { rows, book } = sheetRows(file.dataBase64);
    expect([file.fileName.startsWith('Tickets-'), book.SheetNames[0], rows[1]?.[0]]).toEqual([true, 'Tickets', 'Ticket number']);
  });

  it('the register exports its filter with days in the depot and the overdue mark', async () => {
    const file = await h.ok(c.engineer, 'returns.export', { openOnly: true });
    const { rows } = sheetRows(file.dataBase64);
    expect(rows[1]).toEqual(['处理单号', '状态', '工单号', '客户', '型号', '序列号', '接收时间', '预计完成', '在库天数', '超期']);
    expect(rows[2]).toMatchObject(['RMA202611240001', '已接收', expect.stringMatching(/^TS/), EVIL, '分体空调', 'KF001', expect.anything(), '2026-11-20', 0, '是']);
    const none = sheetRows((await h.ok(c.engineer, 'returns.export', { query: 'NOPE' })).dataBase64);
    expect(none.rows.slice(1)).toEqual([expect.arrayContaining(['处理单号']), ['没有符合筛选条件的记录']]);
  });

  it('receivables export their ageing in yuan', async () => {
    const file = await h.ok(c.clerk, 'receivables.export', {});
    const { rows } = sheetRows(file.dataBase64);
    expect(rows[1]).toEqual(['客户', '单据数', '0–30 天（元）', '31–60 天（元）', '61–90 天（元）', '90 天以上（元）', '未收合计（元）']);
    expect(rows[2]).toEqual(['陈先生', 1, 123.45, 0, 0, 0, 123.45]);
  });

  it('bad input is refused in words: an unknown format, SQL-looking search text is only text', async () => {
    const bad = await h.call(c.clerk, 'tickets.export', { format: 'pdf' } as never);
    expect(bad.ok === false && bad.error.code).toBe('VALIDATION');
    const sql = await h.ok(c.clerk, 'tickets.export', { q: "'; DROP TABLE tickets; --" });
    expect(sheetRows(sql.dataBase64).rows.slice(2)).toEqual([['没有符合筛选条件的记录']]);
    expect((await h.ok(c.clerk, 'tickets.list', {})).total).toBe(3);
  });

  it('refuses more rows than one export may hold, saying how many', async () => {
    // MAX_EXPORT_ROWS real tickets, copied from one with SQLite's own loop (the triggers keep the counts).
    const columns = (await h.core.db.query<{ name: string }>('PRAGMA table_info(tickets)')).map((r) => r.name).filter((n) => n !== 'id');
    const copy = columns.map((n) => (n === 'number' ? "'X' || n.i" : `t.${n}`)).join(', ');
    await h.core.db.write((tx) =>
      tx.run(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO tickets (${columns.join(', ')}) SELECT ${copy} FROM n, tickets t WHERE t.id = 3`, [MAX_EXPORT_ROWS]),
    );
    const r = await h.call(c.clerk, 'tickets.export', {});
    expect(r.ok === false && r.error.message).toBe(`筛选结果共 ${MAX_EXPORT_ROWS + 3} 条，超过一次导出的上限 ${MAX_EXPORT_ROWS} 条，请缩小筛选范围后再导出。`);
    // A narrower filter still exports.
    expect((await h.ok(c.clerk, 'tickets.export', { urgency: ['urgent'] })).fileName).toMatch(/xlsx$/);
  }, 60_000);
});
