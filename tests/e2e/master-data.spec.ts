/**
 * A fresh desk made usable: the admin adds product models (a deactivated one is not offered at intake), a clerk
 * registers a ticket with a device of the new model and finds it on the customer's page; a supervisor corrects a
 * device's warranty end with a reason, which the admin reads in 操作记录; the grouped menu reaches every admin
 * screen at 1366×768 and shows each role only its groups.
 */
import { test, expect, api, shot } from './fixtures';
import { CLERK, SUPERVISOR, signIn } from './people';
import { IntakePage } from './pages/intake-page';
import { DevicePage, Menu, ModelsPage } from './pages/master-data-page';

const DESK_SIZE = { width: 1366, height: 768 };

// Three people's browsers in one test on a shared two-core machine.
test.describe.configure({ timeout: 150_000 });

test('a new admin adds product models; a clerk registers a ticket with a device of one and finds it on the customer page', async ({ page, desk, browser }) => {
  await page.setViewportSize(DESK_SIZE);
  await page.goto(desk.url);
  const menu = new Menu(page);
  await menu.open('产品型号');
  await expect(page.getByTestId('models-table')).toContainText('还没有产品型号');
  const models = new ModelsPage(page);
  await models.add({ code: 'KFR-35GW', name: '分体式空调', productLine: '空调', warrantyMonths: 12 });
  await models.add({ code: 'KFR-26GW', name: '老款挂机', productLine: '空调', warrantyMonths: 12, active: false });
  await expect(models.row('KFR-35GW')).toContainText('12 个月');
  await expect(models.row('KFR-26GW')).toContainText('停用');
  await page.getByTestId('models-search').fill('老款');
  await expect(models.rows).toHaveCount(1);
  await page.getByTestId('models-search').fill('');
  await shot(page, 'master-data-models');

  await api(page.request, desk.url, 'users.create', CLERK);
  const clerk = await signIn(browser, desk.url, CLERK);
  await clerk.setViewportSize(DESK_SIZE);
  await expect(new Menu(clerk).group('manage')).toHaveCount(0);
  const intake = new IntakePage(clerk);
  await intake.goto(desk.url);
  await clerk.getByTestId('model-select').click();
  await expect(clerk.getByRole('option', { name: 'KFR-35GW · 分体式空调' })).toBeVisible();
  await expect(clerk.getByRole('option', { name: 'KFR-26GW · 老款挂机' })).toHaveCount(0);
  await clerk.keyboard.press('Escape');
  const number = await intake.create({
    customerName: '陈立',
    phone: '13800135678',
    serial: 'KFR35-0001',
    modelLabel: 'KFR-35GW · 分体式空调',
    purchaseDate: '2026-05-01',
    fault: '制冷效果差，出风温度高于设定温度5℃',
  });
  expect(number).not.toBe('');

  const found = await api<{ rows: { id: number }[] }>(page.request, desk.url, 'tickets.list', { q: number });
  await clerk.goto(`${desk.url}/#/tickets/${found.rows[0]!.id}`);
  await expect(clerk.getByTestId('detail-serial')).toHaveText('KFR35-0001');
  await clerk.getByTestId('detail-customer').getByRole('link').click();
  await expect(clerk.getByTestId('customer-title')).toContainText('陈立');
  await expect(clerk.getByTestId('customer-devices')).toContainText('KFR35-0001');
  await expect(clerk.getByTestId('customer-devices')).toContainText('保内');
  await expect(clerk.getByTestId('history-row')).toHaveCount(1);
  await expect(clerk.getByTestId('history-row')).toContainText(number);

  // The clerk corrects the address; the change stays after a reload.
  await clerk.getByTestId('customer-address').fill('上海市徐汇区漕溪北路 88 号');
  await clerk.keyboard.press('Control+Enter');
  await expect(clerk.getByText('客户资料已保存')).toBeVisible();
  await clerk.reload();
  await expect(clerk.getByTestId('customer-address')).toHaveValue('上海市徐汇区漕溪北路 88 号');
  await shot(clerk, 'master-data-customer');
  // The clerk reads the device's page; correcting its warranty is the supervisor's.
  await clerk.getByTestId('customer-devices').getByTestId('device-link').click();
  await expect(clerk.getByTestId('device-title')).toContainText('KFR35-0001');
  await expect(clerk.getByTestId('history-row')).toContainText(number);
  await expect(clerk.getByTestId('warranty-correct')).toHaveCount(0);

  // The nameplate was misread and the device belongs to the customer's company: the clerk fixes both by keyboard.
  await api(page.request, desk.url, 'customers.create', { name: '陈立贸易公司', phone: '02155556666' });
  await clerk.getByTestId('device-edit').click();
  const form = clerk.getByTestId('device-edit-form');
  await expect(form).toContainText('只能由主管');
  await clerk.getByTestId('device-edit-serial').fill('KFR35-0007');
  await clerk.getByTestId('device-edit-owner').fill('陈立贸');
  // The first match is highlighted as it arrives; Enter takes it.
  await expect(clerk.getByRole('option', { name: /陈立贸易公司/ })).toHaveAttribute('data-combobox-selected', 'true');
  await clerk.keyboard.press('Enter');
  await expect(clerk.getByTestId('device-edit-owner')).toHaveValue('陈立贸易公司');
  await shot(clerk, 'master-data-device-edit');
  await clerk.getByTestId('device-edit-save').click();
  await expect(clerk.getByText('设备资料已保存')).toBeVisible();
  await expect(clerk.getByTestId('device-serial')).toHaveText('KFR35-0007');
  await expect(clerk.getByTestId('device-owner')).toContainText('陈立贸易公司');
  // A serial another device has is refused on its field, in words.
  await api(page.request, desk.url, 'devices.create', { serial: 'KFR35-0008', modelId: (await api<{ id: number }[]>(page.request, desk.url, 'models.list', {}))[0]!.id });
  await clerk.getByTestId('device-edit').click();
  await clerk.getByTestId('device-edit-serial').fill('kfr35-0008');
  await clerk.getByTestId('device-edit-save').click();
  await expect(clerk.getByTestId('device-edit-form')).toContainText('已存在');
});

