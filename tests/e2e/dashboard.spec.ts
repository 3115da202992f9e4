import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { PeriodStats } from '../../shared/domain/statistics';
import type { APIRequestContext } from '@playwright/test';
import { api, deskDate, deskNow, expect, shot, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';

/** The desk's month at the desk clock, as the dashboard picks it. */
async function deskMonth(request: APIRequestContext, url: string): Promise<{ from: string; to: string }> {
  const today = await deskDate(request, url);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 7)}-01`, to: last };
}

/**
 * Three tickets reported in the last minutes before the desk clock's now (inside the month even at
 * 00:05 on its first day), one of them a complaint: the figures the dashboard must show.
 */
async function reportThisMonth(request: APIRequestContext, url: string): Promise<void> {
  const now = (await deskNow(request, url)).getTime();
  for (const [i, problemType] of (['hardware', 'complaint', 'hardware'] as const).entries()) {
    await api(request, url, 'tickets.create', {
      channel: 'phone', reportedAt: new Date(now - (3 - i) * 60_000).toISOString(), contactName: '陈先生', contactPhone: '13800135678',
      urgency: 'important', problemType, faultDescription: problemType === 'complaint' ? '上门超时，客户投诉' : '制冷效果差',
      ...(i === 0 ? { newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678' } } : { customerId: 1 }),
    });
  }
}

test('the supervisor dashboard: the figures of this month that the spec set up, cards open the list, the workbook downloads', { tag: '@clock' }, async ({ page, desk }, info) => {
  await reportThisMonth(page.request, desk.url);
  const period = await deskMonth(page.request, desk.url);
  const stats = await api<{ current: PeriodStats; previous: PeriodStats }>(page.request, desk.url, 'reports.statistics', period);
  expect(stats.current).toMatchObject({ received: 3, complaints: 1, openAtEnd: 3 });

  const dashboard = new DashboardPage(page);
  await page.goto(`${desk.url}/#/tickets`);
  await page.getByRole('link', { name: '统计' }).click();
  await dashboard.root.waitFor();
  await expect(page.getByTestId('period-label')).toContainText(`${period.from} 至 ${period.to}`);
  await expect(dashboard.figure('received')).toHaveText('3');
  await expect(dashboard.figure('complaints')).toHaveText('1');
  await expect(dashboard.figure('openAtEnd')).toHaveText('3');
  await expect(page.getByTestId(`trend-${period.from.slice(0, 7)}`)).toBeVisible();
  await expect(page.getByTestId('chart-problem-type')).toContainText('投诉');
  await page.waitForLoadState('networkidle');
  await shot(page, 'dashboard');

  // The workbook: 汇总 first, and its received figure is the dashboard's.
  const downloading = page.waitForEvent('download');
  await dashboard.exportButton.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = info.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const book = XLSX.read(readFileSync(file));
  expect(book.SheetNames[0]).toBe('汇总');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['汇总']!, { header: 1 });
  expect(rows.find((r) => r[0] === '受理工单')?.[1]).toBe(3);
  // 工单明细, written by the built worker thread (out/main/tickets-sheet-worker.js): one row per ticket received.
  expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['工单明细']!, { header: 1 }).slice(2)).toHaveLength(3);

  // A card opens the ticket list behind it.
  await dashboard.card('complaints').click();
  await expect(page).toHaveURL(/#\/tickets\?type=complaint$/);
  await expect(page.locator('.mantine-Pill-label', { hasText: '投诉' })).toBeVisible();
  await expect(page.getByTestId('ticket-total')).toHaveText('共 1 条');

  await page.goBack();
  await dashboard.card('followUpsOverdue').click();
  await expect(page).toHaveURL(/#\/queue\/follow-up$/);
  await expect(page.getByRole('link', { name: '待回访' })).toHaveAttribute('aria-current', 'page');
});

test.describe('on the demo desk', () => {
  test.use({ demo: true });

  test('a free date range, keyboard month steps, and the English dashboard', { tag: '@clock' }, async ({ page, desk }) => {
    const dashboard = new DashboardPage(page);
    const period = await deskMonth(page.request, desk.url);
    await dashboard.goto(desk.url);
    await page.getByRole('button', { name: '上一个月' }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=/);
    await expect(page).not.toHaveURL(new RegExp(`from=${period.from}`));

    await page.getByTestId('period-mode').getByText('自定义区间').click();
    await page.getByTestId('period-from').fill('2024-05-01');
    await page.getByTestId('period-to').fill('2024-05-31');
    const old = await api<{ current: PeriodStats }>(page.request, desk.url, 'reports.statistics', { from: '2024-05-01', to: '2024-05-31' });
    await expect(page).toHaveURL(/from=2024-05-01&to=2024-05-31/);
    await expect(dashboard.figure('received')).toHaveText(String(old.current.received));

    // Back to the current month from outside (a link without a period): the picker follows.
    await dashboard.goto(desk.url);
    await expect(page.getByTestId('period-month')).toHaveValue(period.from.slice(0, 7));
    const now = await api<{ current: PeriodStats }>(page.request, desk.url, 'reports.statistics', period);
    await expect(dashboard.figure('received')).toHaveText(String(now.current.received));
    await page.getByTestId('language-switch').getByText('English').click();
    await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
    await expect(dashboard.exportButton).toHaveText('Export monthly workbook');
    await expect(page.getByTestId(`trend-${period.from.slice(0, 7)}`)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shot(page, 'dashboard-en');
  });
});
