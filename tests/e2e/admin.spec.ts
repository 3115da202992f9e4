import { test, expect, shot } from './fixtures';
import { LoginPage } from './pages/login-page';
import { chooseOption } from './pages/select';

test('settings: the company name is saved and shown in the header', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-name').fill('华东售后服务中心');
  await page.getByTestId('settings-hotline').fill('400-800-1234');
  await page.getByTestId('settings-tab-deadlines').click();
  await page.getByTestId('sla-urgent-respond').fill('90');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('company-name')).toHaveText('华东售后服务中心');
  await page.reload();
  await page.getByTestId('settings-tab-deadlines').click();
  await expect(page.getByTestId('sla-urgent-respond')).toHaveValue('90');
  await shot(page, 'settings');
});

test('settings: a year of holidays is imported with a preview, refused while a line is wrong, and saved', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-tab-deadlines').click();
  await page.getByTestId('calendar-import').click();
  const text = page.getByTestId('calendar-import-text');
  await text.fill('日期,类型\n2026-10-01~2026-10-07,休\n2026-09-27,班\n2026-10-10,上班吗');
  await expect(page.getByTestId('calendar-import-problems')).toContainText('第 4 行');
  await expect(page.getByTestId('calendar-import-apply')).toBeDisabled();
  await text.fill('日期,类型\n2026-10-01~2026-10-07,休\n2026-09-27,班\n2026-10-10,班');
  await expect(page.getByTestId('calendar-import-preview')).toContainText('2026 年：节假日 7 天，调休上班 2 天');
  await shot(page, 'settings-calendar-import');
  await page.getByTestId('calendar-import-apply').click();
  await expect(page.getByTestId('calendar-holidays')).toContainText('2026 年 7 天');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.reload();
  await page.getByTestId('settings-tab-deadlines').click();
  await expect(page.getByTestId('calendar-holidays')).toContainText('10-07');
  await expect(page.getByTestId('calendar-makeup')).toContainText('09-27');
  await expect(page.getByTestId('calendar-makeup')).toContainText('10-10');
  await shot(page, 'settings-calendar');
});

test('settings: the paper of a slip and a product line checklist are saved', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-tab-printing').click();
  await chooseOption(page, 'paper-returnReceipt', '80 mm 热敏纸');
  await shot(page, 'settings-printing');
  await page.getByTestId('settings-tab-returns').click();
  await page.getByRole('button', { name: '添加产品线' }).click();
  await page.getByTestId('checklist-line-1').fill('空调');
  await page.getByTestId('checklist-items-1').fill('室外机外观\n铜管接口\n遥控器');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await shot(page, 'settings-returns');

  const settings = await page.request.post(`${desk.url}/api/settings.get`, { data: {} });
  expect((await settings.json()).value.returns.checklists['空调']).toEqual(['室外机外观', '铜管接口', '遥控器']);
  await page.reload();
  await page.getByTestId('settings-tab-printing').click();
  await expect(page.getByTestId('paper-returnReceipt')).toHaveValue('80 mm 热敏纸');
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
