import { test, expect, api, shot } from './fixtures';
import { TicketListPage } from './pages/ticket-list-page';

test.use({ demo: true });

test('a clerk finds tickets by a two-character word of the fault, as typed in the search box', async ({ page, desk }) => {
  const list = new TicketListPage(page);
  await list.goto(desk.url);
  await list.find('噪音');
  const { total } = await api<{ total: number }>(page.request, desk.url, 'tickets.list', { q: '噪音' });
  expect(total).toBeGreaterThan(0);
  await expect(list.rows).toHaveCount(total);
  for (const row of await list.rows.all()) await expect(row).toContainText('噪音');
  await shot(page, 'ticket-search-fault-word');
  await list.find('制冷效果差');
  await expect(list.rows.first()).toContainText('制冷效果差');
  await list.find('冰箱漏氟');
  await expect(list.empty).toBeVisible();
});
