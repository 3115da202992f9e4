/**
 * Backups against real SQLite files: the start's day and month backups, rotation, the quit that copies
 * nothing (its backup written by the next start from the closed file), manual backups, the backup store's
 * shared chunks (what a day costs on disk), a backup killed at random moments never offered as good, every
 * kind of backup giving back the same query results, and a host that answers while its backup runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { KEEP, backupDir, listBackups } from '../../electron/core/backup/backups';
import { isManifest, materialize, readManifest } from '../../electron/core/backup/store';
import { previewBackup } from '../../electron/core/backup/restore';

const ROOT = path.resolve(__dirname, '../..');

/** The host as the desk runs it (from source through tsx: `out/` is built after the unit tests). */
function startHost(dataDir: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/main.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve({ child, url: match[0], output: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => reject(new Error(`host exited: ${out}`)));
  });
}

async function post<T = unknown>(url: string, method: string, body: unknown, cookie = ''): Promise<{ ok: boolean; value: T; cookie: string }> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  const json = (await res.json()) as { ok: boolean; value: T };
  return { ...json, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

const stop = (child: ChildProcess) => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
};

let h: Harness;
afterEach(() => h?.close());

/** A backup as a database file to query: a store backup is put together from its chunks, as a restore does. */
function databaseOf(file: string): Database.Database {
  if (!isManifest(file)) return new Database(file, { readonly: true });
  const copy = path.join(tempDir('read-'), 'copy.sqlite');
  materialize(path.join(path.dirname(path.dirname(file)), 'store'), readManifest(file), copy);
  return new Database(copy, { readonly: true });
}

const ticketsIn = (file: string) => {
  const db = databaseOf(file);
  try {
    return [db.pragma('integrity_check', { simple: true }), (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n];
  } finally {
    db.close();
  }
};

/** Every table's rows in a fixed order: two databases with the same answers hold the same data. */
function everyRow(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all().map((row) => JSON.stringify(row)).sort()]));
}

