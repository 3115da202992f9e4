/** Importing customers from a spreadsheet: the preview names each bad row, nothing is imported until the file is right. */
import { test, expect, shot, api } from './fixtures';

const csv = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8');
const GOOD = '客户名称,客户类型,电话,地址\r\n华东制冷设备有限公司,企业,021-6234 5678,上海市徐汇区\r\n王强,个人,13912345678,\r\n';

test('a customer file with a bad row is previewed and refused; the corrected file is imported', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/import`);
  const input = page.locator('input[type=file]');
  await input.setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: csv(`${GOOD}李四,个人,电话待补,\r\n`) });
  await expect(page.getByTestId('import-problems')).toContainText('电话');
  await expect(page.getByTestId('import-problems')).toContainText('4');
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await shot(page, 'import-problems');

  await input.setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: csv(GOOD) });
  await expect(page.getByTestId('import-sample')).toContainText('华东制冷设备有限公司');
  await expect(page.getByTestId('import-sample')).toContainText('企业');
  await shot(page, 'import-preview');
  await page.getByTestId('import-run').click();
  await expect(page.getByText('已导入 2 条记录')).toBeVisible();
  const found = await api<{ name: string }[]>(page.request, desk.url, 'customers.search', { q: '华东制冷' });
  expect(found.map((c) => c.name)).toEqual(['华东制冷设备有限公司']);
});

test('a file that is not a spreadsheet is refused in words', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/import`);
  await page.locator('input[type=file]').setInputFiles({ name: 'photo.xlsx', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
  await expect(page.getByTestId('import-error')).toHaveText('这不是表格文件：请选择 Excel（.xlsx / .xls）或 CSV 文件。');
});
