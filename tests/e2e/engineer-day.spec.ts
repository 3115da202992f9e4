/**
 * Issue 21, tried as the on-site engineer and the follow-up clerk: the saved service record stays on
 * screen as the record, 0.8 kg of refrigerant stays 0.8 kg, the visit address is on 我的工单 and the
 * ticket, and the follow-up queue shows its own due time and the phone, records attempts, and its
 * dialogs start with no answer chosen.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, api, deskNow, shot } from './fixtures';
import { CLERK, ENGINEER, SUPERVISOR, signIn } from './people';
import { TicketDetailPage } from './pages/ticket-detail-page';
import { PrintPreviewPage } from './pages/print-preview-page';

const ADDRESS = '上海市徐汇区漕溪北路 88 号 3 号楼 1202 室';

/** A ticket of a new customer with an address, taken by the admin to the service stage, assigned to the engineer. */
async function ticketInService(request: APIRequestContext, url: string, engineerId: number): Promise<{ id: number; number: string }> {
  const created = await api<{ id: number; number: string }>(request, url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(request, url)).toISOString(), contactName: '周女士', contactPhone: '13700001111',
    urgency: 'important', problemType: 'hardware', faultDescription: '空调制冷差，出风口不凉',
    newCustomer: { name: '周女士', salutation: 'ms', phone: '13700001111', address: ADDRESS },
  });
  const move = async (input: object) => {
    const t = await api<{ version: number }>(request, url, 'tickets.get', { id: created.id });
    await api(request, url, 'tickets.move', { id: created.id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'onsite', diagnosis: '冷媒不足，焊点渗漏', repairPlan: '检漏补焊，加注 R32', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId });
  await move({ move: 'startService' });
  return created;
}

async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

test('the engineer sees the address on 我的工单, saves 0.8 kg of refrigerant and keeps the saved record on screen', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const engineerRow = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  const gas = await api<{ id: number }>(page.request, desk.url, 'parts.create', { partNo: 'R32', name: '制冷剂 R32', unit: 'kg', priceFen: 8000, consumable: true });
  await api(page.request, desk.url, 'stock.move', { partId: gas.id, kind: 'receive', quantity: 5, reason: '' });
  const ticket = await ticketInService(page.request, desk.url, engineerRow.id);

  const engineer = await signIn(browser, desk.url, ENGINEER);
  await engineer.setViewportSize({ width: 1366, height: 768 });
  const row = engineer.getByTestId('queue-row').filter({ hasText: ticket.number });
  await expect(row.getByTestId('queue-address')).toHaveText(ADDRESS);
  await quietShot(engineer, 'engineer-my-tickets-address');
  await row.click();
  await expect(engineer.getByTestId('detail-address')).toHaveText(ADDRESS);

  // The acceptance slip, in the print preview: the address and the model as printed.
  await engineer.getByTestId('print-acceptance').click();
  const slip = new PrintPreviewPage(engineer);
  await expect(slip.frame().locator('body')).toContainText(ADDRESS);
  await quietShot(engineer, 'engineer-acceptance-slip-preview');
  await slip.closePreview();

  const form = engineer.getByTestId('service-form');
  await form.getByTestId('service-steps').fill('检漏发现室外机焊点渗漏，补焊后保压 30 分钟，加注 R32。');
  await form.getByTestId('service-problems').fill('室外机位于空调架外侧，需安全绳作业');
  await form.getByTestId('part-from-stock').fill('R32');
  await form.getByTestId('part-from-stock').press('Enter');
  await form.getByTestId('part-quantity').fill('0.8');
  await expect(form.getByTestId('part-unit')).toHaveText('kg');
  await form.getByTestId('service-save').click();

  // The record shows at once as the record, not as emptied fields.
  const record = engineer.getByTestId('service-record-view');
  await expect(record.getByTestId('service-steps-text')).toHaveText('检漏发现室外机焊点渗漏，补焊后保压 30 分钟，加注 R32。');
  await expect(record).toContainText('室外机位于空调架外侧，需安全绳作业');
  await expect(engineer.getByTestId('part-used-quantity')).toHaveText('0.8 kg');
  await quietShot(engineer, 'engineer-service-record-saved');
  await engineer.reload();
  await expect(engineer.getByTestId('service-record-view').getByTestId('service-steps-text')).toContainText('补焊后保压 30 分钟');
  await expect(engineer.getByTestId('part-used-quantity')).toHaveText('0.8 kg');
  expect((await api<{ onHand: number }>(page.request, desk.url, 'parts.get', { id: gas.id })).onHand).toBe(4.2);

  // Editing again starts from what was saved; the parts already issued stay.
  await engineer.getByTestId('service-edit').click();
  await expect(engineer.getByTestId('service-form').getByTestId('service-steps')).toHaveValue(/补焊后保压 30 分钟/);

  // A quantity the unit does not allow is refused in words on the field.
  await engineer.getByTestId('service-form').getByTestId('add-part').click();
  const typed = engineer.getByTestId('service-form').getByTestId('part-row').last();
  await typed.getByTestId('part-name').fill('启动电容');
  await typed.getByTestId('part-quantity').fill('1.5');
  await engineer.getByTestId('service-form').getByTestId('service-save').click();
  await expect(typed).toContainText('「启动电容」按整数计量，数量不能有小数。');
});

