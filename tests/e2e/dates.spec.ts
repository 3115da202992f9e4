/**
 * Dates the Chinese way in an English-locale browser: every date field shows and takes YYYY-MM-DD
 * (no native mm/dd/yyyy input is left), other ways of typing read back as YYYY-MM-DD, and a day that
 * does not exist is named in words.
 */
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { chooseOption } from './pages/select';

test.use({ demo: true, locale: 'en-US', viewport: { width: 1366, height: 768 } });

const ISO_DAY = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** No browser date input anywhere on the page, and every date field's text is empty or YYYY-MM-DD. */
async function everyDateFieldIsIso(page: Page): Promise<void> {
  await expect(page.locator('input[type="date"], input[type="datetime-local"], input[type="month"]')).toHaveCount(0);
  for (const input of await page.locator('input[placeholder^="YYYY-MM-DD"]').all()) {
    const value = await input.inputValue();
    if (value !== '') expect(value).toMatch(ISO_DAY);
  }
}

test('an en-US browser shows and takes YYYY-MM-DD in every date field', async ({ page, desk }) => {
  // Intake: the report time and the new device's purchase date.
  await page.goto(`${desk.url}/#/tickets/new`);
  await expect(page.getByTestId('reported-at')).toHaveValue(ISO_DAY);
  await page.getByTestId('serial-input').fill('EN-US-DATE-0001');
  await page.getByTestId('serial-input').press('Enter');
  await page.getByTestId('unknown-serial').waitFor();
  await chooseOption(page, 'model-select', 'KFR-35 · 智能空调 KFR-35GW');
  await page.getByTestId('register-device').check();
  const purchase = page.getByTestId('purchase-date');
  await expect(purchase).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await purchase.fill('2025/6/1');
  await purchase.press('Tab');
  await expect(purchase).toHaveValue('2025-06-01');
  await purchase.fill('2025年6月1日');
  await purchase.press('Tab');
  await expect(purchase).toHaveValue('2025-06-01');
  await purchase.fill('2025-02-30');
  await purchase.press('Tab');
  await expect(page.getByText('请按“年-月-日”输入，例如 2026-11-05')).toBeVisible();
  await expect(purchase).toHaveValue('2025-02-30');
  await everyDateFieldIsIso(page);
  await shot(page, 'dates-en-us-intake');
  await purchase.fill('20250601');
  await purchase.press('Tab');
  await expect(purchase).toHaveValue('2025-06-01');
  await expect(page.getByText('请按“年-月-日”输入，例如 2026-11-05')).toHaveCount(0);

  // The calendar opens from its button, in the desk's language, and a picked day reads YYYY-MM-DD.
  await page.getByTestId('purchase-date').locator('xpath=..').getByRole('button', { name: '选择日期' }).click();
  await expect(page.getByText('2025年6月', { exact: true })).toBeVisible();
  await shot(page, 'dates-en-us-calendar');
  await page.getByRole('button', { name: /^15 / }).click();
  await expect(purchase).toHaveValue('2025-06-15');

  // The ticket list's period filter: typed the other way, read back as YYYY-MM-DD and in the address.
  await page.goto(`${desk.url}/#/tickets`);
  const from = page.getByTestId('filter-from');
  await from.fill('2026年11月1日');
  await from.press('Tab');
  await expect(from).toHaveValue('2026-11-01');
  await expect(page).toHaveURL(/from=2026-11-01/);
  await everyDateFieldIsIso(page);
  await shot(page, 'dates-en-us-ticket-list');

  // Statistics over a range of days, and the audit trail's dates.
  await page.goto(`${desk.url}/#/statistics`);
  await page.getByTestId('period-mode').getByText('自定义区间').click();
  await expect(page.getByTestId('period-from')).toHaveValue(ISO_DAY);
  await expect(page.getByTestId('period-to')).toHaveValue(ISO_DAY);
  await everyDateFieldIsIso(page);
  await shot(page, 'dates-en-us-statistics');
  await page.goto(`${desk.url}/#/admin/audit`);
  await page.getByTestId('audit-from').fill('2026/11/2');
  await page.getByTestId('audit-from').press('Tab');
  await expect(page.getByTestId('audit-from')).toHaveValue('2026-11-02');
  await everyDateFieldIsIso(page);
});
