import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { KEEP, backupDir } from '../../electron/core/backup/backups';

const ROOT = path.resolve(__dirname, '../..');

/** The host as the desk runs it (from source through tsx: `out/` is built after the unit tests). */
function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/main.ts', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve({ child, url: match[0] });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', () => reject(new Error(`host exited: ${out}`)));
  });
}

let h: Harness;
afterEach(() => h?.close());

const ticketsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return [db.pragma('integrity_check', { simple: true }), (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n];
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('the first start of each desk day takes one daily backup (and the month its monthly one), sound and complete', async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    await h.ok(clerk, 'tickets.create', intake());
    const first = await h.core.dailyBackup();
    expect(first.map((f) => path.relative(h.dir, f))).toEqual([
      path.join('backups', 'daily', 'aftercare-2026-11-24.sqlite'),
      path.join('backups', 'monthly', 'aftercare-2026-11.sqlite'),
    ]);
    expect(ticketsIn(first[0]!)).toEqual(['ok', 1]);
    await h.ok(clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: 1 }));
    expect(await h.core.dailyBackup()).toEqual([]); // the same day: nothing new
    h.clock.now = new Date('2026-11-24T16:30:00Z'); // 00:30 on the 25th at the desk
    const next = await h.core.dailyBackup();
    expect(next.map((f) => path.basename(f))).toEqual(['aftercare-2026-11-25.sqlite']);
    expect(ticketsIn(next[0]!)).toEqual(['ok', 2]);
  });

  it(`keeps the newest ${KEEP.daily} daily and ${KEEP.monthly} monthly backups, each with its attachments; rotation removes both`, async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    await h.ok(clerk, 'tickets.attach', { id, kind: 'file', fileName: '说明.txt', mime: 'text/plain', dataBase64: Buffer.from('保修卡').toString('base64') });
    for (let day = 0; day < 400; day += 10) {
      h.clock.now = new Date(Date.parse('2025-10-01T04:00:00Z') + day * 86_400_000);
      await h.core.dailyBackup();
    }
    const daily = fs.readdirSync(backupDir(h.dir, 'daily')).sort();
    const monthly = fs.readdirSync(backupDir(h.dir, 'monthly')).sort();
    const files = (names: string[]) => names.filter((n) => n.endsWith('.sqlite'));
    const folders = (names: string[]) => names.filter((n) => n.endsWith('.attachments'));
    expect([files(daily).length, files(daily).at(-1), files(monthly).length, files(monthly).at(-1)]).toEqual([KEEP.daily, 'aftercare-2026-10-26.sqlite', KEEP.monthly, 'aftercare-2026-10.sqlite']);
    expect(folders(daily)).toEqual(files(daily).map((f) => f.replace('.sqlite', '.attachments')));
    expect(folders(monthly)).toEqual(files(monthly).map((f) => f.replace('.sqlite', '.attachments')));
    expect(daily.length + monthly.length).toBe(2 * (KEEP.daily + KEEP.monthly));
    const kept = path.join(backupDir(h.dir, 'monthly'), 'aftercare-2026-10.attachments', '2026', '11');
    expect(fs.readdirSync(kept).map((f) => fs.readFileSync(path.join(kept, f), 'utf8'))).toEqual(['保修卡']);
  });

  it('the browser-mode host takes a sound backup when it is stopped with SIGTERM, before the database closes', async () => {
    const dir = tempDir();
    const { child, url } = await startHost(dir);
    const signIn = await fetch(`${url}/api/auth.setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', displayName: '管理员', password: 'admin-pass-1' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const created = await fetch(`${url}/api/tickets.create`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(intake()) });
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
    // An open event stream must not keep the host from stopping.
    const events = await fetch(`${url}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const quit = fs.readdirSync(backupDir(dir, 'quit')).filter((f) => f.endsWith('.sqlite'));
    expect(quit).toHaveLength(1);
    expect(ticketsIn(path.join(backupDir(dir, 'quit'), quit[0]!))).toEqual(['ok', 1]);
    // A clean close: the live database has no WAL left behind.
    expect(fs.existsSync(path.join(dir, 'aftercare.sqlite-wal'))).toBe(false);
  }, 60_000);

  it('the admin takes a manual backup, into the data folder or a named folder; others may not; a missing folder is refused', async () => {
    h = await openHarness();
    const { admin, clerk } = await h.signedIn();
    const usb = tempDir('usb-');
    const here = await h.ok(admin, 'backups.create', {});
    const there = await h.ok(admin, 'backups.create', { targetDir: usb });
    expect([path.dirname(here.file), path.dirname(there.file)]).toEqual([backupDir(h.dir, 'manual'), usb]);
    expect(ticketsIn(there.file)[0]).toBe('ok');
    expect((await h.ok(admin, 'backups.list', {})).map((b) => b.kind)).toEqual(['manual']);
    expect(fs.existsSync(there.file.replace('.sqlite', '.attachments'))).toBe(false); // no attachments yet: no folder
    const denied = await h.call(clerk, 'backups.create', {});
    expect(denied.ok === false && denied.error.code).toBe('FORBIDDEN');
    const missing = await h.call(admin, 'backups.create', { targetDir: path.join(usb, 'nope') });
    expect(missing.ok === false && missing.error.fields).toEqual({ targetDir: '该文件夹不存在' });
  });

  it('a start removes what a killed backup left half-written, and keeps every finished backup', async () => {
    const dir = tempDir();
    try {
      h = await openHarness(dir);
      await h.close();
      const manual = backupDir(dir, 'manual');
      const quit = backupDir(dir, 'quit');
      fs.mkdirSync(manual, { recursive: true });
      fs.mkdirSync(path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.attachments.partial', 'ab'), { recursive: true });
      const leftovers = ['.sqlite.partial', '.sqlite.partial-journal', '.sqlite.partial-wal', '.sqlite.partial-shm'].map((end) => path.join(manual, `aftercare-2026-11-24T09-00-00-000Z${end}`));
      const finished = [path.join(manual, 'aftercare-2026-11-20T09-00-00-000Z.sqlite'), path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.sqlite')];
      for (const file of [...leftovers, ...finished]) fs.writeFileSync(file, 'x');
      fs.writeFileSync(path.join(quit, 'aftercare-2026-11-23T10-00-00-000Z.attachments.partial', 'ab', 'abcd'), 'x');
      h = await openHarness(dir);
      expect(fs.readdirSync(manual).sort()).toEqual(['aftercare-2026-11-20T09-00-00-000Z.sqlite']);
      expect(fs.readdirSync(quit)).toEqual(['aftercare-2026-11-23T10-00-00-000Z.sqlite']);
    } finally {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
