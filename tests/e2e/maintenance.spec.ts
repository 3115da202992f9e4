import type { Page } from '@playwright/test';
import { test, expect, api, shot, deskDate } from './fixtures';
import { chooseOption } from './pages/select';
import { ENGINEER, SUPERVISOR, signIn } from './people';

test.use({ demo: true });

async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}


test('a supervisor plans maintenance, the generator makes the 维护保养 ticket, the engineer fills the checklist, the plan keeps the history', { tag: '@clock' }, async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  await api(page.request, desk.url, 'users.create', ENGINEER);
  const today = await deskDate(page.request, desk.url);

  // Supervisor: a monthly plan due today, three lead days, with a two-item checklist.
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.getByRole('link', { name: '维护计划' }).click();
  await supervisor.getByTestId('add-plan').click();
  const form = supervisor.getByTestId('plan-form');
  await expect(form.getByTestId('plan-name')).toBeFocused();
  await form.getByTestId('plan-name').fill('中央空调月检');
  await form.getByTestId('plan-customer').fill('陈先生');
  await supervisor.getByTestId('plan-customer-options').getByRole('option').first().click();
  await form.getByTestId('plan-project').fill('浦东张江办公室');
  await chooseOption(supervisor, 'plan-engineer', ENGINEER.displayName);
  await form.getByTestId('plan-every').fill('1');
  await form.getByTestId('plan-start').fill(today);
  await form.getByTestId('plan-lead').fill('3');
  await form.getByTestId('plan-add-item').click();
  await form.getByTestId('plan-item-label').nth(0).fill('清洗过滤网');
  await form.getByTestId('plan-add-item').click();
  await form.getByTestId('plan-item-label').nth(1).fill('出风口温度');
  await form.getByTestId('plan-item-kind').nth(1).click();
  await supervisor.getByRole('option', { name: '数值', exact: true }).click();
  await form.getByTestId('plan-item-unit').nth(1).fill('℃');
  await quietShot(supervisor, 'maintenance-plan-editor');
  await form.getByTestId('plan-save').click();
  await expect(supervisor.getByTestId('plan-title')).toHaveText('中央空调月检');
  await expect(supervisor.getByTestId('plan-next-due')).toHaveText(today);

  // The admin runs the generator (it also runs at start and hourly): this plan's ticket, and the demo's own
  // quarterly inspection, which is due about now too.
  await page.goto(`${desk.url}/#/maintenance`);
  await page.getByTestId('maintenance-generate').click();
  await expect(page.getByText('已生成 2 张维护保养工单')).toBeVisible();
  await page.getByTestId('maintenance-generate').click();
  await expect(page.getByText('已生成 0 张维护保养工单')).toBeVisible();

  // Engineer: the ticket is in their queue; they fill the checklist on it.
  const engineer = await signIn(browser, desk.url, ENGINEER);
  await expect(engineer.getByText('定期维护保养：中央空调月检（浦东张江办公室）')).toBeVisible();
  await engineer.getByText('定期维护保养：中央空调月检（浦东张江办公室）').click();
  const checklist = engineer.getByTestId('maintenance-checklist');
  await expect(checklist.getByTestId('checklist-row')).toHaveCount(2);
  await checklist.getByTestId('checklist-row').nth(0).getByText('不合格').click();
  await checklist.getByTestId('checklist-note').nth(0).fill('滤网破损，已更换');
  await checklist.getByTestId('checklist-value').fill('12.5');
  await checklist.getByTestId('checklist-save').click();
  await expect(checklist.getByTestId('checklist-summary')).toHaveText('已填 2/2，不合格 1');
  await quietShot(engineer, 'maintenance-ticket-checklist');

  // Supervisor: the plan's history lists the ticket and its results.
  await supervisor.reload();
  const visit = supervisor.getByTestId('plan-visit');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText(today);
  await expect(visit).toContainText('清洗过滤网：不合格（滤网破损，已更换）');
  await expect(visit).toContainText('出风口温度：12.5℃');
  await quietShot(supervisor, 'maintenance-plan-history');
});
