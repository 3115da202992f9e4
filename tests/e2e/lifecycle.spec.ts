import type { Page } from '@playwright/test';
import { test, expect, api, shot, deskDate, deskNow } from './fixtures';
import { IntakePage } from './pages/intake-page';
import { TicketDetailPage } from './pages/ticket-detail-page';
import { CLERK, ENGINEER, PHOTO, type Person, SUPERVISOR, signIn } from './people';

test.use({ demo: true });

/** Screenshots without the passing "done" toasts drawn over the header. */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

test('a ticket from intake to archive with a clerk, a supervisor and an engineer', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  for (const p of [CLERK, SUPERVISOR, ENGINEER]) await api(page.request, desk.url, 'users.create', p);

  // Clerk: registers the ticket and starts the diagnosis with remote guidance.
  const clerk = await signIn(browser, desk.url, CLERK);
  const number = await new IntakePage(clerk).goto(desk.url).then(() =>
    new IntakePage(clerk).create({ customerName: '周', phone: '13700001111', serial: 'KF35-LC-0001', modelLabel: 'KFR-35 · 智能空调 KFR-35GW', fault: '空调制冷差，压缩机异响，出风口不凉。' }),
  );
  await clerk.getByTestId('open-created').click();
  const id = Number(/tickets\/(\d+)/.exec(clerk.url())?.[1]);
  const asClerk = new TicketDetailPage(clerk);
  let dialog = await asClerk.open('startDiagnosis', 'move-startDiagnosis');
  await dialog.getByTestId('move-text').fill('已指导客户清洗滤网并重启，故障依旧。');
  await asClerk.confirm(dialog);
  await expect(asClerk.event('startDiagnosis')).toContainText(CLERK.displayName);
  await expect(asClerk.step('submitPlan')).toHaveCount(0);

  // Engineer: a plan that touches core parts goes to the supervisor.
  const engineer = await signIn(browser, desk.url, ENGINEER);
  await expect(engineer).toHaveURL(/#\/queue\/mine$/);
  const asEngineer = new TicketDetailPage(engineer);
  await asEngineer.goto(desk.url, id);
  dialog = await asEngineer.open('submitPlan', 'plan-form');
  await expect(dialog.getByTestId('plan-diagnosis')).toBeFocused();
  await dialog.getByTestId('plan-diagnosis').fill('压缩机启动电容失效，压缩机线圈阻值偏低。');
  await dialog.getByTestId('plan-root-cause').fill('长期高负荷运行');
  await dialog.getByTestId('plan-parts').fill('压缩机 ×1，启动电容 ×1');
  await dialog.getByTestId('plan-repair').fill('上门更换压缩机和启动电容，抽真空后加注冷媒。');
  await dialog.getByTestId('plan-estimate').fill('1280');
  await dialog.getByTestId('plan-core').check();
  await quietShot(engineer, 'lifecycle-plan-dialog');
  await engineer.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(asEngineer.event('submitPlan')).toContainText('待审批');
  await expect(engineer.getByTestId('progress-approval')).toContainText('待主管审批');
  await expect(asEngineer.step('dispatch')).toHaveCount(0);

  // Supervisor: approves; dispatch is not offered until the customer consents (consent is the next step),
  // and a dispatch sent anyway is refused in the core's words.
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  const asSupervisor = new TicketDetailPage(supervisor);
  await asSupervisor.goto(desk.url, id);
  await asSupervisor.confirm(await asSupervisor.open('approvePlan', 'move-approvePlan'));
  await expect(asSupervisor.event('approvePlan')).toContainText(SUPERVISOR.displayName);
  await expect(asSupervisor.step('consent')).toBeVisible();
  await expect(asSupervisor.step('dispatch')).toHaveCount(0);
  const headers = { 'accept-language': 'zh-CN' };
  const current = (await (await supervisor.request.post(`${desk.url}/api/tickets.get`, { data: { id }, headers })).json()) as { value: { version: number } };
  const early = await supervisor.request.post(`${desk.url}/api/tickets.move`, { data: { id, version: current.value.version, move: 'dispatch', engineerId: 1 }, headers });
  expect(((await early.json()) as { error: { message: string } }).error.message).toBe('方案已审批，须先记录客户确认才能派工。');

  // Clerk: the customer consents on site and signs on the canvas.
  await asClerk.goto(desk.url, id);
  dialog = await asClerk.open('consent', 'consent-form');
  await asClerk.sign(dialog);
  await quietShot(clerk, 'lifecycle-signature');
  await asClerk.confirm(dialog);
  await expect(clerk.getByTestId('progress-consent')).toContainText('现场签字');
  // The customer's signature is kept apart from the photos, named by what it signed.
  await expect(clerk.getByTestId('signatures').getByTestId('attachment-signature')).toContainText('方案同意签名');
  await expect(clerk.getByTestId('attachments')).toHaveCount(0);

  // Supervisor: dispatches to the engineer (the dialog shows lines and workload).
  await asSupervisor.goto(desk.url, id);
  dialog = await asSupervisor.open('dispatch', 'dispatch-form');
  await expect(dialog.getByTestId('dispatch-line')).toContainText('家电');
  await expect(dialog.getByTestId('dispatch-engineer').filter({ hasText: ENGINEER.displayName })).toHaveAttribute('data-match', 'yes');
  await dialog.getByTestId('dispatch-engineer').filter({ hasText: ENGINEER.displayName }).click();
  await quietShot(supervisor, 'lifecycle-dispatch-dialog');
  await asSupervisor.confirm(dialog);
  await expect(supervisor.getByTestId('progress-engineer')).toHaveText(ENGINEER.displayName);
  await expect(supervisor.getByTestId('contact-due')).toContainText('剩余');

  // The engineer may not dispatch: no button, and the core refuses the call in words.
  const refused = await engineer.request.post(`${desk.url}/api/tickets.move`, { data: { id, version: 1, move: 'dispatch', engineerId: 1 }, headers: { 'accept-language': 'zh-CN' } });
  expect(((await refused.json()) as { ok: boolean; error: { message: string } }).error.message).toMatch(/角色|不能|修改/);

  // Supervisor books the engineer on the schedule for this ticket.
  dialog = await asSupervisor.open('book', 'booking-form');
  const today = await deskDate(page.request, desk.url);
  await dialog.getByTestId('booking-starts').fill(`${today}T18:00`);
  await dialog.getByTestId('booking-ends').fill(`${today}T19:30`);
  await dialog.getByTestId('booking-place').fill('上海市徐汇区漕溪北路 88 号');
  await asSupervisor.confirm(dialog);

  // Engineer: my tickets, contact within the hour, start, record a part and a photo, acceptance signed.
  await engineer.goto(desk.url);
  await expect(engineer.getByTestId('queue-row').filter({ hasText: number })).toBeVisible();
  await engineer.getByTestId('queue-row').filter({ hasText: number }).click();
  await expect(asEngineer.step('dispatch')).toHaveCount(0);
  dialog = await asEngineer.open('contact', 'action-contact');
  await dialog.getByTestId('action-text').fill('已电话联系客户，约今晚 18:00 上门。');
  await asEngineer.confirm(dialog);
  await expect(engineer.getByTestId('contact-due')).toContainText('已完成');
  await asEngineer.confirm(await asEngineer.open('startService', 'move-startService'));
  const form = engineer.getByTestId('service-form');
  await form.getByTestId('service-steps').fill('回收冷媒，更换压缩机与启动电容，抽真空，加注冷媒，试机 30 分钟。');
  await form.getByTestId('service-problems').fill('旧压缩机底座螺栓锈死');
  await form.getByTestId('add-part').click();
  await form.getByTestId('part-name').fill('压缩机');
  await form.getByTestId('part-model').fill('QXA-B141');
  await form.getByTestId('part-serial').fill('CMP-2026-0815');
  await form.getByTestId('part-recovered').check();
  await form.getByTestId('service-save').click();
  await expect(engineer.getByTestId('part-used')).toContainText('QXA-B141');
  await engineer.locator('input[type=file][accept*="image/png"]').setInputFiles({ name: '更换后.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(engineer.getByTestId('attachment-photo')).toContainText('更换后.png');
  dialog = await asEngineer.open('accept', 'accept-form');
  await dialog.getByText('非常满意').click();
  await dialog.getByTestId('accept-comments').fill('师傅很专业，制冷恢复正常。');
  await dialog.getByTestId('action-submit').click();
  await expect(dialog.getByText('请先签名')).toBeVisible();
  await asEngineer.sign(dialog);
  await asEngineer.confirm(dialog);
  await expect(engineer.getByTestId('progress-satisfaction')).toHaveText('非常满意');

  // Clerk: the follow-up queue, the three questions, then archive.
  await clerk.goto(`${desk.url}/#/queue/follow-up`);
  await clerk.getByTestId('queue-row').filter({ hasText: number }).click();
  dialog = await asClerk.open('followUpSolved', 'follow-up-form');
  await dialog.getByTestId('follow-up-outcome').getByLabel('已接通').check();
  await dialog.getByTestId('follow-up-solved').getByLabel('是').check();
  await dialog.getByTestId('follow-up-attitude').getByLabel('是').check();
  await dialog.getByTestId('follow-up-satisfaction').getByLabel('满意', { exact: true }).check();
  await dialog.getByTestId('follow-up-notes').fill('客户确认已解决，对服务满意。');
  await asClerk.confirm(dialog);
  await asClerk.confirm(await asClerk.open('archive', 'move-archive'));
  await expect(asClerk.step('archive')).toHaveCount(0);

  const journey: [string, Person][] = [
    ['created', CLERK], ['startDiagnosis', CLERK], ['submitPlan', ENGINEER], ['approvePlan', SUPERVISOR], ['consent', CLERK],
    ['dispatch', SUPERVISOR], ['contacted', ENGINEER], ['startService', ENGINEER], ['serviceRecord', ENGINEER], ['attached', ENGINEER],
    ['accept', ENGINEER], ['followUpSolved', CLERK], ['archive', CLERK],
  ];
  for (const [kind, who] of journey) await expect(asClerk.event(kind).first()).toContainText(who.displayName);
  await expect(asClerk.event('archive')).toContainText('归档');
  await expect(asClerk.event('followUpSolved')).toContainText('回访：已解决');
  await quietShot(clerk, 'lifecycle-timeline-archived');

  // The schedule shows the booking in this week's grid.
  await supervisor.goto(`${desk.url}/#/schedule`);
  await expect(supervisor.getByTestId('schedule-row').filter({ hasText: ENGINEER.displayName }).getByTestId('booking')).toContainText(number);
  await quietShot(supervisor, 'lifecycle-schedule');
});

test('the overdue queue lists an urgent ticket past its deadline and suggests escalation', { tag: '@clock' }, async ({ page, desk, browser }) => {
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  const [customer] = await api<{ id: number }[]>(page.request, desk.url, 'customers.search', { q: '138' });
  const reportedAt = new Date((await deskNow(page.request, desk.url)).getTime() - 40 * 86_400_000).toISOString();
  const created = await api<{ id: number; number: string }>(page.request, desk.url, 'tickets.create', {
    customerId: customer!.id, channel: 'phone', reportedAt, contactName: '陈先生', contactPhone: '13800135678',
    urgency: 'urgent', problemType: 'hardware', faultDescription: '冰箱不制冷，食物变质，客户多次催促。',
  });
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.getByRole('link', { name: '逾期工单' }).click();
  const row = supervisor.getByTestId('queue-row').filter({ hasText: created.number });
  await expect(row).toBeVisible();
  await expect(row.locator('[data-overdue="yes"]')).toContainText('已逾期');
  await quietShot(supervisor, 'lifecycle-overdue');
  await row.click();
  await expect(supervisor.getByTestId('escalate-suggest')).toBeVisible();
  await expect(supervisor.getByTestId('level-badge')).toHaveText('L1');
  const detail = new TicketDetailPage(supervisor);
  const dialog = await detail.open('escalate', 'action-escalate');
  await dialog.getByTestId('action-text').fill('超过解决期限，升级到二线。');
  await detail.confirm(dialog);
  await expect(supervisor.getByTestId('level-badge')).toHaveText('L2');
  await expect(detail.event('escalated')).toContainText(SUPERVISOR.displayName);
});