test('a supervisor corrects a device’s warranty end with a reason, and the admin reads it in 操作记录', async ({ page, desk, browser }) => {
  const model = await api<{ id: number }>(page.request, desk.url, 'models.create', { code: 'P50', name: '手机', productLine: '手机', warrantyMonths: 12 });
  const customer = await api<{ id: number }>(page.request, desk.url, 'customers.create', { name: '刘女士', salutation: 'ms', phone: '13912345678' });
  const device = await api<{ id: number }>(page.request, desk.url, 'devices.create', { serial: 'P50-7788', modelId: model.id, customerId: customer.id, purchaseDate: '2025-06-01' });
  await api(page.request, desk.url, 'users.create', SUPERVISOR);

  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.setViewportSize(DESK_SIZE);
  await expect(new Menu(supervisor).group('system')).toHaveCount(0);
  await new Menu(supervisor).open('客户与设备');
  await supervisor.getByTestId('devices-search').fill('P50-77');
  await expect(supervisor.getByTestId('device-link')).toHaveText('P50-7788');
  await supervisor.getByTestId('devices-search').fill('P50-7788');
  await expect(supervisor.getByTestId('device-link')).toHaveCount(1);
  await supervisor.getByTestId('devices-search').press('Enter');
  await expect(supervisor.getByTestId('device-title')).toContainText('P50-7788');
  await expect(supervisor.getByTestId('device-warranty-end')).toHaveText('2026-05-31（按型号 12 个月推算）');
  await expect(supervisor.getByTestId('warranty-badge').first()).toHaveText('保外');

  await new DevicePage(supervisor).correctWarranty('2027-05-31', '客户出示延保凭证 YB-2291');
  await expect(supervisor.getByTestId('device-warranty-end')).toHaveText('2027-05-31（已设定）');
  await expect(supervisor.getByTestId('warranty-badge').first()).toHaveText('保内');
  await shot(supervisor, 'master-data-device');

  await page.setViewportSize(DESK_SIZE);
  await page.goto(desk.url);
  await new Menu(page).open('操作记录');
  await page.getByTestId('audit-entity-id').fill(String(device.id));
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit-row').filter({ hasText: '修改' }).filter({ hasText: 'YB-2291' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('audit-actor')).toHaveText(SUPERVISOR.displayName);
  await expect(row.getByTestId('audit-after').filter({ hasText: '2027-05-31' })).toHaveCount(1);
  await shot(page, 'master-data-audit');
  await row.getByRole('link', { name: `设备 #${device.id}` }).click();
  await expect(page.getByTestId('device-title')).toContainText('P50-7788');
});

