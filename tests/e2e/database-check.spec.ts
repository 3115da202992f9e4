/**
 * The database check and the backups' disk space, as the admin sees them: a desk damaged deep inside
 * starts anyway and the check after the start puts a banner in front of the admin that leads to 备份与恢复;
 * the backups page shows each backup's database size, what it alone takes on disk, and the total.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, api, ADMIN, DESK_NOW, shot } from './fixtures';
import { startHost } from './host';

/** Adds a table with an index of many pages to a closed desk and overwrites a page in the middle of the index. */
function damageDeepInside(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE notes_extra (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX notes_extra_body ON notes_extra (body);');
  const insert = db.prepare('INSERT INTO notes_extra (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`备注 ${String(i).padStart(5, '0')} ${'x'.repeat(40)}`);
  })();
  const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'notes_extra_body' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (pages[pages.length >> 1]! - 1) * 4096);
  fs.closeSync(fd);
}

test('a database damaged deep inside: the desk starts, and the admin gets a banner that leads to 备份与恢复', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-e2e-damaged-'));
  try {
    const first = await startHost(DESK_NOW, dir);
    await api(page.request, first.url, 'auth.setup', ADMIN);
    await first.stop();
    damageDeepInside(path.join(dir, 'aftercare.sqlite'));

    const second = await startHost(DESK_NOW, dir);
    try {
      // The admin's session from the setup outlived the restart: the desk opens signed in.
      await page.goto(second.url);
      await expect(page.getByTestId('current-user')).toHaveText(ADMIN.displayName);
      const banner = page.getByTestId('database-damaged-banner');
      await expect(banner).toBeVisible({ timeout: 20_000 });
      await expect(banner).toContainText('数据库检查发现损坏');
      await expect(banner).toContainText('今天的自动备份没有写入');
      await shot(page, 'database-damaged-banner');
      await banner.getByRole('button', { name: '打开备份与恢复' }).click();
      await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
    } finally {
      await second.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the backups page shows each backup’s size, what it alone takes on disk, and the total', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${desk.url}/#/admin/backups`);
  await expect(page.getByTestId('database-damaged-banner')).toHaveCount(0);
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('backup-now').click();
    await expect(page.getByText(/^备份完成：/).last()).toBeVisible();
  }
  const rows = page.getByTestId('backup-row').filter({ hasText: '手动' });
  await expect(rows).toHaveCount(2);
  const list = await api<{ backups: { sizeBytes: number; storedBytes: number }[]; totalBytes: number; databaseBytes: number }>(page.request, desk.url, 'backups.list');
  // Two backups of the same data share every chunk: together they take less than the database twice.
  expect(list.totalBytes).toBeLessThan(list.databaseBytes);
  await expect(page.getByTestId('backups-total')).toHaveText(/^\d 份备份共占用磁盘 [\d.]+ (KB|MB)，当前数据库 [\d.]+ (KB|MB)$/);
  await expect(page.getByRole('columnheader', { name: '数据库大小' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '单独占用' })).toBeVisible();
  await expect(rows.first().getByTestId('backup-stored')).toHaveText(/^[\d.]+ (KB|MB)$/);
  await shot(page, 'backups-sizes');
});
