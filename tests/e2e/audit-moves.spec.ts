/**
 * A ticket's lifecycle moves in the admin's audit trail (issue 17: kept on the ticket's timeline events): who
 * cancelled which ticket, the status before and after in words, the reason's move found by the text search.
 */
import { test, expect, api, ADMIN, shot } from './fixtures';
import { chooseOption } from './pages/select';

test.use({ demo: true });

test('the admin finds a cancelled ticket in the trail with its status before and after', async ({ page, desk }) => {
  const list = await api<{ rows: { id: number }[] }>(page.request, desk.url, 'tickets.list', { pageSize: 1, status: ['registered'] });
  const ticket = await api<{ id: number; version: number }>(page.request, desk.url, 'tickets.get', { id: list.rows[0]!.id });
  await api(page.request, desk.url, 'tickets.move', { id: ticket.id, version: ticket.version, move: 'cancel', reason: '客户重复报修' });

  await page.goto(`${desk.url}/#/admin/audit`);
  await chooseOption(page, 'audit-user', `${ADMIN.displayName}（admin）`);
  await page.getByTestId('audit-q').fill('cancelled');
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit-row').filter({ hasText: `#${ticket.id}` });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('audit-actor')).toHaveText(ADMIN.displayName);
  const status = row.getByTestId('audit-change').filter({ hasText: '状态' });
  await expect(status.getByTestId('audit-before')).toHaveText('登记');
  await expect(status.getByTestId('audit-after')).toHaveText('已取消');
  await shot(page, 'audit-lifecycle-move');
});