describe('backups', () => {
  it('the first start of each desk day takes one daily backup (and the month its monthly one), sound and complete', async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    await h.ok(clerk, 'tickets.create', intake());
    const first = await h.core.dailyBackup();
    expect(first.map((f) => path.relative(h.dir, f))).toEqual([
      path.join('backups', 'daily', 'aftercare-2026-11-24.backup'),
      path.join('backups', 'monthly', 'aftercare-2026-11.backup'),
    ]);
    expect(ticketsIn(first[0]!)).toEqual(['ok', 1]);
    await h.ok(clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: 1 }));
    expect(await h.core.dailyBackup()).toEqual([]); // the same day: nothing new
    h.clock.now = new Date('2026-11-24T16:30:00Z'); // 00:30 on the 25th at the desk
    const next = await h.core.dailyBackup();
    expect(next.map((f) => path.basename(f))).toEqual(['aftercare-2026-11-25.backup']);
    expect(ticketsIn(next[0]!)).toEqual(['ok', 2]);
    expect(h.core.health).toMatchObject({ state: 'ok', detail: 'ok' });
  });

  it(`keeps the newest ${KEEP.daily} daily and ${KEEP.monthly} monthly backups, each with its attachments; rotation removes both and the chunks no backup names`, async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    await h.ok(clerk, 'tickets.attach', { id, kind: 'file', fileName: '说明.txt', mime: 'text/plain', dataBase64: Buffer.from('保修卡').toString('base64') });
    for (let day = 0; day < 400; day += 10) {
      h.clock.now = new Date(Date.parse('2025-10-01T04:00:00Z') + day * 86_400_000);
      await h.core.db.write((tx) => tx.run('UPDATE tickets SET fault_description = ? WHERE id = ?', [`第${day}天的描述`, id])); // each backup differs
      await h.core.dailyBackup();
    }
    const daily = fs.readdirSync(backupDir(h.dir, 'daily')).sort();
    const monthly = fs.readdirSync(backupDir(h.dir, 'monthly')).sort();
    const files = (names: string[]) => names.filter((n) => n.endsWith('.backup'));
    const folders = (names: string[]) => names.filter((n) => n.endsWith('.attachments'));
    expect([files(daily).length, files(daily).at(-1), files(monthly).length, files(monthly).at(-1)]).toEqual([KEEP.daily, 'aftercare-2026-10-26.backup', KEEP.monthly, 'aftercare-2026-10.backup']);
    expect(folders(daily)).toEqual(files(daily).map((f) => f.replace('.backup', '.attachments')));
    expect(folders(monthly)).toEqual(files(monthly).map((f) => f.replace('.backup', '.attachments')));
    const kept = path.join(backupDir(h.dir, 'monthly'), 'aftercare-2026-10.attachments', '2026', '11');
    expect(fs.readdirSync(kept).map((f) => fs.readFileSync(path.join(kept, f), 'utf8'))).toEqual(['保修卡']);
    // The oldest kept backups still restore to their own day; the store holds only chunks a kept backup names.
    const oldest = path.join(backupDir(h.dir, 'monthly'), files(monthly)[0]!);
    expect(previewBackup(oldest)).toMatchObject({ integrity: 'ok', restorable: true, tickets: 1 });
    const db = databaseOf(oldest);
    expect(db.prepare('SELECT fault_description AS f FROM tickets').get()).toEqual({ f: '第40天的描述' }); // 2025-11-10: its own day's data
    db.close();
    const named = new Set([...files(daily).map((f) => path.join(backupDir(h.dir, 'daily'), f)), ...files(monthly).map((f) => path.join(backupDir(h.dir, 'monthly'), f))].flatMap((f) => readManifest(f).chunks));
    const chunks = path.join(h.dir, 'backups', 'store', 'chunks');
    const stored = fs.readdirSync(chunks).flatMap((shard) => fs.readdirSync(path.join(chunks, shard)));
    expect(stored.sort()).toEqual([...named].sort());
    // 26 backups of a ~1 MB database: they share what did not change.
    const list = listBackups(h.dir);
    expect(list.backups).toHaveLength(KEEP.daily + KEEP.monthly);
    expect(list.totalBytes).toBeLessThan(3 * list.databaseBytes);
  });

  it('a quit copies nothing; the next start writes that quit backup from the closed file, while the host already answers', async () => {
    const dir = tempDir();
    const hold = path.join(tempDir('hold-'), 'hold');
    const first = await startHost(dir);
    const setup = await post(first.url, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    expect((await post(first.url, 'tickets.create', intake(), setup.cookie)).ok).toBe(true);
    // The first start's day and month backups, of the desk before its first ticket.
    await expect.poll(async () => (await post<{ state: string }>(first.url, 'backups.health', {}, setup.cookie)).value.state, { timeout: 20_000 }).toBe('ok');
    // An open event stream must not keep the host from stopping.
    const events = await fetch(`${first.url}/api/events`, { headers: { cookie: setup.cookie } });
    expect(events.status).toBe(200);
    const quitAt = Date.now();
    expect(await stop(first.child)).toBe(0);
    expect(Date.now() - quitAt).toBeLessThan(3000);
    expect(fs.existsSync(backupDir(dir, 'quit'))).toBe(false); // nothing copied at quit
    expect(fs.existsSync(path.join(dir, 'aftercare.sqlite-wal'))).toBe(false); // a clean close

    // The next start: its backup is held inside its snapshot (a slow backup of a big desk) …
    fs.writeFileSync(hold, '');
    const second = await startHost(dir, { AFTERCARE_BACKUP_HOLD: hold });
    const login = await post(second.url, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(login.ok).toBe(true);
    // … and the desk reads and writes meanwhile.
    expect((await post(second.url, 'tickets.create', intake({ contactName: '王女士' }), login.cookie)).ok).toBe(true);
    expect((await post<{ total: number }>(second.url, 'tickets.list', {}, login.cookie)).value.total).toBe(2);
    expect((await post<{ state: string }>(second.url, 'backups.health', {}, login.cookie)).value.state).toBe('checking');
    const before = (await post<{ backups: { kind: string }[] }>(second.url, 'backups.list', {}, login.cookie)).value.backups;
    expect(before.map((b) => b.kind).sort()).toEqual(['daily', 'monthly']);
    fs.rmSync(hold);
    await expect.poll(async () => (await post<{ state: string }>(second.url, 'backups.health', {}, login.cookie)).value.state, { timeout: 20_000 }).toBe('ok');
    const kinds = (await post<{ backups: { kind: string; file: string }[] }>(second.url, 'backups.list', {}, login.cookie)).value.backups;
    expect(kinds.map((b) => b.kind).sort()).toEqual(['daily', 'monthly', 'quit']);
    // The quit's backup holds the desk as the quit left it: the ticket written during the backup is not in it.
    expect(kinds.map((b) => [b.kind, ticketsIn(b.file)[1]]).sort()).toEqual([['daily', 0], ['monthly', 0], ['quit', 1]]);
    expect(await stop(second.child)).toBe(0);
  }, 90_000);

  it('the admin takes a manual backup, into the data folder or a named folder; others may not; a missing folder is refused', async () => {
    h = await openHarness();
    const { admin, clerk } = await h.signedIn();
    const usb = tempDir('usb-');
    const here = await h.ok(admin, 'backups.create', {});
    const there = await h.ok(admin, 'backups.create', { targetDir: usb });
    expect([path.dirname(here.file), path.dirname(there.file)]).toEqual([backupDir(h.dir, 'manual'), usb]);
    expect([path.extname(here.file), path.extname(there.file)]).toEqual(['.backup', '.sqlite']); // a whole file on the USB disk
    expect(ticketsIn(there.file)[0]).toBe('ok');
    const list = await h.ok(admin, 'backups.list', {});
    expect(list.backups.map((b) => b.kind)).toEqual(['manual']);
    expect(list.backups[0]!.sizeBytes).toBe(fs.statSync(path.join(h.dir, 'aftercare.sqlite')).size);
    expect(list.totalBytes).toBeGreaterThan(0);
    expect(fs.existsSync(there.file.replace('.sqlite', '.attachments'))).toBe(false); // no attachments yet: no folder
    const denied = await h.call(clerk, 'backups.create', {});
    expect(denied.ok === false && denied.error.code).toBe('FORBIDDEN');
    const missing = await h.call(admin, 'backups.create', { targetDir: path.join(usb, 'nope') });
    expect(missing.ok === false && missing.error.fields).toEqual({ targetDir: '该文件夹不存在' });
  });

  it('every kind of backup (the store, a whole file) gives back exactly the rows of the database it was taken from', async () => {
    h = await openHarness();
    const { admin, clerk } = await h.signedIn();
    for (let i = 0; i < 30; i++) await h.ok(clerk, 'tickets.create', intake({ contactName: `客户${i}` }));
    const fromStore = await h.ok(admin, 'backups.create', {});
    const whole = await h.ok(admin, 'backups.create', { targetDir: tempDir('usb-') });
    const live = new Database(path.join(h.dir, 'aftercare.sqlite'), { readonly: true });
    const expected = everyRow(live);
    live.close();
    await h.ok(clerk, 'tickets.create', intake({ contactName: '之后的客户' }));
    for (const file of [fromStore.file, whole.file]) {
      const db = databaseOf(file);
      expect(everyRow(db)).toBe(expected);
      db.close();
    }
  });

  it('a backup killed at random moments (SIGKILL of the process writing it) never leaves one the list offers that does not restore', async () => {
    const dir = tempDir();
    for (let run = 0; run < 4; run++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/service/backup-child.ts', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => d.toString().includes('backing up') && resolve()));
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 1200));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      for (const backup of listBackups(dir).backups) {
        expect(previewBackup(backup.file)).toMatchObject({ integrity: 'ok', restorable: true });
        expect(ticketsIn(backup.file)).toEqual(['ok', previewBackup(backup.file).tickets]);
      }
    }
    // The next start sweeps the half-written files; the next backup drops the chunks no backup names.
    h = await openHarness(dir);
    await h.core.dailyBackup();
    const leftovers = fs.readdirSync(path.join(dir, 'backups'), { recursive: true }).map(String).filter((f) => /\.(partial|tmp)$/.test(f) || f.endsWith('.writing'));
    expect(leftovers).toEqual([]);
    expect(listBackups(dir).backups.length).toBeGreaterThan(1);
  }, 120_000);

  it('a start removes what a killed backup left half-written, and keeps every finished backup', async () => {
    const dir = tempDir();
    try {
      h = await openHarness(dir);
      await h.close();
      const manual = backupDir(dir, 'manual');
      const quit = backupDir(dir, 'quit');
      fs.mkdirSync(manual, { recursive: true });
      fs.mkdirSync(path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.attachments.partial', 'ab'), { recursive: true });
      const leftovers = ['.sqlite.partial', '.sqlite.partial-journal', '.backup.partial'].map((end) => path.join(manual, `aftercare-2026-11-24T09-00-00-000Z${end}`));
      const finished = [path.join(manual, 'aftercare-2026-11-20T09-00-00-000Z.sqlite'), path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.backup')];
      for (const file of [...leftovers, ...finished]) fs.writeFileSync(file, 'x');
      fs.writeFileSync(path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.attachments.partial', 'ab', 'abcd'), 'x');
      h = await openHarness(dir);
      expect(fs.readdirSync(manual).sort()).toEqual(['aftercare-2026-11-20T09-00-00-000Z.sqlite']);
      expect(fs.readdirSync(quit)).toEqual(['aftercare-2026-11-23T10-00-00-000Z.backup']);
    } finally {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
