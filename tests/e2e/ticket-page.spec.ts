/** The ticket page at a service-desk PC's 1366×768: what the clerk reads first (customer, fault) is above the fold. */
import { api, deskNow, expect, shot, test } from './fixtures';

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
