/**
 * The returned device and its ticket as one process, at the counter (issue #21): check-in from the register by the
 * ticket's number fills the form from the ticket; the customer's consent to the quote is recorded once on the
 * device; the engineer's repair moves the ticket to 实施; the hand-back warns of the unpaid balance and accepts the
 * ticket with the collector's signature.
 */
import { test, expect, api, deskDate, deskNow, shot } from './fixtures';
import type { Page } from '@playwright/test';
import { chooseOption } from './pages/select';
import { ReturnsPage } from './pages/returns-page';
import { CLERK, ENGINEER, signIn } from './people';

const DESK = { width: 1366, height: 768 };

/** Screenshots without passing toasts drawn over the header. */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

const RULES = {
  labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }],
  lodgingPerNightFen: 20_000,
  discountApprovalShareBp: 1_000,
};
const LINES = [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }, { kind: 'part', partNo: 'CAP-35', quantity: 1 }];

test('a returned device carries its ticket from check-in to acceptance, nothing entered twice', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  const url = desk.url;
  for (const who of [CLERK, ENGINEER]) await api(page.request, url, 'users.create', who);
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'KFR-35', name: '分体空调', productLine: '家电', warrantyMonths: 12 });
  await api(page.request, url, 'fees.standard.publish', { effectiveFrom: await deskDate(page.request, url), rules: RULES });
  await api(page.request, url, 'parts.create', { partNo: 'CAP-35', name: '启动电容', priceFen: 12_000 });
  const reportedAt = new Date((await deskNow(page.request, url)).getTime() - 30 * 60_000).toISOString();
  const device = { serial: 'KFR35-2002-0002', modelId: model.id, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null };
  const ticket = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    channel: 'walk_in', reportedAt, contactName: '陈先生', contactPhone: '13800135678', urgency: 'important',
    problemType: 'hardware', faultDescription: '空调不制冷，压缩机不启动', newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678' }, newDevice: device,
  });

  const clerk = await signIn(browser, url, CLERK);
  await clerk.setViewportSize(DESK);
  const r = new ReturnsPage(clerk);

  // From the register, the ticket's number typed as a scanner does (Enter at once) fills model, serial and fault.
  await r.gotoRegister(url);
  await clerk.getByTestId('returns-check-in').click();
  const number = clerk.getByTestId('check-in-ticket');
  await number.pressSequentially(ticket.number, { delay: 5 });
  await number.press('Enter');
  await expect(clerk.getByTestId('check-in-customer')).toHaveText('陈先生');
  await expect(clerk.getByTestId('check-in-model')).toHaveValue('KFR-35 分体空调');
  await expect(clerk.getByTestId('check-in-serial')).toHaveValue('KFR35-2002-0002');
  await expect(clerk.getByTestId('check-in-fault')).toHaveValue('空调不制冷，压缩机不启动');
  await r.addAccessory('遥控器', 1);
  await quietShot(clerk, 'return-ticket-check-in');
  await clerk.getByTestId('check-in-submit').click();
  await expect(clerk).toHaveURL(/#\/returns\/\d+/);
  const id = Number(/returns\/(\d+)/.exec(clerk.url())?.[1]);
  await expect(r.preview).toBeVisible();
  await r.closePreview();
  // Check-in means diagnosis.
  await expect(clerk.getByTestId('return-ticket-status')).toHaveText('诊断');

  // The engineer inspects and asks for a quote; the desk quotes on the ticket.
  const engineer = await signIn(browser, url, ENGINEER);
  const e = new ReturnsPage(engineer);
  await engineer.goto(`${url}/#/returns/${id}`);
  await e.move('startInspection');
  await e.move('requestQuote');
  await api(clerk.request, url, 'quotes.create', { ticketId: ticket.id, lines: LINES });

  // 客户同意报价 on the device, once: the ticket's quote is accepted with it.
  await clerk.reload();
  await clerk.getByTestId('return-move-quoteApproved').click();
  const consent = clerk.getByTestId('return-move-dialog');
  await expect(consent.getByTestId('return-consent-quote')).toContainText('¥200.00');
  await chooseOption(clerk, 'return-consent-channel', '电话确认');
  await consent.getByTestId('return-move-reason').fill('客户电话同意更换启动电容');
  await consent.getByTestId('action-submit').click();
  await expect(consent).toBeHidden();
  await expect(r.state()).toHaveAttribute('data-state', 'repairing');
  const fees = await api<{ quotes: { status: string; consentChannel: string }[] }>(clerk.request, url, 'quotes.get', { ticketId: ticket.id });
  expect(fees.quotes[0]).toMatchObject({ status: 'accepted', consentChannel: 'phone' });

  // The engineer finishes the repair: the ticket's service is done.
  await engineer.reload();
  await e.move('finishRepair');
  await expect(engineer.getByTestId('return-ticket-status')).toHaveText('实施');

  // Billed and partly paid.
  const bill = await api<{ id: number }>(clerk.request, url, 'bills.create', { ticketId: ticket.id, lines: LINES });
  await api(clerk.request, url, 'payments.record', { billId: bill.id, method: 'wechat', amountFen: 5_000 });

  // Hand-back warns of the open balance and asks to confirm it; the collector's signature accepts the ticket.
  await clerk.reload();
  await expect(clerk.getByTestId('return-ticket-status')).toHaveText('实施');
  await clerk.getByTestId('return-hand-back').click();
  const hand = clerk.getByTestId('hand-back-dialog');
  await expect(hand.getByTestId('hand-back-balance')).toContainText('¥150.00');
  await expect(hand.getByTestId('hand-back-accepts')).toBeVisible();
  await hand.getByTestId('hand-back-tick').first().check();
  await chooseOption(clerk, 'hand-back-satisfaction', '满意');
  await r.sign(hand);
  await hand.getByTestId('action-submit').click();
  await expect(hand.getByTestId('action-error')).toContainText('¥150.00');
  await expect(hand).toBeVisible();
  await hand.getByTestId('hand-back-balance-confirm').check();
  await quietShot(clerk, 'return-ticket-hand-back');
  await hand.getByTestId('action-submit').click();
  await expect(hand).toBeHidden();
  await expect(r.preview).toBeVisible();
  await r.closePreview();
  await expect(r.state()).toHaveAttribute('data-state', 'returned');
  await expect(clerk.getByTestId('return-ticket-status')).toHaveText('验收');

  // The ticket page shows it accepted, each step on its timeline with the slip number.
  await clerk.goto(`${url}/#/tickets/${ticket.id}`);
  await expect(clerk.getByTestId('detail-number').locator('..')).toContainText('验收');
  await expect(clerk.getByTestId('ticket-timeline')).toContainText('RMA');
  await quietShot(clerk, 'return-ticket-accepted');
  await clerk.context().close();
  await engineer.context().close();
});
