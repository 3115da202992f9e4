/**
 * Killing the app at any moment never costs a confirmed record: the browser-mode host runs as a child
 * process, takes writes through the HTTP API, and is killed with SIGKILL at a random moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { nativeHandle } from '../../electron/core/db/data-source';
import { intake, openHarness, tempDir } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = 20;

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

async function post(url: string, method: string, body: unknown, cookie = ''): Promise<{ json: { ok: boolean; value?: { number?: string } }; cookie: string }> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { json: (await res.json()) as { ok: boolean; value?: { number?: string } }, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie };
}

describe('crash safety', () => {
  it(`SIGKILL at a random moment, ${RUNS} times: integrity holds and every confirmed ticket is there`, async () => {
    const dir = tempDir();
    const confirmed: string[] = [];
    let cookie = '';
    for (let run = 0; run < RUNS; run++) {
      const { child, url } = await startHost(dir);
      const signIn = run === 0
        ? await post(url, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' })
        : await post(url, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
      cookie = signIn.cookie;
      const killAt = Date.now() + 150 + Math.random() * 600;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; Date.now() < killAt + 200; i++) {
          try {
            const r = await post(url, 'tickets.create', intake({ newCustomer: { name: `客户${run}-${w}-${i}`, phone: '13800135678' } }), cookie);
            if (r.json.ok && r.json.value?.number) confirmed.push(r.json.value.number);
          } catch {
            return; // the connection died with the process: that write was never confirmed
          }
        }
      });
      setTimeout(() => child.kill('SIGKILL'), killAt - Date.now());
      await Promise.all(writers);
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(null) : child.once('exit', resolve)));
    }
    const db = await openDatabase({ file: path.join(dir, 'aftercare.sqlite'), backupDir: path.join(dir, 'backups') });
    expect((await db.query<{ integrity_check: string }>('PRAGMA integrity_check'))[0]?.integrity_check).toBe('ok');
    const stored = new Set((await db.query<{ number: string }>('SELECT number FROM tickets')).map((r) => r.number));
    const lost = confirmed.filter((n) => !stored.has(n));
    await db.close();
    console.log(`crash test: ${RUNS} runs, ${confirmed.length} confirmed writes, ${stored.size} stored, lost ${lost.length}`);
    expect(confirmed.length).toBeGreaterThan(RUNS * 5);
    expect(lost).toEqual([]);
  }, 240_000);

  it('a full disk is reported in the user language and loses nothing already committed', async () => {
    const h = await openHarness();
    const { clerk } = await h.signedIn();
    const handle = nativeHandle(h.core.db.ds);
    const pages = (handle.pragma('page_count', { simple: true }) as number) + 3;
    handle.pragma(`max_page_count = ${pages}`);
    const confirmed: string[] = [];
    let full: unknown = null;
    for (let i = 0; i < 500 && !full; i++) {
      const r = await h.call(clerk, 'tickets.create', intake({ faultDescription: '漏水'.repeat(1500) }));
      if (r.ok) confirmed.push(r.value.number);
      else full = r.error;
    }
    expect(full).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringContaining('磁盘空间不足') });
    handle.pragma('max_page_count = 1073741823');
    const list = await h.ok(clerk, 'tickets.list', { pageSize: 200 });
    expect(list.rows.map((r) => r.number).sort()).toEqual(confirmed.sort());
    expect((await h.call(clerk, 'tickets.create', intake())).ok).toBe(true);
    await h.close();
  });
});
