/**
 * An .xlsx that inflates to far more than it weighs is refused before SheetJS inflates it: on the sizes
 * its central directory declares, on how well it claims to compress, and on what it really inflates to
 * when it lies. One file is read at a time.
 */
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';

let h: Harness;
let clerk: Client;
beforeEach(async () => {
  h = await openHarness();
  clerk = (await h.signedIn()).clerk;
});
afterEach(() => h.close());

interface Part {
  name: string;
  data: Buffer;
  /** The uncompressed size written in the central directory and the local header, if not the true one. */
  declared?: number;
}

/** The parts of a valid customers workbook, as SheetJS writes them. */
function workbookParts(): Part[] {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['客户名称', '电话'], ['王强', '13912345678']]), '客户');
  const zip = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false }) as Buffer, { type: 'buffer' });
  const root = zip.FullPaths[0]!;
  const parts: Part[] = [];
  zip.FullPaths.forEach((p: string, i: number) => {
    const entry = zip.FileIndex[i]!;
    if (i > 0 && entry.size && entry.content && !p.endsWith('Sh33tJ5')) parts.push({ name: p.slice(root.length), data: Buffer.from(entry.content as Uint8Array) });
  });
  return parts;
}

/** A zip of deflated parts, with whatever sizes the parts declare. */
function zipOf(parts: Part[]): string {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = zlib.deflateRawSync(part.data, { level: 9 });
    const size = part.declared ?? part.data.length;
    const crc = zlib.crc32(part.data);
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
  const end = Buffer.alloc(22);
  const size = central.reduce((n, b) => n + b.length, 0);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]).toString('base64');
}

/** The workbook with its sheet padded by `padding` bytes of whitespace (valid XML), declaring `declared`. */
function bomb(padding: number, declared?: number): string {
  return zipOf(
    workbookParts().map((p) => {
      if (!p.name.endsWith('sheet1.xml')) return p;
      const xml = p.data.toString('utf8').replace('<sheetData>', `<sheetData>${' '.repeat(padding)}`);
      return { ...p, data: Buffer.from(xml), declared };
    }),
  );
}

const preview = (dataBase64: string) => h.call(clerk, 'imports.preview', { kind: 'customers', fileName: 'b.xlsx', dataBase64 });
const REFUSED = '文件解压后超过 64 MB 或压缩比异常，未读取：请检查文件或拆分后再导入。';

describe('a zip bomb', () => {
  it('rebuilt honestly, the same workbook is read (the test zips are sound)', async () => {
    const r = await preview(bomb(1000));
    expect(r.ok && r.value.sample).toEqual([expect.objectContaining({ name: '王强' })]);
  });

  it('that declares gigabytes is refused on its central directory', async () => {
    const r = await preview(bomb(10, 0x80000000));
    expect(r.ok === false && r.error.message).toBe(REFUSED);
  });

  it('that compresses a thousandfold is refused on its ratio', async () => {
    const r = await preview(bomb(8 * 1024 * 1024));
    expect(r.ok === false && r.error.message).toBe(REFUSED);
  });

  it('that declares a modest size and inflates far past it is refused when its inflation passes the size', async () => {
    // 20 MB of whitespace deflates to about 20 KB: declared as 1.5 MB, the ratio looks like a sheet's.
    const r = await preview(bomb(20 * 1024 * 1024, 1_500_000));
    expect(r.ok === false && r.error.message).toBe(REFUSED);
    // Refused in the caller's language too, and the next file is read.
    const en = h.client('en');
    await h.ok(en, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const english = await h.call(en, 'imports.preview', { kind: 'customers', fileName: 'b.xlsx', dataBase64: bomb(10, 0x80000000) });
    expect(english.ok === false && english.error.message).toMatch(/^Unpacked, the file would exceed 64 MB/);
    expect((await preview(bomb(10))).ok).toBe(true);
  });
});

describe('imports at once', () => {
  it('are read one at a time: a second file while one is read is refused in words', async () => {
    const file = bomb(10);
    const results = await Promise.all([preview(file), preview(file)]);
    expect(results.map((r) => r.ok || r.error.message)).toEqual([true, '另一个文件正在读取，请稍候再导入。']);
    expect((await preview(file)).ok).toBe(true);
  });
});
