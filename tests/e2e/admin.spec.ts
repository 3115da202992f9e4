import { test, expect, shot } from './fixtures';
import { LoginPage } from './pages/login-page';

test('settings: the company name is saved and shown in the header', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-name').fill('华东售后服务中心');
  await page.getByTestId('settings-hotline').fill('400-800-1234');
  await page.getByTestId('sla-urgent-respond').fill('90');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('company-name')).toHaveText('华东售后服务中心');
  await page.reload();
  await expect(page.getByTestId('sla-urgent-respond')).toHaveValue('90');
  await shot(page, 'settings');
});

test('users: create a clerk who can then sign in; a clerk sees no admin menu', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/users`);
  await page.getByTestId('add-user').click();
  const form = page.getByTestId('user-form');
  await form.getByLabel('用户名').fill('wangkf');
  await form.getByLabel('显示名称').fill('王客服');
  await form.getByLabel('初始密码').fill('short');
  await page.getByTestId('user-save').click();
  await expect(form.getByText('至少 8 个字符').first()).toBeVisible();
  await form.getByLabel('初始密码').fill('clerk-pass-1');
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('users-table')).toContainText('王客服');
  await shot(page, 'users');

  await page.getByRole('button', { name: '退出登录' }).click();
  await new LoginPage(page).login('wangkf', 'clerk-pass-1');
  await expect(page.getByTestId('current-user')).toHaveText('王客服');
  await expect(page.getByRole('link', { name: '用户' })).toHaveCount(0);
});
