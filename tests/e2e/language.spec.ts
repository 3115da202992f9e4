import { test, expect, shot } from './fixtures';

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** Visible text without the language switch's own "中文" label. */
async function visibleText(page: import('@playwright/test').Page): Promise<string> {
  const text = await page.locator('body').innerText();
  return text.replaceAll('中文', '');
}

test('switch to English and back; the English UI has no Chinese left', async ({ page, desk }) => {
  const pages = ['/#/tickets', '/#/tickets/new', '/#/settings', '/#/users', '/#/admin/backups', '/#/admin/audit'];
  // Every other screen of the navigation, too.
  pages.push('/#/returns', '/#/returns/new', '/#/queue/overdue', '/#/queue/follow-up', '/#/schedule', '/#/statistics', '/#/import');
  pages.push('/#/knowledge', '/#/knowledge/new', '/#/knowledge/review', '/#/parts', '/#/parts/low', '/#/maintenance');
  pages.push('/#/fees/calculator', '/#/fees/receivables', '/#/fees/standard');
  pages.push('/#/models', '/#/customers');
  for (const path of pages) {
    await page.goto(`${desk.url}${path}`);
    await expect(page.getByTestId('current-user')).toBeVisible();
    if (path === '/#/tickets') {
      await page.getByTestId('language-switch').getByText('English').click();
      await expect(page.getByRole('link', { name: 'New ticket' })).toBeVisible();
    }
    await page.waitForLoadState('networkidle');
    expect(await visibleText(page), path).not.toMatch(CJK);
    if (path === '/#/admin/audit') await shot(page, 'english-audit');
    if (path === '/#/returns/new') await shot(page, 'english-check-in');
  }
  await page.goto(`${desk.url}/#/tickets/new`);
  await page.getByTestId('intake-submit').click();
  await expect(page.getByText('Please check the fields marked in red.')).toBeVisible();
  expect(await visibleText(page)).not.toMatch(CJK);
  await shot(page, 'english-ui');

  // Remembered across a reload, then back to Chinese.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Tickets', exact: true })).toBeVisible();
  await page.getByTestId('language-switch').getByText('中文').click();
  await expect(page.getByRole('link', { name: '新建工单' })).toBeVisible();
});
