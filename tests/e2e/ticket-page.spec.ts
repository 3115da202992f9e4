/** The ticket page at a service-desk PC's 1366×768: what the clerk reads first (customer, fault) is above the fold. */
import { api, deskNow, expect, shot, test } from './fixtures';
import { ENGINEER } from './people';

// A 1×1 PNG, as the signature canvas would export.
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('a new ticket opens on its customer and fault, with no empty blocks above them', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const created = await api<{ id: number }>(page.request, desk.url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(page.request, desk.url)).toISOString(), contactName: '陈先生', contactPhone: '13800135678',
    urgency: 'important', problemType: 'hardware', faultDescription: '空调制冷效果差，出风口不凉',
    newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678', address: '广州市天河区体育西路 1 号' },
  });
  await page.goto(`${desk.url}/#/tickets/${created.id}`);
  const facts = page.getByTestId('ticket-facts');
  await expect(facts).toContainText('空调制冷效果差');
  await expect(page.getByTestId('progress-facts')).toHaveCount(0);
  // The customer and the fault start in the upper half of the window; the empty returns and fees are one line each.
  const top = (await facts.boundingBox())!.y;
  expect(top).toBeLessThan(768 / 2);
  for (const empty of ['ticket-returns', 'ticket-fees']) expect((await page.getByTestId(empty).boundingBox())!.height).toBeLessThan(60);
  await shot(page, 'ticket-page-new-1366');
});

test('only what the rules allow is offered: no 暂停计时 after acceptance, no 编辑 on a cancelled ticket', async ({ page, desk }) => {
  const engineer = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  const create = async () =>
    api<{ id: number }>(page.request, desk.url, 'tickets.create', {
      channel: 'phone', reportedAt: (await deskNow(page.request, desk.url)).toISOString(), contactName: '陈先生', contactPhone: '13800135678',
      urgency: 'normal', problemType: 'hardware', faultDescription: '空调不制冷', newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678' },
    });
  const move = async (id: number, input: object) => {
    const t = await api<{ version: number }>(page.request, desk.url, 'tickets.get', { id });
    await api(page.request, desk.url, 'tickets.move', { id, version: t.version, ...input });
  };
  const accepted = await create();
  await page.goto(`${desk.url}/#/tickets/${accepted.id}`);
  await expect(page.getByTestId('step-pause')).toBeVisible();
  await move(accepted.id, { move: 'startDiagnosis', remoteGuidance: '' });
  await move(accepted.id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '冷媒不足', repairPlan: '补焊加注', estimateFen: 0 });
  await move(accepted.id, { move: 'dispatch', engineerId: engineer.id });
  await move(accepted.id, { move: 'startService' });
  await move(accepted.id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  await page.reload();
  await expect(page.getByTestId('next-step')).toBeVisible();
  await expect(page.getByTestId('step-pause')).toHaveCount(0);

  const cancelled = await create();
  await page.goto(`${desk.url}/#/tickets/${cancelled.id}`);
  await expect(page.getByTestId('edit-ticket')).toBeVisible();
  await move(cancelled.id, { move: 'cancel', reason: '客户已自行解决' });
  await page.reload();
  await expect(page.getByTestId('detail-number')).toBeVisible();
  await expect(page.getByTestId('edit-ticket')).toHaveCount(0);
});
