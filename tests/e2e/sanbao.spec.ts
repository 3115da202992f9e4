/**
 * Issue 19, the manufacturer's loop: a phone bought 10 days ago fails again after one repair. The clerk's ticket page
 * shows the right to exchange with the rule's words and the earlier repair counted; the clerk records the decision
 * (on the timeline), the customer takes a loaner home, the clerk exchanges the unit for a new serial (the new unit
 * becomes the customer's device) and prints the 换货证明; the old unit, now in defective stock, goes on a 返厂单 that
 * the supplier credits; the ticket cannot close while the loaner is out, and closes once it is back. (The loan's
 * and the 返厂单's own screens are walked through in factory.spec.)
 */
import { test, expect, api, deskDate, deskNow, shot } from './fixtures';
import { CLERK, ENGINEER, signIn } from './people';
import { PrintPreviewPage } from './pages/print-preview-page';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('a phone that fails again 10 days after purchase is exchanged and the 换货证明 printed', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const url = desk.url;
  await api(page.request, url, 'users.create', ENGINEER);
  await api(page.request, url, 'users.create', CLERK);
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'P50', name: '智能手机 P50', productLine: '手机', warrantyMonths: 12 });
  const bought = await deskDate(page.request, url, -10);
  const now = (await deskNow(page.request, url)).getTime();
  const customer = { contactName: '刘女士', contactPhone: '13922220000', urgency: 'normal', problemType: 'hardware', modelId: model.id };

  // The first repair, five days ago: reported, repaired and accepted.
  const first = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    ...customer, channel: 'walk_in', reportedAt: new Date(now - 5 * 86_400_000).toISOString(), faultDescription: '屏幕偶尔失灵，触摸无反应',
    newCustomer: { name: '刘女士', salutation: 'ms', phone: '13922220000' },
    newDevice: { serial: 'P50A00017', modelId: model.id, purchaseDate: bought, purchaseChannel: '京东自营', installDate: null, warrantyEnd: null },
  });
  const engineerId = (await api<{ id: number }[]>(page.request, url, 'users.engineers'))[0]!.id;
  const moveOn = async (id: number, input: Record<string, unknown>) => {
    const t = await api<{ version: number }>(page.request, url, 'tickets.get', { id });
    await api(page.request, url, 'tickets.move', { id, version: t.version, ...input });
  };
  const move = (input: Record<string, unknown>) => moveOn(first.id, input);
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'depot', diagnosis: '屏幕排线松动', repairPlan: '重新插接屏幕排线', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId });
  await move({ move: 'startService' });
  await move({ move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  const { device, customer: owner } = await api<{ device: { id: number }; customer: { id: number } }>(page.request, url, 'tickets.get', { id: first.id });

  // Today the screen fails again.
  const again = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    ...customer, channel: 'phone', reportedAt: new Date(now).toISOString(), faultDescription: '屏幕又失灵了，点不动', deviceId: device.id,
    customerId: owner.id,
  });

  const clerk = await signIn(browser, url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await clerk.goto(`${url}/#/tickets/${again.id}`);
  const card = clerk.getByTestId('sanbao');
  await expect(card.getByTestId('sanbao-right')).toHaveText('适用权利：换货');
  await expect(card.getByTestId('sanbao-rule')).toHaveText('购买 10 天内性能故障（15 日内），可选择换货或修理');
  await expect(card.getByTestId('sanbao-purchase')).toContainText(`购买日期 ${bought}`);
  await expect(card.getByTestId('sanbao-repairs')).toContainText(first.number);
  // The fee decision shows the same right.
  await expect(clerk.getByTestId('fees-sanbao')).toHaveText('三包：换货 —— 购买 10 天内性能故障（15 日内），可选择换货或修理');
  await card.scrollIntoViewIfNeeded();
  await expect(clerk.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await clerk.screenshot({ path: 'tests/artifacts/sanbao-right.png' });

  // The clerk records the decision: exchange, one of the rights the rules give; the timeline says it.
  await card.getByTestId('sanbao-decide').click();
  const decide = clerk.getByTestId('sanbao-decide-form');
  await expect(decide.getByTestId('sanbao-choice')).toContainText('换货');
  await expect(decide.getByTestId('sanbao-choice')).toContainText('免费修理');
  await decide.getByTestId('action-submit').click();
  await expect(decide).toBeHidden();
  await expect(card.getByTestId('sanbao-recorded')).toContainText('已判定：换货（客服小王');
  await expect(clerk.getByTestId('ticket-timeline')).toContainText('换货 · 购买 10 天内性能故障（15 日内），可选择换货或修理');

  // The customer takes a loaner home meanwhile, against a deposit.
  const loaner = await api<{ id: number }>(page.request, url, 'loaners.create', { serial: 'LN-P50-07', modelId: model.id });
  const loan = await api<{ id: number }>(page.request, url, 'loaners.lend', { loanerId: loaner.id, ticketId: again.id, depositFen: 50_000, dueOn: await deskDate(page.request, url, 7) });
  await clerk.reload();
  await expect(clerk.getByTestId('ticket-loan')).toContainText('LN-P50-07');

  // The exchange: the old serial is refused as the new one, on its field; then the new unit.
  await card.getByTestId('sanbao-exchange').click();
  const exchange = clerk.getByTestId('sanbao-exchange-form');
  await exchange.getByTestId('sanbao-new-serial').fill('p50a00017');
  await exchange.getByTestId('action-submit').click();
  await expect(exchange).toContainText('新机序列号不能与旧机相同。');
  await exchange.getByTestId('sanbao-new-serial').fill('P50B00231');
  await exchange.getByTestId('action-submit').click();
  await expect(exchange).toBeHidden();
  await expect(card.getByTestId('sanbao-done')).toContainText('原机 P50A00017 已收回');
  await expect(card.getByTestId('sanbao-done')).toContainText('新机 P50B00231');
  await expect(clerk.getByTestId('ticket-timeline')).toContainText('P50A00017 → P50B00231');
  await expect(clerk.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(clerk, 'sanbao-exchanged');

  // The new unit is the customer's device, its warranty from today.
  const hits = await api<{ serial: string; customerName: string | null; warrantyStatus: string }[]>(page.request, url, 'devices.search', { q: 'P50B00231', limit: 5 });
  expect(hits).toMatchObject([{ serial: 'P50B00231', customerName: '刘女士', warrantyStatus: 'in' }]);

  // The device pages link the two units: the old one 换货为 the new one, which is 换自 the old one, with the day and the ticket.
  const [oldDevice] = await api<{ id: number }[]>(page.request, url, 'devices.search', { q: 'P50A00017', limit: 1 });
  await clerk.goto(`${url}/#/devices/${oldDevice!.id}`);
  const today = await deskDate(page.request, url, 0);
  await expect(clerk.getByTestId('device-exchanged-to')).toHaveText(`P50B00231 · ${today} · 工单 ${again.number}`);
  await clerk.getByTestId('device-exchanged-to').getByRole('link', { name: 'P50B00231' }).click();
  await expect(clerk.getByTestId('device-title')).toContainText('P50B00231');
  await expect(clerk.getByTestId('device-exchanged-from')).toHaveText(`P50A00017 · ${today} · 工单 ${again.number}`);
  await shot(clerk, 'sanbao-device-exchanged-from');
  await clerk.goto(`${url}/#/tickets/${again.id}`);

  // The 换货证明 in the print preview: both serials, the rule, the signatures.
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await card.getByTestId('sanbao-print').click();
  const preview = new PrintPreviewPage(clerk);
  const frame = preview.frame();
  await expect(frame.locator('h1')).toHaveText('换货证明');
  for (const text of [`${again.number}-EX`, 'P50A00017（已收回）', 'P50B00231', '购买 10 天内性能故障（15 日内），可选择换货或修理', '客户签字', '服务中心（盖章）']) await expect(frame.locator('body')).toContainText(text);
  await clerk.screenshot({ path: 'tests/artifacts/sanbao-certificate-preview.png' });
  expect(await preview.print()).toBe(1);

  // The old unit is in defective stock as an exchange: onto a 返厂单 that the supplier receives and credits.
  const [oldUnit] = await api<{ id: number; serial: string; origin: string; onHand: number }[]>(page.request, url, 'defective.list', { ticketId: again.id });
  expect(oldUnit).toMatchObject({ serial: 'P50A00017', origin: 'exchange', onHand: 1 });
  type Order = { id: number; version: number; state: string; creditFen: number; lines: { id: number }[] };
  let order = await api<Order>(page.request, url, 'factoryReturns.create', { supplier: '智能手机 P50 厂家售后部', note: '', lines: [{ defectiveId: oldUnit!.id, quantity: 1 }] });
  for (const step of ['send', 'receive'] as const) order = await api<Order>(page.request, url, 'factoryReturns.move', { id: order.id, version: order.version, move: step });
  order = await api<Order>(page.request, url, 'factoryReturns.move', { id: order.id, version: order.version, move: 'credit', credits: [{ lineId: order.lines[0]!.id, creditFen: 159_900 }] });
  expect([order.state, order.creditFen]).toEqual(['credited', 159_900]);

  // The ticket is served and followed up; it cannot close while the loaner is out, and closes once it is back.
  await moveOn(again.id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOn(again.id, { move: 'submitPlan', serviceMode: 'depot', diagnosis: '三包换货', repairPlan: '换新机', estimateFen: 0 });
  await moveOn(again.id, { move: 'dispatch', engineerId });
  await moveOn(again.id, { move: 'startService' });
  await moveOn(again.id, { move: 'accept', satisfaction: 'very_satisfied', comments: '', signature: SIGNATURE });
  await moveOn(again.id, { move: 'followUpSolved', attitudeOk: true, satisfaction: 'very_satisfied', notes: '新机使用正常' });
  await expect(moveOn(again.id, { move: 'archive' })).rejects.toThrow('LN-P50-07');
  await api(page.request, url, 'loaners.giveBack', { loanId: loan.id, condition: 'good', refundFen: 50_000, keptReason: '' });
  await moveOn(again.id, { move: 'archive' });
  await clerk.reload();
  await expect(clerk.getByTestId('ticket-loan')).toContainText('已归还 · 退押金 ¥500.00');
  expect((await api<{ status: string }>(page.request, url, 'tickets.get', { id: again.id })).status).toBe('closed');

  // The admin keeps the terms per product line in 设置 → 三包.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${url}/#/settings`);
  await page.getByTestId('settings-tab-sanbao').click();
  await expect(page.getByTestId('sanbao-terms-row')).toHaveCount(4);
  await expect(page.getByTestId('sanbao-line-2')).toHaveValue('手机');
  await expect(page.getByTestId('sanbao-mainPartMonths-1')).toHaveValue('36');
  await page.screenshot({ path: 'tests/artifacts/sanbao-settings.png' });
});

test('a phone that fails 3 days after purchase is taken back: the refund is checked against the invoice and recorded', async ({ page, desk, browser }) => {
  const url = desk.url;
  await api(page.request, url, 'users.create', CLERK);
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'P60', name: '智能手机 P60', productLine: '手机', warrantyMonths: 12 });
  const ticket = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    contactName: '周先生', contactPhone: '13933330000', urgency: 'normal', problemType: 'hardware', modelId: model.id, channel: 'walk_in',
    reportedAt: (await deskNow(page.request, url)).toISOString(), faultDescription: '开机后屏幕不亮', newCustomer: { name: '周先生', salutation: 'mr', phone: '13933330000' },
    newDevice: { serial: 'P60A00003', modelId: model.id, purchaseDate: await deskDate(page.request, url, -3), purchaseChannel: '门店', installDate: null, warrantyEnd: null },
  });

  const clerk = await signIn(browser, url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  await clerk.goto(`${url}/#/tickets/${ticket.id}`);
  const card = clerk.getByTestId('sanbao');
  await expect(card.getByTestId('sanbao-right')).toHaveText('适用权利：退货');
  await card.getByTestId('sanbao-decide').click();
  const decide = clerk.getByTestId('sanbao-decide-form');
  await decide.getByTestId('sanbao-choice').getByText('退货', { exact: true }).click();
  await decide.getByTestId('action-submit').click();
  await expect(decide).toBeHidden();

  // The refund follows the invoice's amount as it is typed; more than the invoice is refused on its field.
  await card.getByTestId('sanbao-exchange').click();
  const form = clerk.getByTestId('sanbao-exchange-form');
  await form.getByTestId('sanbao-paid').fill('1199');
  await expect(form.getByTestId('sanbao-refund')).toHaveValue('1199');
  await form.getByTestId('sanbao-refund').fill('1300');
  await form.getByTestId('action-submit').click();
  await expect(form).toContainText('1,199.00');
  await form.getByTestId('sanbao-refund').fill('1199');
  await form.getByTestId('sanbao-refund-method').click();
  await clerk.getByRole('option', { name: '银行转账' }).click();
  await form.getByTestId('action-submit').click();
  await expect(form).toBeHidden();
  await expect(card.getByTestId('sanbao-refund')).toHaveText('退款 ¥1,199.00（银行转账，客服小王），发票金额 ¥1,199.00');
  await expect(clerk.getByTestId('ticket-timeline')).toContainText('退款 ¥1,199.00（银行转账）');
  await expect(clerk.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(clerk, 'sanbao-returned-refund');
});
