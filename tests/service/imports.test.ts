/** Imports from spreadsheets: a preview with per-row problems, all rows or none, and files treated as untrusted. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { IMPORT_LIMITS } from '../../electron/core/imports/read-sheet';

let h: Harness;
let c: Record<Role, Client>;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
});
afterEach(() => h.close());

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8').toString('base64');
const xlsx = (rows: unknown[][]) => {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), '设备');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
};
const count = async (table: string) => (await h.core.db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n;

describe('importing customers', () => {
  const GOOD = '客户名称,客户类型,电话,地址,重点客户\r\n华东制冷设备有限公司,企业,021-6234 5678,上海市徐汇区,是\r\n王强,个人,13912345678,,否\r\n';

  it('previews every row with its problems in words, refuses the whole file, then imports the corrected one', async () => {
    const bad = `${GOOD}李四,个人,电话待补,,否\r\n,个人,13800000000,,否\r\n王强,个人,139 1234 5678,,否\r\n`;
    const preview = await h.ok(c.supervisor, 'imports.preview', { kind: 'customers', fileName: '客户.csv', dataBase64: csv(bad) });
    expect([preview.rows, preview.valid]).toEqual([5, 2]);
    expect(preview.columns.map((col) => col.field)).toEqual(['name', 'kind', 'phone', 'address', 'keyAccount']);
    expect(preview.problems).toEqual([
      { row: 4, column: '电话', message: expect.stringContaining('电话') },
      { row: 5, column: '客户名称', message: '必填' },
      { row: 6, column: '电话', message: '与第 3 行重复。' },
    ]);
    expect(preview.sample[0]).toMatchObject({ name: '华东制冷设备有限公司', kind: 'company', keyAccount: true });
    // Marking a key account is a supervisor's decision: a clerk's file that marks one is stopped at that row.
    const clerks = await h.ok(c.clerk, 'imports.preview', { kind: 'customers', fileName: '客户.csv', dataBase64: csv(GOOD) });
    expect(clerks.problems).toEqual([{ row: 2, column: '重点客户', message: '重点客户标记及说明只能由主管或管理员修改' }]);

    const refused = await h.call(c.supervisor, 'imports.run', { kind: 'customers', fileName: '客户.csv', dataBase64: csv(bad) });
    expect(refused.ok === false && refused.error.message).toBe('文件中有 3 行共 3 处问题，未导入任何数据：请改正后重新导入。');
    expect(await count('customers')).toBe(0);

    expect(await h.ok(c.supervisor, 'imports.run', { kind: 'customers', fileName: '客户.csv', dataBase64: csv(GOOD) })).toEqual({ imported: 2 });
    const found = await h.ok(c.supervisor, 'customers.search', { q: '华东制冷' });
    expect(found[0]).toMatchObject({ name: '华东制冷设备有限公司', keyAccount: true });
    // The same file again: every row is already registered.
    const again = await h.ok(c.supervisor, 'imports.preview', { kind: 'customers', fileName: '客户.csv', dataBase64: csv(GOOD) });
    expect(again.problems.map((p) => p.message)).toEqual(['该记录已登记。', '该记录已登记。']);
  });

  it('reads a CSV saved by Excel on a Chinese Windows (GB18030)', async () => {
    const gbk = Buffer.from('bfcdbba7c3fbb3c62cb5e7bbb00d0acdf5c7bf2c31333931323334353637380d0a', 'hex'); // 客户名称,电话 / 王强,13912345678
    const preview = await h.ok(c.clerk, 'imports.preview', { kind: 'customers', fileName: 'gbk.csv', dataBase64: gbk.toString('base64') });
    expect(preview.sample).toEqual([expect.objectContaining({ name: '王强', phone: '13912345678' })]);
  });

  it('keeps formula-looking and SQL-looking text as plain text', async () => {
    const text = "客户名称,电话,备注\r\n\"'; DROP TABLE customers; --\",13900000001,=HYPERLINK(\"x\")\r\n";
    await h.ok(c.clerk, 'imports.run', { kind: 'customers', fileName: 'x.csv', dataBase64: csv(text) });
    const [row] = await h.core.db.query<{ name: string; notes: string }>('SELECT name, notes FROM customers');
    expect(row).toEqual({ name: "'; DROP TABLE customers; --", notes: '=HYPERLINK("x")' });
  });
});

describe('importing devices', () => {
  it('finds the model by code and the owner by phone, reads Excel dates, and names unknown models and duplicate serials', async () => {
    const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
    await h.ok(c.clerk, 'customers.create', { name: '王强', phone: '13912345678' });
    await h.ok(c.clerk, 'devices.create', { serial: 'SN-OLD', modelId: model.id });
    const rows = [
      ['序列号', '型号', '客户电话', '购买日期', '安装日期'],
      ['SN-001', 'kfr-35', '139 1234 5678', new Date(Date.UTC(2026, 2, 5)), '2026/3/8'],
      ['SN-002', 'XX-1', '', '', ''],
      ['SN-001', 'KFR-35', '', '', ''],
      ['SN-OLD', 'KFR-35', '', '', ''],
      ['SN-003', 'KFR-35', '13000000000', '2026-02-30', ''],
    ];
    const preview = await h.ok(c.clerk, 'imports.preview', { kind: 'devices', fileName: '设备.xlsx', dataBase64: xlsx(rows) });
    expect(preview.sample[0]).toMatchObject({ serial: 'SN-001', modelId: model.id, customerId: 1, purchaseDate: '2026-03-05', installDate: '2026-03-08' });
    expect(preview.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, '型号', '型号“XX-1”不存在，请先在型号管理中添加。'],
      [4, '序列号', '与第 2 行重复。'],
      [5, '序列号', '该记录已登记。'],
      [6, '客户电话', '没有电话为 13000000000 的客户。'],
      [6, '购买日期', expect.any(String)],
    ]);
    expect((await h.call(c.clerk, 'imports.run', { kind: 'devices', fileName: '设备.xlsx', dataBase64: xlsx(rows) })).ok).toBe(false);
    expect(await count('devices')).toBe(1);
    expect(await h.ok(c.clerk, 'imports.run', { kind: 'devices', fileName: '设备.xlsx', dataBase64: xlsx(rows.slice(0, 2)) })).toEqual({ imported: 1 });
    expect((await h.ok(c.clerk, 'devices.search', { q: 'SN-001' }))[0]).toMatchObject({ serial: 'SN-001' });
  });

  it('says which required columns are missing', async () => {
    const r = await h.call(c.clerk, 'imports.preview', { kind: 'devices', fileName: 'x.csv', dataBase64: csv('序列号,购买日期\r\nSN-1,2026-01-01\r\n') });
    expect(r.ok === false && r.error.message).toBe('缺少必需的列：型号。');
  });
});

describe('importing spare parts', () => {
  it('reads prices by their digits, splits the models, and is the supervisor\'s', async () => {
    const text = '备件编号,备件名称,适用型号,单价（元）,易损件,最低库存,库位\r\ncap-35uf,启动电容 35μF,KFR-35、KFR-50,45.5,否,5,A-01-02\r\nFLT-1,过滤网,KFR-35,0.1,是,10,A-01-05\r\nBAD-1,坏价格,,12.345,否,x,\r\n';
    const clerk = await h.call(c.clerk, 'imports.preview', { kind: 'parts', fileName: 'p.csv', dataBase64: csv(text) });
    expect(clerk.ok === false && clerk.error.message).toBe('备件目录只能由主管或管理员导入。');
    const preview = await h.ok(c.supervisor, 'imports.preview', { kind: 'parts', fileName: 'p.csv', dataBase64: csv(text) });
    expect(preview.sample).toEqual([
      expect.objectContaining({ partNo: 'cap-35uf', models: ['KFR-35', 'KFR-50'], priceFen: 4550, consumable: false, minStock: 5 }),
      expect.objectContaining({ partNo: 'FLT-1', priceFen: 10, consumable: true }),
    ]);
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([[4, '单价（元）'], [4, '最低库存']]);
    const good = text.split('\r\n').slice(0, 3).join('\r\n');
    expect(await h.ok(c.supervisor, 'imports.run', { kind: 'parts', fileName: 'p.csv', dataBase64: csv(good) })).toEqual({ imported: 2 });
    expect(await h.ok(c.supervisor, 'parts.get', { partNo: 'CAP-35UF' })).toMatchObject({ name: '启动电容 35μF', priceFen: 4550, onHand: 0, location: 'A-01-02' });
    const again = await h.ok(c.supervisor, 'imports.preview', { kind: 'parts', fileName: 'p.csv', dataBase64: csv(good) });
    expect(again.problems.map((p) => p.message)).toEqual(['该记录已登记。', '该记录已登记。']);
  });
});

describe('an untrusted file', () => {
  const preview = (dataBase64: string) => h.call(c.clerk, 'imports.preview', { kind: 'customers', fileName: 'f', dataBase64 });

  it('that is not a spreadsheet is refused in words', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const r = await preview(png.toString('base64'));
    expect(r.ok === false && r.error.message).toBe('这不是表格文件：请选择 Excel（.xlsx / .xls）或 CSV 文件。');
    const zip = await preview(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 7)]).toString('base64'));
    expect(zip.ok === false && zip.error.message).toBe('无法读取该文件：文件可能已损坏或格式不受支持。');
  });

  it('of 50 MB is refused before it is read', async () => {
    const r = await preview(Buffer.alloc(50 * 1024 * 1024, 0x41).toString('base64'));
    expect(r.ok === false && r.error.fields?.dataBase64).toBe('文件不能超过 10 MB');
  });

  it('with more rows than one import may hold is refused', async () => {
    const lines = Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => `客户${i},139${String(i).padStart(8, '0')}`);
    const r = await preview(csv(`客户名称,电话\r\n${lines.join('\r\n')}`));
    expect(r.ok === false && r.error.message).toBe(`一次最多导入 ${IMPORT_LIMITS.maxRows} 行，请拆分文件。`);
  });

  it('that takes too long to read is stopped at the deadline', async () => {
    const saved = IMPORT_LIMITS.maxMillis;
    IMPORT_LIMITS.maxMillis = 1; // no parse finishes in 1 ms: the worker is killed and the desk told
    try {
      const r = await preview(csv('客户名称,电话\r\n王强,13912345678\r\n'));
      expect(r.ok === false && r.error.message).toBe('文件在 0.001 秒内未能读完，已停止读取：请检查文件或拆分后再导入。');
    } finally {
      IMPORT_LIMITS.maxMillis = saved;
    }
    // The app goes on: the next file is read.
    expect((await preview(csv('客户名称,电话\r\n王强,13912345678\r\n'))).ok).toBe(true);
  });
});
