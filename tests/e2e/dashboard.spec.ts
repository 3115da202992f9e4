import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { PeriodStats } from '../../shared/domain/statistics';
import { api, expect, shot, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';

test.use({ demo: true });

/** The desk's month (Asia/Shanghai by default), as the dashboard picks it. */
function deskMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 7)}-01`, to: last };
}

test('the supervisor dashboard: figures match the API, cards open the list, the workbook downloads', async ({ page, desk }, info) => {
  const period = deskMonth();
  const stats = await api<{ current: PeriodStats; previous: PeriodStats }>(page.request, desk.url, 'reports.statistics', period);
  expect(stats.current.received).toBeGreaterThan(0);

  const dashboard = new DashboardPage(page);
  await page.goto(`${desk.url}/#/tickets`);
  await page.getByRole('link', { name: '统计' }).click();
  await dashboard.root.waitFor();
  await expect(page.getByTestId('period-label')).toContainText(`${period.from} 至 ${period.to}`);
  await expect(dashboard.figure('received')).toHaveText(String(stats.current.received));
  await expect(dashboard.figure('complaints')).toHaveText(String(stats.current.complaints));
  await expect(dashboard.figure('openAtEnd')).toHaveText(String(stats.current.openAtEnd));
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
  expect(rows.find((r) => r[0] === '受理工单')?.[1]).toBe(stats.current.received);
  // 工单明细, written by the built worker thread (out/main/tickets-sheet-worker.js): one row per ticket received.
  expect(XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['工单明细']!, { header: 1 }).slice(2)).toHaveLength(stats.current.received);

  // A card opens the ticket list behind it.
  await dashboard.card('complaints').click();
  await expect(page).toHaveURL(/#\/tickets\?type=complaint$/);
  await expect(page.locator('.mantine-Pill-label', { hasText: '投诉' })).toBeVisible();
  const complaints = await api<{ total: number }>(page.request, desk.url, 'tickets.list', { problemType: ['complaint'] });
  await expect(page.getByTestId('ticket-total')).toHaveText(`共 ${complaints.total} 条`);

  await page.goBack();
  await dashboard.card('followUpsOverdue').click();
  await expect(page).toHaveURL(/#\/queue\/follow-up$/);
  await expect(page.getByRole('link', { name: '待回访' })).toHaveAttribute('aria-current', 'page');
});

test('a free date range, keyboard month steps, and the English dashboard', async ({ page, desk }) => {
  const dashboard = new DashboardPage(page);
  const period = deskMonth();
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
