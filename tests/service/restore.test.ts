/**
 * A restore rehearsed end to end against real SQLite files: take a backup, change the data, preview
 * the backup, restore it, find the old data back with a safety copy of what was replaced; a damaged
 * backup, one from a newer version, the live file itself and a missing file are refused with the
 * admin's message and change nothing; a restored file that fails its check puts the safety copy back.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { APP_SCHEMA_VERSION, restoreBackup } from '../../electron/core/backup/restore';
import { attachmentsBeside, backupDir } from '../../electron/core/backup/backups';
import { materialize, readManifest } from '../../electron/core/backup/store';

/** A backup of the store put together as a database file to read it (what a restore does first). */
function openBackup(manifest: string): Database.Database {
  const file = path.join(tempDir('read-'), 'copy.sqlite');
  materialize(path.join(h.dir, 'backups', 'store'), readManifest(manifest), file);
  return new Database(file, { readonly: true });
}

let h: Harness;
afterEach(() => h?.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d10000000049454e44ae426082', 'hex');

async function deskWithTicket() {
  h = await openHarness();
  const roles = await h.signedIn();
  const { id, number } = await h.ok(roles.clerk, 'tickets.create', intake());
  await h.ok(roles.clerk, 'tickets.attach', { id, kind: 'photo', fileName: '外观.png', mime: 'image/png', dataBase64: PNG.toString('base64') });
  return { ...roles, id, number };
}

async function changeFault(c: Harness['client'] extends () => infer C ? C : never, id: number, text: string) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.update', {
    id, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: t.contactName, contactPhone: t.contactPhone,
    urgency: t.urgency, problemType: t.problemType, faultDescription: text,
  });
}

const errorOf = (r: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }) => (r.ok ? null : r.error);

