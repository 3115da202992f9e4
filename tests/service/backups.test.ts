import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { KEEP, backupDir } from '../../electron/core/backup/backups';

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

  it(`keeps the newest ${KEEP.daily} daily and ${KEEP.monthly} monthly backups`, async () => {
    h = await openHarness();
    for (let day = 0; day < 400; day += 10) {
      h.clock.now = new Date(Date.parse('2025-10-01T04:00:00Z') + day * 86_400_000);
      await h.core.dailyBackup();
    }
    const daily = fs.readdirSync(backupDir(h.dir, 'daily')).sort();
    const monthly = fs.readdirSync(backupDir(h.dir, 'monthly')).sort();
    expect([daily.length, daily.at(-1), monthly.length, monthly.at(-1)]).toEqual([KEEP.daily, 'aftercare-2026-10-26.sqlite', KEEP.monthly, 'aftercare-2026-10.sqlite']);
  });

  it('the admin takes a manual backup, into the data folder or a named folder; others may not; a missing folder is refused', async () => {
    h = await openHarness();
    const { admin, clerk } = await h.signedIn();
    const usb = tempDir('usb-');
    const here = await h.ok(admin, 'backups.create', {});
    const there = await h.ok(admin, 'backups.create', { targetDir: usb });
    expect([path.dirname(here.file), path.dirname(there.file)]).toEqual([backupDir(h.dir, 'manual'), usb]);
    expect(ticketsIn(there.file)[0]).toBe('ok');
    expect((await h.ok(admin, 'backups.list', {})).map((b) => b.kind)).toEqual(['manual']);
    const denied = await h.call(clerk, 'backups.create', {});
    expect(denied.ok === false && denied.error.code).toBe('FORBIDDEN');
    const missing = await h.call(admin, 'backups.create', { targetDir: path.join(usb, 'nope') });
    expect(missing.ok === false && missing.error.fields).toEqual({ targetDir: '该文件夹不存在' });
  });
});
