/**
 * A full disk: the API says so in the caller's language, nothing already committed is lost, and the
 * desk carries on once space is freed. As root (CI runs in a Debian container as root) the data folder
 * sits on a small tmpfs, so the failure is a real ENOSPC from the kernel; where mounting is not
 * permitted (or AFTERCARE_TEST_NO_MOUNT is set) the same test falls back to SQLite's `max_page_count`,
 * which fails writes with SQLITE_FULL.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeHandle } from '../../electron/core/db/data-source';
import { openDatabase } from '../../electron/core/db/open';
import { intake, openHarness, tempDir, type Harness } from './harness';

const SIZE_MB = 8;

function mountSmallDisk(dir: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.AFTERCARE_TEST_NO_MOUNT) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE_MB}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // no CAP_SYS_ADMIN (a restricted container): the fallback below
  }
}

const dir = tempDir('aftercare-full-');
const mounted = mountSmallDisk(dir);
let h: Harness | null = null;

afterAll(async () => {
  await h?.close();
  if (mounted) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`a full disk (${mounted ? `real ENOSPC on a ${SIZE_MB} MB tmpfs` : 'simulated with max_page_count'})`, () => {
  it('is reported in the user language; every confirmed ticket survives; saving works again once space is freed', async () => {
    h = await openHarness(dir);
    const { clerk } = await h.signedIn();
    const filler = path.join(dir, 'filler.bin');
    let release: () => void;
    if (mounted) {
      // Leave about 1.5 MB free, so the database fills it within a few hundred tickets.
      const { bavail, bsize } = fs.statfsSync(dir);
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 1_500_000)));
      release = () => fs.rmSync(filler);
    } else {
      const handle = nativeHandle(h.core.db.ds);
      handle.pragma(`max_page_count = ${(handle.pragma('page_count', { simple: true }) as number) + 20}`);
      release = () => handle.pragma('max_page_count = 1073741823');
    }
    const confirmed: string[] = [];
    let full: { code: string; message: string } | null = null;
    for (let i = 0; i < 2000 && !full; i++) {
      const r = await h.call(clerk, 'tickets.create', intake({ faultDescription: `第${i}次：${'漏水'.repeat(900)}` }));
      if (r.ok) confirmed.push(r.value.number);
      else full = r.error;
    }
    expect(full).toEqual({ code: 'STORAGE_FULL', message: '磁盘空间不足，数据未保存。请清理磁盘后重试，已保存的数据不受影响。' });
    expect(confirmed.length).toBeGreaterThan(3);
    const en = h.client('en');
    await h.ok(en, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const again = await h.call(en, 'tickets.create', intake({ faultDescription: '漏水'.repeat(900) }));
    expect(again.ok === false && again.error).toEqual({ code: 'STORAGE_FULL', message: 'The disk is full: nothing was saved. Free some space and try again; saved data is safe.' });

    // Reads keep working while the disk is full, and show every confirmed ticket.
    const listed = await h.ok(clerk, 'tickets.list', { pageSize: 200 });
    expect(listed.total).toBe(confirmed.length);

    release();
    const after = await h.call(clerk, 'tickets.create', intake());
    expect(after.ok).toBe(true);
    // The connection is not left inside a transaction SQLite already rolled back (that lost every later write).
    expect(nativeHandle(h.core.db.ds).inTransaction).toBe(false);
    await h.close();
    h = null;

    const db = await openDatabase({ file: path.join(dir, 'aftercare.sqlite'), backupDir: path.join(dir, 'backups') });
    const check = await db.query<{ integrity_check: string }>('PRAGMA integrity_check');
    const stored = new Set((await db.query<{ number: string }>('SELECT number FROM tickets')).map((r) => r.number));
    await db.close();
    expect(check[0]?.integrity_check).toBe('ok');
    expect(confirmed.filter((n) => !stored.has(n))).toEqual([]);
    expect(stored.size).toBe(confirmed.length + 1);
  }, 120_000);
});