describe('restore', () => {
  it('backup, change, preview, restore: the old data is back, a safety copy holds what was replaced, everyone signs in again', async () => {
    const { admin, clerk, id, number } = await deskWithTicket();
    const backup = await h.ok(admin, 'backups.create', {});
    expect(fs.readdirSync(path.join(backup.attachmentsDir!, '2026', '11'))).toHaveLength(1);

    await changeFault(clerk, id, '改过的故障描述');
    const second = await h.ok(clerk, 'tickets.create', intake({ contactName: '王女士' }));

    const preview = await h.ok(admin, 'backups.preview', { file: backup.file });
    expect(preview).toMatchObject({
      file: backup.file, integrity: 'ok', schema: 'same', schemaVersion: APP_SCHEMA_VERSION, tickets: 1, customers: 1,
      returnedDevices: 0, newestTicketAt: '2026-11-24T10:00:00.000Z', attachments: 1, restorable: true,
    });
    expect(preview.sizeBytes).toBeGreaterThan(0);

    // The attachment's file goes missing from the live folder: the restore brings it back.
    fs.rmSync(path.join(h.dir, 'attachments'), { recursive: true });
    h.clock.now = new Date('2026-11-24T11:00:00Z');
    const result = await h.ok(admin, 'backups.restore', { file: backup.file });
    expect(result.restored).toMatchObject({ tickets: 1, integrity: 'ok' });
    expect(admin.sessionId).toBeNull();
    expect(errorOf(await h.call(clerk, 'tickets.get', { id }))?.code).toBe('UNAUTHENTICATED');

    const again = h.client();
    await h.ok(again, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    const back = await h.ok(again, 'tickets.get', { id });
    expect([back.number, back.faultDescription]).toEqual([number, '制冷效果差，出风温度高于设定温度5℃']);
    expect(errorOf(await h.call(again, 'tickets.get', { id: second.id }))?.code).toBe('NOT_FOUND');
    expect(back.progress.attachments.map((a) => a.fileName)).toEqual(['外观.png']);
    expect((await h.ok(again, 'attachments.get', { id: back.progress.attachments[0]!.id })).dataBase64).toBe(PNG.toString('base64'));
    expect(fs.readdirSync(path.join(h.dir, 'attachments', '2026', '11'))).toHaveLength(1);

    // The safety copy is the database as it was just before: two tickets, the changed text.
    expect(path.dirname(result.safetyCopy)).toBe(backupDir(h.dir, 'safety'));
    const safety = openBackup(result.safetyCopy);
    expect([
      safety.pragma('integrity_check', { simple: true }),
      (safety.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n,
      (safety.prepare('SELECT fault_description AS f FROM tickets WHERE id = ?').get(id) as { f: string }).f,
    ]).toEqual(['ok', 2, '改过的故障描述']);
    safety.close();
    expect(fs.existsSync(attachmentsBeside(result.safetyCopy))).toBe(true);
    expect((await h.ok(again, 'backups.list', {})).backups.map((b) => b.kind).sort()).toEqual(['manual', 'safety']);

    // The restore is on the trail of the restored database.
    const trail = await h.ok(again, 'audit.list', { action: 'restore' });
    expect(trail.rows.map((r) => [r.actorName, r.changes.file?.[1]])).toEqual([['管理员', backup.file]]);

    // And the desk carries on writing.
    expect((await h.call(again, 'tickets.create', intake())).ok).toBe(true);
  });

  it('a damaged backup is refused with a clear message and nothing changes', async () => {
    const { admin } = await deskWithTicket();
    const backup = await h.ok(admin, 'backups.create', { targetDir: tempDir('usb-') }); // a whole .sqlite file
    const bytes = fs.readFileSync(backup.file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 3); // one page of the tables overwritten
    const damaged = path.join(tempDir('usb-'), 'damaged.sqlite');
    fs.writeFileSync(damaged, bytes);
    const preview = await h.ok(admin, 'backups.preview', { file: damaged });
    expect([preview.restorable, preview.integrity === 'ok']).toEqual([false, false]);
    const r = errorOf(await h.call(admin, 'backups.restore', { file: damaged }));
    expect(r?.message).toMatch(/^该备份文件已损坏（完整性检查未通过：.+），不能用于恢复。当前数据未被改动。$/);
    expect(r?.fields?.file).toBe(r?.message);

    const notDb = path.join(path.dirname(damaged), 'notes.sqlite');
    fs.writeFileSync(notDb, 'SELECT * FROM users; DROP TABLE tickets; --');
    const en = h.client('en');
    en.sessionId = admin.sessionId;
    expect(errorOf(await h.call(en, 'backups.restore', { file: notDb }))?.message).toMatch(/^This backup is damaged \(integrity check failed: .*not a database.*\)/);
    expect((await h.ok(admin, 'tickets.list', {})).total).toBe(1);
    expect(fs.existsSync(backupDir(h.dir, 'safety'))).toBe(false);
    expect(admin.sessionId).not.toBeNull();
  });

  it('a backup of the store with a damaged or a missing part is refused in words, and nothing changes', async () => {
    const { admin } = await deskWithTicket();
    const backup = await h.ok(admin, 'backups.create', {});
    const chunks = path.join(h.dir, 'backups', 'store', 'chunks');
    const parts = fs.readdirSync(chunks).flatMap((shard) => fs.readdirSync(path.join(chunks, shard)).map((f) => path.join(chunks, shard, f)));
    const victim = parts[parts.length >> 1]!;
    fs.writeFileSync(victim, zlib.deflateRawSync(Buffer.alloc(65536, 0x5a))); // reads back, but not the bytes it was
    const r = errorOf(await h.call(admin, 'backups.restore', { file: backup.file }));
    expect(r?.message).toMatch(/^该备份文件已损坏（完整性检查未通过：backup chunk \w+ is damaged），不能用于恢复。当前数据未被改动。$/);
    fs.rmSync(victim);
    const preview = await h.ok(admin, 'backups.preview', { file: backup.file });
    expect([preview.restorable, preview.integrity]).toEqual([false, `1 parts of this backup are missing from ${path.join(h.dir, 'backups', 'store')}`]);
    expect((await h.ok(admin, 'tickets.list', {})).total).toBe(1);
    expect(fs.existsSync(path.join(h.dir, 'aftercare.sqlite.restoring'))).toBe(false);
  });

  it('a backup from a newer version, the live database itself, a missing file and bad input are refused', async () => {
    const { admin, clerk } = await deskWithTicket();
    const backup = await h.ok(admin, 'backups.create', { targetDir: tempDir('usb-') });
    const newer = path.join(tempDir('usb-'), 'newer.sqlite');
    fs.copyFileSync(backup.file, newer);
    const raw = new Database(newer);
    raw.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(9999999999999, 'Future9999999999999');
    raw.close();
    const preview = await h.ok(admin, 'backups.preview', { file: newer });
    expect([preview.schema, preview.schemaVersion, preview.restorable]).toEqual(['newer', 9999999999999, false]);
    expect(errorOf(await h.call(admin, 'backups.restore', { file: newer }))?.message).toBe(
      '该备份由更新版本的软件创建（数据结构版本 9999999999999），请先升级本软件再恢复。当前数据未被改动。',
    );

    const live = errorOf(await h.call(admin, 'backups.restore', { file: path.join(h.dir, 'aftercare.sqlite') }));
    expect(live?.message).toBe('不能用正在使用的数据库文件恢复，请选择备份文件夹中的备份。');
    expect(errorOf(await h.call(admin, 'backups.preview', { file: path.join(h.dir, 'aftercare.sqlite-wal') }))?.fields?.file).toBeDefined();
    expect(errorOf(await h.call(admin, 'backups.preview', { file: "/nope/'; DROP TABLE tickets; --.sqlite" }))?.message).toBe(
      '找不到该备份文件，请检查路径（U 盘是否已插好）。',
    );
    expect(errorOf(await h.call(admin, 'backups.restore', { file: '' }))?.code).toBe('VALIDATION');
    expect(errorOf(await h.call(admin, 'backups.restore', { file: 'x'.repeat(1001) }))?.code).toBe('VALIDATION');
    expect(errorOf(await h.call(admin, 'backups.restore', { file: 42 } as never))?.code).toBe('VALIDATION');
    expect(errorOf(await h.call(clerk, 'backups.restore', { file: backup.file }))?.code).toBe('FORBIDDEN');
    expect((await h.ok(admin, 'tickets.list', {})).total).toBe(1);
  });

  it('a restored file that fails its check after the swap: the safety copy goes back and the admin is told', async () => {
    const { admin, id } = await deskWithTicket();
    const backup = await h.ok(admin, 'backups.create', {});
    await changeFault(admin, id, '恢复前的最新描述');
    await expect(
      restoreBackup({
        db: h.core.db,
        snapshots: h.core.snapshots,
        dataDir: h.dir,
        source: backup.file,
        now: new Date('2026-11-24T12:00:00Z'),
        // Damage the staged copy after its checks, as a failing disk would.
        beforeSwap: (staged) => {
          const bytes = fs.readFileSync(staged);
          bytes.fill(0x00, 0, 100);
          fs.writeFileSync(staged, bytes);
        },
      }),
    ).rejects.toThrow(/^failedAfter: /);
    expect((await h.ok(admin, 'tickets.get', { id })).faultDescription).toBe('恢复前的最新描述');
    const integrity = await h.core.db.query<{ integrity_check: string }>('PRAGMA integrity_check');
    expect(integrity[0]?.integrity_check).toBe('ok');
    expect(fs.existsSync(path.join(h.dir, 'aftercare.sqlite.restoring'))).toBe(false);
  });

  it('reads and writes that arrive while the database is held exclusively wait, then see what the section left', async () => {
    const { clerk } = await deskWithTicket();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const section = h.core.db.exclusive(async (ds) => {
      order.push('section');
      await held;
      await ds.query("UPDATE tickets SET contact_name = '换过的'");
      order.push('section done');
      return { ds, value: null };
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = h.core.db.query<{ c: string }>('SELECT contact_name AS c FROM tickets').then((r) => (order.push('read'), r[0]?.c));
    const write = h.call(clerk, 'tickets.create', intake()).then((r) => (order.push('write'), r.ok));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['section']);
    release();
    await section;
    expect([await read, await write]).toEqual(['换过的', true]);
    expect(order.slice(0, 2)).toEqual(['section', 'section done']);
  });
});
