/**
 * demo.load is one transaction: a failure midway (injected by a trigger) or a kill midway (SIGKILL of a desk
 * process half way through) leaves no ticket, customer, article, part or account, and loading again works
 * once, without duplicates; a second load on a loaded desk is refused in words.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { openHarness, tempDir, type Harness } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const AT = '2027-01-01T00:05:00+08:00';
let h: Harness | undefined;
let dir: string | undefined;

afterEach(async () => {
  await h?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  h = undefined;
  dir = undefined;
});

/** What the demo brings, counted from the database (customers and devices have no list method). */
async function counts(harness: Harness) {
  const [row] = await harness.core.db.query<Record<string, number>>(
    `SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM devices) AS devices,
      (SELECT COUNT(*) FROM knowledge_articles) AS articles, (SELECT COUNT(*) FROM parts) AS parts, (SELECT COUNT(*) FROM users) AS users,
      (SELECT COUNT(*) FROM returned_devices) AS returns, (SELECT COUNT(*) FROM bills) AS bills, (SELECT COUNT(*) FROM fee_standards) AS standards`,
  );
  return row!;
}

describe('loading the demo is all or nothing', () => {
  it('a step failing midway leaves nothing; the rerun loads the whole desk once; a third load is refused in words', async () => {
    dir = tempDir();
    h = await openHarness(dir);
    h.clock.now = new Date(AT);
    const admin = h.client();
    await h.ok(admin, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    const empty = await counts(h);
    // The register refuses its first check-in: customers, tickets, articles and parts exist by then.
    await h.core.db.write((tx) => tx.run("CREATE TRIGGER fail_demo BEFORE INSERT ON returned_devices BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
    const failed = await h.call(admin, 'demo.load', {});
    expect(failed.ok).toBe(false);
    expect(await counts(h)).toEqual(empty);
    expect((await h.ok(admin, 'tickets.list', {})).total).toBe(0);
    expect(await h.ok(admin, 'knowledge.search', { q: '', states: ['draft', 'in_review', 'published', 'archived'] })).toEqual([]);
    expect((await h.ok(admin, 'users.list', {})).map((u) => u.username)).toEqual(['admin']);
    expect((await h.ok(h.client(), 'auth.status', {})).demoAccounts).toBeUndefined();

    await h.core.db.write((tx) => tx.run('DROP TRIGGER fail_demo'));
    const loaded = await h.ok(admin, 'demo.load', {});
    const after = await counts(h);
    expect(after).toMatchObject({ tickets: loaded.tickets, customers: 8, articles: 9, parts: 9, users: 5, standards: 1 });
    const again = await h.call(admin, 'demo.load', {});
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已有工单，不能再载入演示数据。' } });
    expect(await counts(h)).toEqual(after);
  }, 60_000);

  it('loaded from the command line on a desk already set up, it acts as the desk\'s admin and makes none of its own', async () => {
    dir = tempDir();
    h = await openHarness(dir);
    h.clock.now = new Date(AT);
    await h.ok(h.client(), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    await h.core.loadDemo();
    expect((await h.ok(h.client(), 'auth.status', {})).demoAccounts!.map((a) => a.username)).toEqual(['wangkf', 'zhanggong', 'ligong', 'zhaozg']);
    expect(await counts(h)).toMatchObject({ users: 5, customers: 8 });
  }, 60_000);

  it('a desk process killed midway through the load leaves an empty desk that loads the demo once on the next start', async () => {
    dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/service/demo-child.ts', dir, AT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('midway')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', () => reject(new Error(`the child ended before the load was midway: ${out}`)));
    });
    await exited;
    expect(out).not.toContain('loaded');

    const db = await openDatabase({ file: path.join(dir, 'aftercare.sqlite'), backupDir: path.join(dir, 'backups') });
    expect((await db.query<{ integrity_check: string }>('PRAGMA integrity_check'))[0]?.integrity_check).toBe('ok');
    await db.close();
    h = await openHarness(dir);
    h.clock.now = new Date(AT);
    expect(await counts(h)).toMatchObject({ tickets: 0, customers: 0, devices: 0, articles: 0, parts: 0, users: 0, returns: 0, bills: 0, standards: 0 });

    // The next start loads it from the command line again: the demo's own admin and the whole desk, once.
    const { tickets } = await h.core.loadDemo();
    expect(await counts(h)).toMatchObject({ tickets, customers: 8, articles: 9, users: 5 });
    const shown = (await h.ok(h.client(), 'auth.status', {})).demoAccounts!.map((a) => a.username);
    expect(shown).toEqual(['wangkf', 'zhanggong', 'ligong', 'zhaozg', 'demoadmin']);
    const admin = h.client();
    expect((await h.ok(admin, 'auth.login', { username: 'demoadmin', password: 'demo1234' })).role).toBe('admin');
  }, 120_000);
});
