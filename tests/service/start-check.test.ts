/**
 * The start checks in milliseconds and the whole database afterwards: a plainly damaged file (cut short,
 * a table that does not read) still stops the start in words; a damage deep inside, which only the check
 * of every page finds, lets the desk start and raises the admin's banner (`backups.health`), and no
 * backup is written from the damaged file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { DatabaseOpenError } from '../../electron/core/db/open';
import { startBackups } from '../../electron/core/backup/backups';
import { BackupAbandoned } from '../../electron/core/backup/snapshot';
import { openHarness } from './harness';
import type { Result } from '../../shared/api/result';
import type { DatabaseHealth } from '../../shared/domain/data-safety';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** A desk set up with an admin, closed, and a table of its own with an index of many pages. */
async function closedDesk(): Promise<string> {
  const h = await openHarness();
  await h.signedIn();
  await h.close();
  const db = new Database(path.join(h.dir, 'aftercare.sqlite'));
  db.exec('CREATE TABLE notes_extra (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX notes_extra_body ON notes_extra (body);');
  const insert = db.prepare('INSERT INTO notes_extra (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`备注 ${String(i).padStart(5, '0')} ${'x'.repeat(40)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return h.dir;
}

function overwritePage(file: string, pageNumber: number): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (pageNumber - 1) * 4096);
  fs.closeSync(fd);
}

const open = (dir: string) => openCore({ dataDir: dir, now: () => new Date('2026-11-24T10:00:00Z'), log: () => undefined, maintenanceEveryMs: null, backupsAtStart: true });

describe('start check', () => {
  it('a file cut short stops the start in words, naming the file', async () => {
    const dir = await closedDesk();
    const file = path.join(dir, 'aftercare.sqlite');
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect([(error as DatabaseOpenError).reason, (error as DatabaseOpenError).file]).toEqual(['corrupt', file]);
    expect((error as Error).message).toMatch(/shorter than its \d+ pages|malformed/);
  });

  it('a table whose last page does not read stops the start', async () => {
    const dir = await closedDesk();
    const file = path.join(dir, 'aftercare.sqlite');
    const db = new Database(file, { readonly: true });
    const last = db.prepare("SELECT max(pageno) AS p FROM dbstat WHERE name = 'notes_extra' AND pagetype = 'leaf'").get() as { p: number };
    db.close();
    overwritePage(file, last.p);
    expect(((await open(dir).catch((e: unknown) => e)) as DatabaseOpenError).reason).toBe('corrupt');
  });

  it('a damage deep inside: the desk starts, the background check finds it, the admin is told and no backup is written', async () => {
    const dir = await closedDesk();
    const file = path.join(dir, 'aftercare.sqlite');
    const db = new Database(file, { readonly: true });
    const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'notes_extra_body' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
    db.close();
    overwritePage(file, pages[pages.length >> 1]!);
    core = await open(dir);
    const admin = { sessionId: null, locale: 'zh-CN' as const };
    expect((await core.dispatch('auth.login', { username: 'admin', password: 'admin-pass-1' }, admin)).ok).toBe(true);
    expect((await core.dispatch('tickets.list', {}, admin)).ok).toBe(true); // the desk works meanwhile
    await core.started;
    const health = (await core.dispatch('backups.health', {}, admin)) as Result<DatabaseHealth>;
    expect(health.ok && health.value.state).toBe('damaged');
    expect(health.ok && health.value.detail).toMatch(/Tree|page|malformed/i);
    expect(fs.existsSync(path.join(dir, 'backups', 'daily'))).toBe(false);
  });

  it('a sound desk: the check says ok', async () => {
    const dir = await closedDesk();
    core = await open(dir);
    await core.started;
    expect(core.health).toMatchObject({ state: 'ok', detail: 'ok', checkedAt: '2026-11-24T10:00:00.000Z' });
  });

  it('a quit during the start backups abandons them in words, offers nothing half-written, and the next start writes them', async () => {
    const dir = await closedDesk();
    const logged: unknown[][] = [];
    core = await openCore({ dataDir: dir, now: () => new Date('2026-11-24T10:00:00Z'), log: (...args: unknown[]) => logged.push(args), maintenanceEveryMs: null });
    const backups = startBackups(core.snapshots, dir, new Date('2026-11-24T10:00:00Z'), 'Asia/Shanghai');
    await core.snapshots.stop();
    await expect(backups).rejects.toBeInstanceOf(BackupAbandoned);
    await core.close();
    core = null;
    const kept = (kind: string) => (fs.existsSync(path.join(dir, 'backups', kind)) ? fs.readdirSync(path.join(dir, 'backups', kind)) : []);
    expect(kept('daily').filter((f) => !f.includes('.partial') && !f.includes('.tmp'))).toEqual([]);

    core = await openCore({ dataDir: dir, now: () => new Date('2026-11-24T10:00:00Z'), log: (...args: unknown[]) => logged.push(args), maintenanceEveryMs: null, backupsAtStart: true });
    expect(await core.started).toEqual([expect.stringContaining('2026-11-24'), expect.stringContaining('2026-11')]);
    expect(logged).toEqual([]);
  });

  it('a quit while the start job runs: the start ends with no files and the log says abandoned, not failed', async () => {
    const dir = await closedDesk();
    const logged: unknown[][] = [];
    core = await openCore({ dataDir: dir, now: () => new Date('2026-11-24T10:00:00Z'), log: (...args: unknown[]) => logged.push(args), maintenanceEveryMs: null, backupsAtStart: true });
    const started = core.started;
    await core.close();
    core = null;
    expect(await started).toEqual([]);
    expect(logged.map((args) => String(args[0]))).toEqual([new BackupAbandoned().message]);
  });
});
