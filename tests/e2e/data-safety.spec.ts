/**
 * The admin's data safety in the UI: a backup taken on the backups page, a ticket changed by a clerk,
 * the change found in the audit trail filtered by that clerk, the backup previewed and restored after
 * typing the confirmation word, the old data back after signing in again, the restore on the trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, api, ADMIN, shot } from './fixtures';
import { LoginPage } from './pages/login-page';
import { chooseOption } from './pages/select';

test.use({ demo: true });

test('backup, change, audit by user, preview and restore: the old data is back', async ({ page, desk, browser }) => {
  await api(page.request, desk.url, 'users.create', { username: 'clerk1', displayName: '王客服', role: 'clerk', password: 'clerk-pass-1' });
  const list = await api<{ rows: { id: number }[]; total: number }>(page.request, desk.url, 'tickets.list', { pageSize: 1 });
  const id = list.rows[0]!.id;
  const original = await api<{ contactName: string }>(page.request, desk.url, 'tickets.get', { id });

  await page.goto(`${desk.url}/#/admin/backups`);
  await expect(page.getByRole('link', { name: '备份与恢复' })).toBeVisible();
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/^备份完成：/)).toBeVisible();
  const manual = page.getByTestId('backup-row').filter({ hasText: '手动' });
  await expect(manual).toHaveCount(1);
  await shot(page, 'data-safety-backups');

  // A clerk changes the ticket in their own browser.
  const other = await browser.newContext();
  const clerk = await other.newPage();
  const login = new LoginPage(clerk);
  await login.goto(desk.url);
  await login.login('clerk1', 'clerk-pass-1');
  await clerk.goto(`${desk.url}/#/tickets/${id}`);
  await clerk.getByTestId('edit-ticket').click();
  await clerk.getByTestId('edit-contact-name').fill('王客服改过的联系人');
  await clerk.getByTestId('save-ticket').click();
  await expect(clerk.getByTestId('ticket-facts')).toContainText('王客服改过的联系人');

  // The admin finds the change in the audit trail, filtered by the clerk.
  await page.getByRole('link', { name: '操作记录' }).click();
  await chooseOption(page, 'audit-user', '王客服（clerk1）');
  await page.getByTestId('audit-search').click();
  const change = page.getByTestId('audit-row').filter({ hasText: `工单 #${id}` });
  await expect(change).toHaveCount(1);
  await expect(change.getByTestId('audit-actor')).toHaveText('王客服');
  await expect(change).toContainText('修改');
  await expect(change.getByTestId('audit-change').filter({ hasText: '联系人' }).getByTestId('audit-before')).toHaveText(original.contactName);
  await expect(change.getByTestId('audit-change').filter({ hasText: '联系人' }).getByTestId('audit-after')).toHaveText('王客服改过的联系人');
  await expect(page.getByTestId('audit-row').getByTestId('audit-actor').filter({ hasNotText: '王客服' })).toHaveCount(0);
  await shot(page, 'data-safety-audit-by-user');

  // Preview, then restore after typing the confirmation word.
  await page.getByRole('link', { name: '备份与恢复' }).click();
  await manual.getByTestId('backup-preview-button').click();
  const preview = page.getByTestId('backup-preview');
  await expect(preview.getByTestId('preview-integrity')).toHaveText('通过');
  await expect(preview.getByTestId('preview-tickets')).toHaveText(String(list.total));
  await expect(preview.getByTestId('preview-schema')).toContainText('与当前版本相同');
  await expect(page.getByTestId('restore-button')).toBeDisabled();
  await page.getByTestId('restore-confirm').fill('恢');
  await expect(page.getByTestId('restore-button')).toBeDisabled();
  await shot(page, 'data-safety-preview');
  await page.getByTestId('restore-confirm').fill('恢复');
  await page.getByTestId('restore-button').click();
  await expect(page.getByText(/^数据已恢复为 .+ 的备份（\d+ 张工单）。恢复前的安全副本：.+。请重新登录。$/)).toBeVisible();
  await expect(page.getByTestId('login-username')).toBeVisible();
  await shot(page, 'data-safety-restored');

  // Everyone signs in again, and the ticket is as it was at the backup.
  await new LoginPage(page).login(ADMIN.username, ADMIN.password);
  await page.goto(`${desk.url}/#/tickets/${id}`);
  await expect(page.getByTestId('ticket-facts')).toContainText(original.contactName);
  await expect(page.getByTestId('ticket-facts')).not.toContainText('王客服改过的联系人');
  await clerk.reload();
  await expect(clerk.getByTestId('login-username')).toBeVisible();
  await other.close();

  // The restore itself is on the trail, under the admin; the safety copy is in the list.
  await page.goto(`${desk.url}/#/admin/audit`);
  await chooseOption(page, 'audit-user', `${ADMIN.displayName}（admin）`);
  await chooseOption(page, 'audit-action', '恢复');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-row')).toContainText('备份恢复');
  await expect(page.getByTestId('audit-row')).toContainText('恢复前安全副本');
  await page.goto(`${desk.url}/#/admin/backups`);
  await expect(page.getByTestId('backup-row').filter({ hasText: '恢复前安全副本' })).toHaveCount(1);
});

test('a backup into a named folder; a missing folder and a damaged file are refused with clear messages', async ({ page, desk }) => {
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-usb-'));
  await page.goto(`${desk.url}/#/admin/backups`);
  await page.getByTestId('backup-target').fill(path.join(usb, '不存在'));
  await page.getByTestId('backup-now').click();
  await expect(page.getByText('该文件夹不存在')).toBeVisible();
  await page.getByTestId('backup-target').fill(usb);
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(`备份完成：${usb}`)).toBeVisible();
  expect(fs.readdirSync(usb).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

  const damaged = path.join(usb, 'damaged.sqlite');
  fs.writeFileSync(damaged, "SQLite format 3\0'; DROP TABLE tickets; --".padEnd(8192, 'x'));
  await page.getByTestId('restore-file').fill(damaged);
  await page.getByTestId('preview-file').click();
  await expect(page.getByTestId('preview-integrity')).toContainText('未通过');
  await expect(page.getByTestId('not-restorable')).toHaveText('此备份不能用于恢复，当前数据不会被改动。');
  await expect(page.getByTestId('restore-button')).toHaveCount(0);
  await shot(page, 'data-safety-damaged');
  await page.keyboard.press('Escape');
  await page.getByTestId('restore-file').fill(path.join(usb, 'nope.sqlite'));
  await page.getByTestId('preview-file').click();
  await expect(page.getByTestId('preview-error')).toHaveText('找不到该备份文件，请检查路径（U 盘是否已插好）。');
  fs.rmSync(usb, { recursive: true, force: true });
});
