/**
 * Characters that have no place in the desk's text: XML-forbidden ones (U+FFFE, U+FFFF, lone
 * surrogates, C0 controls) are refused by every text field, and dropped from every .xlsx for text that
 * is stored already; control characters in a search box are stripped, not handed to FTS5.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { writeWorkbook } from '../../electron/core/reports/xlsx-writer';

let h: Harness;
let c: Record<Role, Client>;
beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
});
afterEach(() => h.close());

/** What XML 1.0 does not allow in a document (the sheets of an .xlsx are XML). */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every XML part of an .xlsx, as text. */
function xmlParts(dataBase64: string): Map<string, string> {
  const zip = XLSX.CFB.read(Buffer.from(dataBase64, 'base64'), { type: 'buffer' });
  const parts = new Map<string, string>();
  zip.FullPaths.forEach((p: string, i: number) => {
    const content = zip.FileIndex[i]?.content;
    if (/\.(xml|rels)$/.test(p) && content) parts.set(p, Buffer.from(content as Uint8Array).toString('utf8'));
  });
  return parts;
}

const cellsOf = (dataBase64: string, sheet?: string) => {
  const book = XLSX.read(Buffer.from(dataBase64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[sheet ?? book.SheetNames[0]!]!, { header: 1, blankrows: false }).flat().map(String);
};

describe('a text field', () => {
  it('refuses U+FFFE, U+FFFF, lone surrogates and control characters, in words, on the field', async () => {
    for (const bad of ['坏\ufffe字', '坏\uffff字', '坏\ud800字', '坏\udc00字', '坏\u0000字', '坏\u001b字']) {
      const r = await h.call(c.clerk, 'customers.create', { name: bad, phone: '13900000001' });
      expect(r.ok === false && [r.error.code, r.error.fields?.name]).toEqual(['VALIDATION', '包含无法保存的控制字符，请删除后重试']);
      const t = await h.call(c.clerk, 'tickets.create', intake({ faultDescription: `不制冷${bad}` }));
      expect(t.ok === false && t.error.fields?.faultDescription).toBe('包含无法保存的控制字符，请删除后重试');
    }
    // Line breaks and tabs are text; so are characters beyond the BMP (a surrogate pair).
    const fine = await h.ok(c.clerk, 'customers.create', { name: '好\t字 𠮷', phone: '13900000001', notes: '第一行\r\n第二行' });
    expect(fine.name).toBe('好\t字 𠮷');
  });

  it('refuses them in a CSV import too, as a problem of that row', async () => {
    const csv = Buffer.from('\uFEFF客户名称,电话\r\n坏\ufffe字,13900000001\r\n好字,13900000002\r\n', 'utf8').toString('base64');
    const preview = await h.ok(c.clerk, 'imports.preview', { kind: 'customers', fileName: 'c.csv', dataBase64: csv });
    expect(preview.problems).toEqual([{ row: 2, column: '客户名称', message: '包含无法保存的控制字符，请删除后重试' }]);
  });
});

describe('an export of text stored before the fields refused it', () => {
  // (A lone surrogate cannot be stored: SQLite's UTF-8 turns it into U+FFFD. The writer's own test below.)
  const STORED = '坏\ufffe字\uffff尾';

  beforeEach(async () => {
    await h.ok(c.clerk, 'tickets.create', intake({ reportedAt: '2026-11-10T02:00:00.000Z' }));
    // As an older version, a direct import or a restored backup could have left it.
    await h.core.db.write(async (tx) => {
      await tx.run('UPDATE customers SET name = ?', [STORED]);
      await tx.run('UPDATE tickets SET fault_description = ?', [`不制冷${STORED}`]);
    });
  });

  it('writes sheets that are XML and read back without the forbidden characters', async () => {
    const files = {
      tickets: (await h.ok(c.clerk, 'tickets.export', {})).dataBase64,
      workbook: (await h.ok(c.supervisor, 'reports.monthlyWorkbook', { from: '2026-11-01', to: '2026-11-30' })).dataBase64,
    };
    for (const [name, file] of Object.entries(files)) {
      for (const [part, xml] of xmlParts(file)) expect([name, part, NOT_XML.test(xml)]).toEqual([name, part, false]);
    }
    expect(cellsOf(files.tickets)).toContain('坏字尾');
    expect(cellsOf(files.tickets)).toContain('不制冷坏字尾');
    expect(cellsOf(files.workbook, '工单明细')).toContain('坏字尾');
  });
});

describe('the sheet writer', () => {
  it('drops lone surrogates and U+FFFE / U+FFFF from titles, headers and rows, and keeps surrogate pairs', async () => {
    const file = await writeWorkbook([
      { name: 'S', title: '标题\ufffe', columns: [{ header: '列\udc00', width: 10 }], rows: [['a\ud800b'], ['\uffff𠮷']] },
    ]);
    const base64 = file.toString('base64');
    for (const [part, xml] of xmlParts(base64)) expect([part, NOT_XML.test(xml)]).toEqual([part, false]);
    expect(cellsOf(base64)).toEqual(['标题', '列', 'ab', '𠮷']);
  });
});

describe('a search with control characters', () => {
  it('strips them and searches for the rest, never failing inside FTS5', async () => {
    await h.ok(c.clerk, 'tickets.create', intake({ newCustomer: { name: 'abcd 制冷公司', phone: '13900000001' }, faultDescription: '压缩机异响' }));
    await h.ok(c.admin, 'knowledge.create', { title: 'abcd 排查', symptom: '压缩机异响' });
    const q = 'ab\u0000cd';
    expect((await h.ok(c.clerk, 'customers.search', { q })).map((x) => x.name)).toEqual(['abcd 制冷公司']);
    expect((await h.ok(c.clerk, 'tickets.list', { q })).total).toBe(1);
    expect((await h.ok(c.clerk, 'tickets.list', { q: '压缩\u0000机' })).total).toBe(1);
    expect((await h.call(c.clerk, 'tickets.export', { q })).ok).toBe(true);
    for (const [method, input] of [
      ['devices.search', { q }],
      ['parts.list', { q }],
      ['knowledge.search', { q }],
      ['audit.list', { q }],
      ['returns.list', { query: q }],
      ['customers.search', { q: '\u0000\ufffe"\u0001' }],
      ['tickets.list', { q: '\u0000"*' }],
    ] as const) {
      const r = await h.call(c.admin, method, input as never);
      expect([method, r.ok || r.error.code]).toEqual([method, true]);
    }
  });
});
