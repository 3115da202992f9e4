import { test, expect, api, ADMIN } from './fixtures';
import { LoginPage } from './pages/login-page';

test.use({ demo: true });

test('two users editing the same ticket: the second save shows the conflict', async ({ page, desk, browser }) => {
  await api(page.request, desk.url, 'users.create', { username: 'clerk1', displayName: '王客服', role: 'clerk', password: 'clerk-pass-1' });
  const list = await api<{ rows: { id: number }[] }>(page.request, desk.url, 'tickets.list', { pageSize: 1 });
  const id = list.rows[0]?.id;
  expect(id).toBeDefined();

  const other = await browser.newContext();
  const clerk = await other.newPage();
  const login = new LoginPage(clerk);
  await login.goto(desk.url);
  await login.login('clerk1', 'clerk-pass-1');
  await expect(clerk.getByTestId('current-user')).toHaveText('王客服');

  type Clock = { reportedAt: string; responseDueAt: string; resolveDueAt: string; contactName: string };
  const before = await api<Clock>(page.request, desk.url, 'tickets.get', { id });
  for (const p of [page, clerk]) {
    await p.goto(`${desk.url}/#/tickets/${id}`);
    await p.getByTestId('edit-ticket').click();
  }
  await page.getByTestId('edit-contact-name').fill(`${ADMIN.displayName} 改`);
  await page.getByTestId('save-ticket').click();
  await expect(page.getByTestId('ticket-facts')).toBeVisible();
  await expect(page.getByTestId('timeline-item').last()).toContainText('修改工单');
  // Correcting the contact keeps the report time to the second, so its deadlines do not move.
  const after = await api<Clock>(page.request, desk.url, 'tickets.get', { id });
  expect([after.contactName, after.reportedAt, after.responseDueAt, after.resolveDueAt]).toEqual([`${ADMIN.displayName} 改`, before.reportedAt, before.responseDueAt, before.resolveDueAt]);

  await clerk.getByTestId('edit-contact-name').fill('王客服 改');
  await clerk.getByTestId('save-ticket').click();
  await expect(clerk.getByTestId('edit-error')).toContainText('该记录已被他人修改');
  await clerk.getByTestId('conflict-reload').click();
  await expect(clerk.getByTestId('ticket-facts')).toContainText(`${ADMIN.displayName} 改`);
  await other.close();
});
