/** Exporting the list the desk sees: the file holds the rows of the current filter, in Chinese, as Excel or CSV. */
import fs from 'node:fs';
import * as XLSX from 'xlsx';
import { test, expect, shot } from './fixtures';

test.use({ demo: true });

test('the filtered ticket list downloads as Excel and as CSV with the same rows', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/tickets?urgency=urgent`);
  await page.getByTestId('ticket-table').waitFor();
  const total = Number((await page.getByTestId('ticket-total').innerText()).match(/\d+/)![0]);
  expect(total).toBeGreaterThan(0);

  await page.getByTestId('export-list').click();
  await shot(page, 'export-menu');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^工单列表-\d{8}-\d{4}\.xlsx$/);
  const book = XLSX.read(fs.readFileSync(await xlsx.path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['工单列表']!, { header: 1, blankrows: false });
  expect(rows[1]?.slice(0, 3)).toEqual(['工单号', '报修时间', '状态']);
  expect(rows.length - 2).toBe(total);
  expect(new Set(rows.slice(2).map((r) => r[3]))).toEqual(new Set(['紧急']));

  await page.getByTestId('export-list').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  expect(text.startsWith('\uFEFF工单号,')).toBe(true);
  expect(text.trim().split('\r\n')).toHaveLength(total + 1);
});
