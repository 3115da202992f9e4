/** The demo desk a newcomer judges the product by: its accounts on the sign-in screen, and a month that is never empty. */
import { test, expect, api, shot } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { LoginPage } from './pages/login-page';
import { ReturnsPage } from './pages/returns-page';
import { TicketListPage } from './pages/ticket-list-page';

test.describe('on the demo desk', () => {
  test.use({ demo: true });

  test('the sign-in screen lists one account per role with its password; the supervisor signs in and finds a lived-in desk', { tag: '@clock' }, async ({ page, desk }) => {
    await api(page.request, desk.url, 'auth.logout');
    await new LoginPage(page).goto(desk.url);
    const accounts = page.getByTestId('demo-account');
    await expect(accounts).toHaveCount(4);
    await expect(accounts.filter({ hasText: '王客服' })).toContainText('客服专员');
    await expect(accounts.filter({ hasText: '赵主管' }).getByTestId('demo-password')).toHaveText('demo1234');
    await shot(page, 'demo-login');
    await accounts.filter({ hasText: '赵主管' }).getByTestId('demo-account-use').click();
    await expect(page.getByTestId('login-username')).toHaveValue('zhaozg');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('current-user')).toHaveText('赵主管');

    // This month has its figures whatever the day: the demo keeps today's work.
    const dashboard = new DashboardPage(page);
    await dashboard.goto(desk.url);
    for (const figure of ['received', 'closed']) await expect(dashboard.figure(figure)).not.toHaveText('0');
    await page.waitForLoadState('networkidle');
    await shot(page, 'demo-dashboard');
    const list = new TicketListPage(page);
    await list.goto(desk.url);
    await expect(list.rows.first()).toBeVisible();
    await shot(page, 'demo-tickets');
    const register = new ReturnsPage(page);
    await register.gotoRegister(desk.url);
    await expect(page.getByTestId('returns-total')).not.toHaveText('共 0 条');
    await shot(page, 'demo-returns');
  });
});

test('a real desk lists no demo accounts on its sign-in screen', async ({ page, desk }) => {
  await api(page.request, desk.url, 'auth.logout');
  await new LoginPage(page).goto(desk.url);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByTestId('demo-accounts')).toHaveCount(0);
});