test('acceptance and follow-up dialogs choose nothing for the user; the follow-up queue shows its due time and the phone and records 改约 and 未接通', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const engineerRow = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  await api(page.request, desk.url, 'users.create', CLERK);
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  const ticket = await ticketInService(page.request, desk.url, engineerRow.id);

  // The acceptance dialog starts with no satisfaction chosen and refuses in words until one is.
  const engineer = await signIn(browser, desk.url, ENGINEER);
  const asEngineer = new TicketDetailPage(engineer);
  await asEngineer.goto(desk.url, ticket.id);
  let dialog = await asEngineer.open('accept', 'accept-form');
  await expect(dialog.getByTestId('accept-satisfaction').getByRole('radio', { checked: true })).toHaveCount(0);
  await asEngineer.sign(dialog);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toContainText('请选择客户的满意度');
  await dialog.getByTestId('accept-satisfaction').getByLabel('非常满意').check();
  await asEngineer.confirm(dialog);
  await expect(engineer.getByTestId('progress-satisfaction')).toHaveText('非常满意');

  // The follow-up queue: its own due time (24 h after acceptance by default) and the phone to call.
  const detail = await api<{ progress: { followUpDueAt: string }; resolveDueAt: string }>(page.request, desk.url, 'tickets.get', { id: ticket.id });
  const clerk = await signIn(browser, desk.url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await clerk.goto(`${desk.url}/#/queue/follow-up`);
  const row = clerk.getByTestId('queue-row').filter({ hasText: ticket.number });
  await expect(row.getByTestId('queue-phone')).toHaveText('13700001111');
  const shanghai = (iso: string) =>
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
  await expect(row.getByTestId('queue-follow-up-due')).toContainText(shanghai(detail.progress.followUpDueAt));
  expect(detail.progress.followUpDueAt).not.toBe(detail.resolveDueAt);
  await quietShot(clerk, 'follow-up-queue');

  // Nothing is chosen in the follow-up dialog; saving without answers is refused in words.
  await row.click();
  const asClerk = new TicketDetailPage(clerk);
  dialog = await asClerk.open('followUpSolved', 'follow-up-form');
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(0);
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByTestId('action-error')).toHaveText('请先选择每个问题的答案再保存（不默认任何答案）。');
  await dialog.getByTestId('follow-up-outcome').getByLabel('已接通').check();
  await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(1);
  await dialog.getByTestId('follow-up-solved').getByLabel('是').check();
  await dialog.getByTestId('action-submit').click();
  await expect(dialog).toContainText('请选择');

  // 改约: the customer asks to be called tomorrow at 14:00; the due time moves there.
  await dialog.getByTestId('follow-up-outcome').getByLabel('客户改约').check();
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date((await deskNow(page.request, desk.url)).getTime() + 86_400_000));
  await dialog.getByTestId('follow-up-next-at').fill(`${tomorrow}T14:00`);
  await dialog.getByTestId('follow-up-notes').fill('客户在开会，约明天下午两点再打');
  await quietShot(clerk, 'follow-up-reschedule-dialog');
  await asClerk.confirm(dialog);
  const tomorrowAt14 = `${tomorrow.replaceAll('-', '/')} 14:00`;
  await expect(clerk.getByTestId('progress-follow-up-due')).toHaveText(tomorrowAt14);
  await expect(clerk.getByTestId('follow-up-attempt')).toHaveCount(1);
  await expect(asClerk.event('followUpRescheduled')).toContainText('客户在开会');

  // 未接通 at the new time: recorded too; the ticket still waits for its follow-up.
  dialog = await asClerk.open('followUpSolved', 'follow-up-form');
  await expect(dialog.getByTestId('follow-up-history')).toContainText('回访：客户改约');
  await dialog.getByTestId('follow-up-outcome').getByLabel('未接通').check();
  await asClerk.confirm(dialog);
  await expect(clerk.getByTestId('follow-up-attempt').last()).toContainText('回访：未接通');
  await quietShot(clerk, 'follow-up-history');
  await clerk.goto(`${desk.url}/#/queue/follow-up`);
  await expect(clerk.getByTestId('queue-row').filter({ hasText: ticket.number }).getByTestId('queue-follow-up-due')).toContainText(tomorrowAt14);
});