test('the grouped menu: at 1366×768 the admin reaches 备份与恢复 and 操作记录; each role sees only its groups', async ({ page, desk, browser }) => {
  await page.setViewportSize(DESK_SIZE);
  await page.goto(desk.url);
  const menu = new Menu(page);
  for (const key of ['desk', 'service', 'manage', 'system'] as const) await expect(menu.group(key)).toBeVisible();
  // 操作记录 is the menu's last entry: below the window's edge until the menu scrolls (it did not, before).
  await menu.open('操作记录');
  await expect(page).toHaveURL(/#\/admin\/audit$/);
  await expect(page.getByRole('link', { name: '操作记录' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('link', { name: '操作记录' })).toBeInViewport();
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/master-data-menu-admin.png' });
  await menu.open('备份与恢复');
  await expect(page).toHaveURL(/#\/admin\/backups$/);
  await expect(page.getByRole('link', { name: '备份与恢复' })).toHaveAttribute('aria-current', 'page');

  await api(page.request, desk.url, 'users.create', { username: 'gc', displayName: '工程师小张', role: 'engineer', password: 'engin-pass-1' });
  const engineer = await signIn(browser, desk.url, { username: 'gc', displayName: '工程师小张', password: 'engin-pass-1' });
  await engineer.setViewportSize(DESK_SIZE);
  const theirs = new Menu(engineer);
  await expect(theirs.group('service')).toContainText('我的工单');
  for (const key of ['desk', 'manage', 'system'] as const) await expect(theirs.group(key)).toHaveCount(0);
  await expect(engineer.getByRole('link', { name: '新建工单' })).toHaveCount(0);
  await engineer.screenshot({ path: 'tests/artifacts/master-data-menu-engineer.png' });
});

test('product models come from a spreadsheet: a wrong row stops the file, the corrected file fills the catalogue', async ({ page, desk }) => {
  await page.setViewportSize(DESK_SIZE);
  await page.goto(`${desk.url}/#/models`);
  await page.getByTestId('models-import').click();
  await expect(page.getByTestId('import-kind').getByRole('radio', { name: '产品型号（主管）' })).toBeChecked();
  const file = (rows: string) => ({ name: '型号.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF型号编码,型号名称,产品线,保修月数,启用\r\n${rows}`, 'utf8') });
  const input = page.locator('input[type=file]');
  await input.setInputFiles(file('KFR-50LW,柜式空调,空调,24,是\r\nXQG-80,滚筒洗衣机,洗衣机,十二,是\r\n'));
  await expect(page.getByTestId('import-problems')).toContainText('保修月数');
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await input.setInputFiles(file('KFR-50LW,柜式空调,空调,24,是\r\nXQG-80,滚筒洗衣机,洗衣机,12,停用\r\n'));
  await expect(page.getByTestId('import-sample')).toContainText('滚筒洗衣机');
  await shot(page, 'master-data-models-import');
  await page.getByTestId('import-run').click();
  await expect(page.getByText('已导入 2 条记录')).toBeVisible();
  await new Menu(page).open('产品型号');
  const models = new ModelsPage(page);
  await expect(models.row('KFR-50LW')).toContainText('24 个月');
  await expect(models.row('XQG-80')).toContainText('停用');
});
