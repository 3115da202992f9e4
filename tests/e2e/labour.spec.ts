/**
 * Issue 22, time spent per ticket: the engineer logs two visits on the ticket (start and finish, then minutes
 * only; a finish before the start is refused on its field), the ticket shows the total, and the clerk's fee
 * calculator fills the labour line from it at the standard's hourly rate (按登记工时填入).
 */
import type { Page } from '@playwright/test';
import { test, expect, api, deskDate, deskNow, shot } from './fixtures';
import { CLERK, ENGINEER, signIn } from './people';
import { FeesPage } from './pages/fees-page';
import { DashboardPage } from './pages/dashboard-page';

async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

test('an engineer logs two visits, the ticket shows the total and the calculator fills the labour line from it', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const url = desk.url;
  const engineerRow = await api<{ id: number }>(page.request, url, 'users.create', ENGINEER);
  await api(page.request, url, 'users.create', CLERK);
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'KFR-35', name: '分体挂壁式空调', productLine: '家电', warrantyMonths: 12 });
  const today = await deskDate(page.request, url);
  const yesterday = await deskDate(page.request, url, -1);
  await api(page.request, url, 'fees.standard.publish', { effectiveFrom: today, note: '', rules: { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 5_000, perHourFen: 8_000 }] } });
  const ticket = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    channel: 'phone', reportedAt: new Date((await deskNow(page.request, url)).getTime() - 2 * 86_400_000).toISOString(), contactName: '周女士', contactPhone: '13700001111',
    urgency: 'important', problemType: 'hardware', faultDescription: '空调制冷差，出风口不凉', modelId: model.id,
    newCustomer: { name: '周女士', salutation: 'ms', phone: '13700001111' },
  });
  const move = async (input: object) => {
    const t = await api<{ version: number }>(page.request, url, 'tickets.get', { id: ticket.id });
    await api(page.request, url, 'tickets.move', { id: ticket.id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'onsite', diagnosis: '冷媒不足', repairPlan: '检漏补焊，加注 R32', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId: engineerRow.id });
  await move({ move: 'startService' });

  const engineer = await signIn(browser, url, ENGINEER);
  await engineer.setViewportSize({ width: 1366, height: 768 });
  await engineer.getByTestId('queue-row').filter({ hasText: ticket.number }).click();
  const labour = engineer.getByTestId('labour');
  await expect(labour).toContainText('尚未登记工时。');

  // The first visit this morning, by start and finish; a finish before the start is refused on its field first.
  await labour.getByTestId('labour-add').click();
  const form = engineer.getByTestId('labour-form');
  await expect(form.getByTestId('labour-day')).toHaveValue(today);
  await form.getByTestId('labour-start').fill('0800');
  await form.getByTestId('labour-finish').fill('07:30');
  await form.getByTestId('action-submit').click();
  await expect(form).toContainText('结束时间须晚于开始时间。');
  await quietShot(engineer, 'labour-form-refused');
  await form.getByTestId('labour-finish').fill('09:30');
  await expect(form.getByTestId('labour-preview')).toHaveText('本次工时：1 小时 30 分');
  await form.getByTestId('labour-note').fill('检漏，补焊室外机焊点');
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(labour.getByTestId('labour-total')).toHaveText('合计 1 小时 30 分');

  // The second visit, yesterday, in minutes only.
  await labour.getByTestId('labour-add').click();
  await form.getByTestId('labour-day').fill(yesterday);
  await form.getByText('分钟数', { exact: true }).click();
  await form.getByTestId('labour-minutes').fill('45');
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(labour.getByTestId('labour-visit')).toHaveCount(2);
  await expect(labour.getByTestId('labour-visit').first()).toContainText(`${yesterday}工程师小张—45 分钟`);
  await expect(labour.getByTestId('labour-visit').nth(1)).toContainText('08:00–09:30');
  await expect(labour.getByTestId('labour-total')).toHaveText('合计 2 小时 15 分');
  // A visit is corrected in the same form, opened on what was logged.
  await labour.getByTestId('labour-visit').first().getByTestId('labour-edit').click();
  await expect(engineer.getByRole('dialog', { name: '更正工时' })).toBeVisible();
  await expect(form.getByTestId('labour-day')).toHaveValue(yesterday);
  await expect(form.getByTestId('labour-minutes')).toHaveValue('45');
  await form.getByTestId('labour-note').fill('复查排水');
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(labour.getByTestId('labour-visit').first()).toContainText('45 分钟复查排水');
  await expect(labour.getByTestId('labour-total')).toHaveText('合计 2 小时 15 分');
  await labour.scrollIntoViewIfNeeded();
  await quietShot(engineer, 'labour-ticket-total');

  // The clerk bills the ticket: 按登记工时填入 puts 2.25 hours at ¥80.00 an hour on a labour line.
  const clerk = await signIn(browser, url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await clerk.goto(`${url}/#/tickets/${ticket.id}`);
  const fees = new FeesPage(clerk);
  await fees.section.getByTestId('create-bill').click();
  await expect(fees.calculator.getByTestId('fee-line')).toHaveCount(0);
  await fees.calculator.getByTestId('fill-labour').click();
  await expect(fees.calculator.getByTestId('fee-line')).toHaveCount(1);
  await expect(fees.line(0).getByTestId('line-qty')).toHaveValue('2.25');
  await expect(fees.line(0).getByTestId('line-unit')).toHaveValue('按小时');
  await expect(fees.line(0).getByTestId('line-amount')).toHaveText('¥180.00');
  await expect(fees.total).toHaveText('¥180.00');
  await clerk.mouse.move(0, 0);
  await quietShot(clerk, 'labour-fee-calculator-filled');

  // The admin's statistics for the month: the two visits as labour hours, per engineer and per product line.
  await page.setViewportSize({ width: 1366, height: 768 });
  await new DashboardPage(page).goto(url);
  const figures = page.getByTestId('labour-figures');
  await expect(figures.getByTestId('labour-hours')).toHaveText('2.25 小时');
  await expect(figures.getByTestId('labour-by-engineer').getByTestId('labour-row')).toHaveText(['工程师小张2.25']);
  await expect(figures.getByTestId('labour-by-line').getByTestId('labour-row')).toHaveText(['家电2.25']);
  await expect(figures.getByTestId('labour-per-repair')).toHaveText('—');
  await quietShot(page, 'labour-statistics');
});
