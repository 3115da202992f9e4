import { test, expect, ADMIN, api, shot } from './fixtures';
import { LoginPage } from './pages/login-page';

test('first run creates the admin account and signs in', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByText('首次使用：创建管理员账户')).toBeVisible();
  await page.getByTestId('setup-username').fill('admin');
  await page.getByTestId('setup-displayName').fill('系统管理员');
  await page.getByTestId('setup-password').fill('admin-pass-1');
  await page.getByTestId('setup-password2').fill('admin-pass-1');
  await page.getByTestId('setup-demo').check();
  await shot(page, 'setup');
  await page.getByRole('button', { name: '创建并进入' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('系统管理员');
  await expect(page.getByTestId('ticket-row').first()).toBeVisible();
  await expect(page.getByText('陈先生').first()).toBeVisible();
});

test('setup refuses mismatched passwords', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('setup-username').fill('admin');
  await page.getByTestId('setup-displayName').fill('管理员');
  await page.getByTestId('setup-password').fill('admin-pass-1');
  await page.getByTestId('setup-password2').fill('admin-pass-2');
  await page.getByRole('button', { name: '创建并进入' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
});

test('login, sign out', async ({ page, host }) => {
  await api(page.request, host.url, 'auth.setup', ADMIN);
  await api(page.request, host.url, 'auth.logout');
  const login = new LoginPage(page);
  await login.goto(host.url);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await shot(page, 'login');
  await login.login(ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('current-user')).toHaveText(ADMIN.displayName);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  // Signed out on purpose: the login screen itself, not the "sign in again" over the kept screens.
  await expect(page.getByTestId('sign-in-again')).toHaveCount(0);
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});

test('wrong password message, then lockout after 5 failures', async ({ page, host }) => {
  await api(page.request, host.url, 'auth.setup', ADMIN);
  await api(page.request, host.url, 'users.create', { username: 'clerk1', displayName: '王客服', role: 'clerk', password: 'clerk-pass-1' });
  await api(page.request, host.url, 'auth.logout');
  const login = new LoginPage(page);
  await login.goto(host.url);
  for (let i = 1; i <= 4; i++) {
    await login.login('clerk1', `wrong-${i}`);
    await expect(login.error).toHaveText('用户名或密码错误。');
  }
  await login.login('clerk1', 'wrong-5');
  await expect(login.error).toContainText('账户已锁定');
  await expect(login.error).toContainText(/\d{2}:\d{2}/);
  // Even the right password is refused while locked.
  await login.login('clerk1', 'clerk-pass-1');
  await expect(login.error).toContainText('账户已锁定');
});
