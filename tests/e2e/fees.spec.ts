import type { Page } from '@playwright/test';
import { test, expect, api, shot, deskDate, deskNow } from './fixtures';
import { FeesPage } from './pages/fees-page';
import { TicketDetailPage } from './pages/ticket-detail-page';
import { CLERK, signIn } from './people';

/** Screenshots without the passing "done" toasts drawn over the header. */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

/** A fee standard, the parts catalogue's prices, an air-conditioner model worth ¥2,000 and an out-of-warranty ticket of a hotel. */
async function prepare(page: Page, url: string): Promise<{ ticketId: number; number: string }> {
  const s = await api<{ version: number; ticketNumberPattern: string; timeZone: string; sla: unknown }>(page.request, url, 'settings.get');
  await api(page.request, url, 'settings.update', {
    version: s.version, ticketNumberPattern: s.ticketNumberPattern, timeZone: s.timeZone, sla: s.sla,
    company: { name: '华南精工设备有限公司 售后服务中心', address: '广州市天河区科韵路 88 号', hotline: '400-887-3580', logo: '' },
  });
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'KFR-35GW', name: '分体式空调', productLine: '空调', warrantyMonths: 12 });
  await api(page.request, url, 'fees.standard.publish', {
    effectiveFrom: await deskDate(page.request, url), // a fee standard may not start in the past
    note: '2026 年版',
    rules: {
      labour: [
        { productLine: '空调', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 6_000 },
        { productLine: '空调', difficulty: 'complex', perVisitFen: 15_000, perHourFen: 9_000 },
      ],
      calloutFen: 5_000, travelPerTripFen: 3_000, travelPerKmFen: 250, lodgingPerNightFen: 20_000, mealsPerDayFen: 6_000,
      taxRateBp: 600, discountApprovalShareBp: 1_000, replaceShareBp: 5_000, modelValues: [{ modelId: model.id, valueFen: 200_000 }],
    },
  });
  // Part prices live in the parts catalogue (备件库存), not in the standard.
  for (const [partNo, name, priceFen, consumable] of [['CMP-35', '旋转式压缩机', 128_050, false], ['CAP-35', '启动电容', 4_500, false], ['FLT-35', '空气滤网', 3_550, true]] as const) {
    await api(page.request, url, 'parts.create', { partNo, name, priceFen, consumable });
  }
  const ticket = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(page.request, url)).toISOString(), contactName: '陈经理', contactPhone: '020 8888 6666', urgency: 'important', problemType: 'hardware',
    faultDescription: '客房空调不制冷，压缩机不启动。',
    newCustomer: { name: '广州华南酒店', phone: '02088886666' },
    newDevice: { serial: 'KF35-2019-0815', modelId: model.id, purchaseDate: '2019-05-01', purchaseChannel: '', installDate: null, warrantyEnd: null },
  });
  return { ticketId: ticket.id, number: ticket.number };
}

/** A supervisor's change of a part's price in 备件库存. */
async function setPartPrice(page: Page, url: string, partNo: string, priceFen: number) {
  const p = await api<Record<string, unknown>>(page.request, url, 'parts.get', { partNo });
  const { id, version, name, models, unit, consumable, serialTracked, minStock, location, active } = p;
  await api(page.request, url, 'parts.update', { id, version, partNo, name, models, priceFen, unit, consumable, serialTracked, minStock, location, active });
}

test('out of warranty: quote in the calculator, signed consent, bill with one more part, partial cash payment, receipt printed, balance in receivables', async ({ page, desk, browser }) => {
  test.setTimeout(240_000);
  await api(page.request, desk.url, 'users.create', CLERK);
  const { ticketId, number } = await prepare(page, desk.url);
  const clerk = await signIn(browser, desk.url, CLERK);
  const fees = new FeesPage(clerk);
  const detail = new TicketDetailPage(clerk);

  // From the ticket to the calculator: its device is out of warranty, so every line is charged.
  await detail.goto(desk.url, ticketId);
  await expect(fees.section).toContainText('暂无报价单');
  await fees.section.getByTestId('new-quote').click();
  await expect(fees.calculator).toContainText(`工单 ${number} 的费用`);
  await expect(clerk.getByTestId('calc-decision')).toHaveText('保修判定：保修期外');

  // Keyboard first: Alt+1 labour, Alt+2 part, Alt+4 travel.
  await fees.addWithKey(1);
  await expect(fees.line(0).getByTestId('line-rate')).toBeFocused();
  await fees.pick(fees.line(0), 'line-rate', '空调 · 复杂');
  await fees.pick(fees.line(0), 'line-unit', '按小时');
  await fees.quantity(fees.line(0), '2.5');
  await expect(fees.line(0).getByTestId('line-amount')).toHaveText('¥225.00');
  await fees.addWithKey(2);
  await expect(fees.line(1).getByTestId('line-part')).toBeFocused();
  await fees.search(fees.line(1), 'line-part', 'CMP');
  await expect(fees.line(1).getByTestId('line-amount')).toHaveText('¥1,280.50');
  await fees.addWithKey(4);
  await fees.pick(fees.line(2), 'line-unit', '按公里');
  await fees.quantity(fees.line(2), '36');
  // 225.00 + 1,280.50 + 90.00 = 1,595.50; tax 6% = 95.73.
  await expect(fees.calculator.getByTestId('fee-subtotal')).toHaveText('¥1,595.50');
  await expect(fees.calculator.getByTestId('fee-tax')).toHaveText('¥95.73');
  await expect(fees.total).toHaveText('¥1,691.23');
  await expect(fees.calculator.getByTestId('line-coverage')).toHaveText(['收费', '收费', '收费']);
  // The repair costs more than half of the ¥2,000 air conditioner.
  await expect(clerk.getByTestId('replace-hint')).toContainText('建议更换新机');
  // A typo is caught on its line, and nothing can be saved until it is fixed.
  await fees.quantity(fees.line(2), '0');
  await expect(fees.line(2).getByTestId('line-error')).toHaveText('数量须大于 0。');
  await expect(clerk.getByTestId('calc-save')).toBeDisabled();
  await fees.quantity(fees.line(2), '36');
  await expect(fees.total).toHaveText('¥1,691.23');
  await clerk.getByTestId('calc-note').fill('含拆装、抽真空及加注冷媒');
  await quietShot(clerk, 'fees-calculator');
  await clerk.getByTestId('calc-save').click();

  // Back on the ticket: the quote waits for the customer, who signs on the canvas.
  await expect(clerk).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));
  const quote = fees.section.getByTestId('quote').first();
  await expect(quote.getByTestId('quote-status')).toHaveText('待客户确认');
  await expect(quote.getByTestId('quote-total')).toHaveText('¥1,691.23');
  await quote.getByTestId('quote-consent').click();
  const consent = clerk.getByTestId('quote-consent-form');
  await expect(consent.getByTestId('consent-total')).toHaveText('¥1,691.23');
  await detail.sign(consent);
  await detail.confirm(consent);
  await expect(quote.getByTestId('quote-status')).toHaveText('客户已确认');
  await expect(quote.getByTestId('quote-consented')).toContainText('现场签字');

  // The compressor's price rises in 备件库存 after the customer agreed: the bill keeps the quoted price.
  await setPartPrice(page, desk.url, 'CMP-35', 135_000);

  // The bill starts from the accepted quote; one more part (a start capacitor) is added.
  await fees.section.getByTestId('create-bill').click();
  await expect(fees.calculator.getByTestId('fee-line')).toHaveCount(3);
  await expect(fees.line(1).getByTestId('line-amount')).toHaveText('¥1,280.50');
  await expect(fees.total).toHaveText('¥1,691.23');
  await fees.addWithKey(2);
  await fees.search(fees.line(3), 'line-part', 'CAP');
  // 1,640.50 + 6% (98.43) = 1,738.93.
  await expect(fees.total).toHaveText('¥1,738.93');
  await clerk.getByTestId('calc-save').click();
  await expect(clerk).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));
  const bill = fees.section.getByTestId('bill');
  await expect(bill.getByTestId('bill-quote-total')).toHaveText('¥1,691.23');
  await expect(bill.getByTestId('bill-total')).toHaveText('¥1,738.93');
  await expect(bill.getByTestId('bill-difference')).toHaveText('+¥47.70');
  // ¥47.70 more than the quote the customer accepted: no money until they agree to the difference.
  await expect(bill.getByTestId('bill-consent-missing')).toContainText('多 ¥47.70');
  await expect(bill.getByTestId('record-payment')).toHaveCount(0);
  await bill.getByTestId('bill-consent-record').click();
  const agree = clerk.getByTestId('bill-consent-form');
  await detail.sign(agree);
  await agree.getByTestId('bill-consent-informed').check();
  await detail.confirm(agree);
  await expect(bill.getByTestId('bill-consent')).toContainText('现场签字');

  // A partial cash payment: 1,000.00 of 1,738.93; a mistyped amount is refused first.
  await bill.getByTestId('record-payment').click();
  const pay = clerk.getByTestId('payment-form');
  await expect(pay.getByTestId('payment-amount')).toHaveValue('1738.93');
  await pay.getByTestId('payment-amount').fill('1000.001');
  await expect(pay).toContainText('请输入金额');
  await pay.getByTestId('payment-amount').fill('1000');
  await pay.getByTestId('payment-receipt-no').fill('SJ-20261124-01');
  await detail.confirm(pay);
  await expect(bill.getByTestId('bill-paid')).toHaveText('¥1,000.00');
  await expect(bill.getByTestId('bill-balance')).toHaveText('¥738.93');
  await expect(bill.getByTestId('payment')).toHaveCount(1);
  await expect(bill.getByTestId('payment')).toContainText('现金');

  // The customer leaves owing the rest and signs for it.
  await bill.getByTestId('acknowledge-balance').click();
  const ack = clerk.getByTestId('ack-form');
  await ack.getByTestId('ack-promised').fill('2026-12-31');
  await detail.sign(ack);
  await detail.confirm(ack);
  await expect(bill.getByTestId('bill-acknowledged')).toContainText('2026-12-31');
  await expect(detail.event('payment')).toBeVisible();
  await quietShot(clerk, 'fees-ticket-section');

  // The quote as printed: A4 (its default) and 80 mm.
  await quote.getByTestId('quote-print').click();
  await expect(fees.preview).toBeVisible();
  await expect(clerk.getByTestId('print-frame')).toHaveAttribute('data-paper', 'A4');
  for (const text of ['报价单', `${number}-Q1`, '广州华南酒店', '旋转式压缩机', '¥1,691.23']) await expect(fees.frame().locator('body')).toContainText(text);
  await quietShot(clerk, 'fees-quote-print-a4');
  await fees.choosePaper('80 毫米热敏纸', '80mm');
  await quietShot(clerk, 'fees-quote-print-80mm');
  await fees.closePreview();

  // The receipt of the payment: 80 mm (its default), printed and counted; then A4.
  await bill.getByTestId('payment-print').click();
  await expect(clerk.getByTestId('print-frame')).toHaveAttribute('data-paper', '80mm');
  for (const text of ['收款收据', `${number}-P1`, '广州华南酒店', '¥1,000.00', '壹仟元整', 'SJ-20261124-01', '启动电容', '¥738.93']) await expect(fees.frame().locator('body')).toContainText(text);
  await expect(fees.preview.getByTestId('print-count')).toHaveAttribute('data-count', '0');
  await quietShot(clerk, 'fees-receipt-print-80mm');
  expect(await fees.print()).toBe(1);
  await expect(fees.preview.getByTestId('print-count')).toHaveAttribute('data-count', '1');
  await expect(fees.frame().locator('body')).toContainText('重印');
  await fees.choosePaper('A4', 'A4');
  await quietShot(clerk, 'fees-receipt-print-a4');
  await fees.closePreview();

  // The balance is in the receivables, by customer, aged 0–30 days.
  await clerk.getByRole('link', { name: '应收账款' }).click();
  const row = clerk.getByTestId('receivable').filter({ hasText: '广州华南酒店' });
  await expect(row.getByTestId('bucket-d0_30')).toHaveText('¥738.93');
  await expect(row.getByTestId('receivable-total')).toHaveText('¥738.93');
  // The row opens the bill behind it, and the bill's ticket.
  await row.getByTestId('receivable-open').click();
  await expect(clerk.getByTestId('receivable-bill')).toHaveCount(1);
  await quietShot(clerk, 'fees-receivables');
  await clerk.getByTestId('receivable-bill-ticket').click();
  await expect(clerk).toHaveURL(/#\/tickets\/\d+$/);
});

test('the admin publishes a fee standard without parts, enters part prices in 备件库存; a clerk answers "how much will it cost?" on the phone', async ({ page, desk }) => {
  test.setTimeout(120_000);
  // The desk's screen.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${desk.url}/#/fees/standard`);
  const std = page.getByTestId('fee-standard');
  await expect(std).toContainText('尚未发布任何版本');
  await page.getByTestId('std-add-labour').click();
  const labour = page.getByTestId('std-labour').first();
  await labour.getByLabel('产品线').fill('空调');
  await labour.getByLabel('每次（元）').fill('80');
  await labour.getByLabel('每小时（元）').fill('60');
  // Part prices are not kept here: no part rows, a note and a link to 备件库存 instead.
  await expect(std.getByTestId('std-part')).toHaveCount(0);
  await expect(std.getByTestId('std-add-part')).toHaveCount(0);
  await expect(std.getByTestId('std-parts-note')).toContainText('配件的价格、名称和易损件标记只在备件库存中维护');
  await page.getByTestId('std-callout').fill('50');
  await page.getByTestId('std-tax').fill('6');
  await page.getByTestId('std-note').fill('2026 年版');
  // A price that is not an amount is named, and nothing is published.
  await page.getByTestId('std-travelKm').fill('2.5元');
  await page.getByTestId('std-publish').click();
  await expect(page.getByTestId('std-error')).toContainText('travelKm');
  await page.getByTestId('std-travelKm').fill('2.5');
  await page.getByTestId('std-publish').click();
  await expect(page.getByTestId('standard-version')).toHaveCount(1);
  await expect(page.getByTestId('standard-version')).toContainText('当前执行');
  await expect(page.getByTestId('standard-version')).toContainText('2026 年版');
  await quietShot(page, 'fees-standard');

  // The link leads to 备件库存, where the parts are entered with their price and 易损件 flag.
  await std.getByTestId('std-parts-link').click();
  await expect(page).toHaveURL(/#\/parts$/);
  for (const [no, name, price, consumable] of [['FLT-35', '空气滤网', '35.5', true], ['CMP-35', '旋转式压缩机', '1280.5', false]] as const) {
    await page.getByTestId('add-part-catalogue').click();
    const form = page.getByTestId('part-form');
    await form.getByTestId('part-form-no').fill(no);
    await form.getByTestId('part-form-name').fill(name);
    await form.getByTestId('part-form-price').fill(price);
    if (consumable) await form.getByLabel('易损件').check();
    await form.getByTestId('part-form-save').click();
    await expect(page.locator(`[data-testid="part-catalogue-row"][data-part-no="${no}"]`)).toBeVisible();
  }

  // The phone rings: an air conditioner in warranty needs a filter (consumable), a compressor, a visit.
  await page.getByRole('link', { name: '费用计算' }).click();
  const fees = new FeesPage(page);
  await page.getByTestId('calc-warranty').getByText('保修期内', { exact: true }).click();
  await fees.addWithKey(2);
  await fees.search(fees.line(0), 'line-part', 'FLT');
  // The picker lists the catalogue's parts with their catalogue price.
  await fees.addWithKey(2);
  await fees.line(1).getByTestId('line-part').fill('CMP');
  await expect(page.getByRole('option', { name: /CMP-35\s+旋转式压缩机 · ¥1,280\.50/ })).toBeVisible();
  await fees.line(1).getByTestId('line-part').press('ArrowDown');
  await fees.line(1).getByTestId('line-part').press('Enter');
  await expect(fees.line(1).getByTestId('line-amount')).toHaveText('¥1,280.50');
  await fees.addWithKey(1);
  await fees.addWithKey(3);
  await expect(fees.calculator.getByTestId('line-coverage')).toHaveText(['收费', '保修', '保修', '保修']);
  // Only the filter is paid: 35.50 + 6% tax (2.13).
  await expect(fees.total).toHaveText('¥37.63');
  // Out of warranty every line is charged: 35.50 + 1,280.50 + 80.00 + 50.00 = 1,446.00, tax 86.76.
  await page.getByTestId('calc-warranty').getByText('保修期外', { exact: true }).click();
  await expect(fees.total).toHaveText('¥1,532.76');
  // A 20% discount is above the 10% the desk may give alone.
  await page.getByTestId('discount-kind').getByText('比例 %', { exact: true }).click();
  await page.getByTestId('discount-value').fill('20');
  await expect(fees.calculator.getByTestId('fee-discount')).toHaveText('-¥289.20');
  await expect(page.getByTestId('discount-approval')).toContainText('服务主管审批');
  await expect(fees.total).toHaveText('¥1,226.21');
  await quietShot(page, 'fees-phone-calculator');
  // The same estimate in English: the lines stay, the words change.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Fee calculator' })).toBeVisible();
  await expect(fees.calculator.getByTestId('line-coverage')).toHaveText(['Customer', 'Customer', 'Customer', 'Customer']);
  await expect(fees.total).toHaveText('¥1,226.21');
  await quietShot(page, 'fees-phone-calculator-en');
});

test('no quote accepted: the bill records the customer\'s consent, signed on site, before any money is taken', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { ticketId } = await prepare(page, desk.url);
  // A quote the customer has not accepted yet is no consent (seed 001: 获取书面同意后再收取).
  await api(page.request, desk.url, 'quotes.create', { ticketId, lines: [{ kind: 'part', partNo: 'CMP-35', quantity: 1 }] });
  const fees = new FeesPage(page);
  const detail = new TicketDetailPage(page);
  await detail.goto(desk.url, ticketId);
  await fees.section.getByTestId('create-bill').click();
  await fees.addWithKey(2);
  await fees.search(fees.line(0), 'line-part', 'CMP');
  const consent = page.getByTestId('bill-consent-fields');
  await expect(consent).toContainText('没有客户已确认的报价单');
  // Two notes on one form, each named for what it says: the consent's and the bill's.
  await expect(consent.getByLabel('确认情况说明')).toBeVisible();
  await expect(page.getByLabel('备注', { exact: true })).toHaveCount(1);
  // Unsigned and unattested: refused on the form, nothing saved.
  await page.getByTestId('calc-save').click();
  await expect(page.getByTestId('calc-error')).toBeVisible();
  await expect(consent).toContainText('请确认已向客户说明收费标准并取得同意');
  await detail.sign(consent);
  await consent.getByTestId('bill-consent-informed').check();
  await page.getByTestId('calc-save').click();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticketId}$`));
  const bill = fees.section.getByTestId('bill');
  await expect(bill.getByTestId('bill-consent')).toContainText('现场签字');
  await expect(bill.getByTestId('record-payment')).toBeVisible();
});

test('a discount above the desk limit waits for a supervisor before any payment', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const { ticketId } = await prepare(page, desk.url);
  const lines = [{ kind: 'part', partNo: 'CMP-35', quantity: 1 }];
  const quote = await api<{ id: number; version: number }>(page.request, desk.url, 'quotes.create', { ticketId, lines });
  await api(page.request, desk.url, 'quotes.consent', { id: quote.id, version: quote.version, channel: 'phone' });
  // 20% off 1,280.50 = 256.10; the standard allows 10% without approval.
  await api(page.request, desk.url, 'bills.create', { ticketId, lines, discount: { kind: 'share', bp: 2_000 } });
  await page.setViewportSize({ width: 1440, height: 900 });
  await new TicketDetailPage(page).goto(desk.url, ticketId);
  const bill = new FeesPage(page).section.getByTestId('bill');
  await expect(bill.getByTestId('discount-pending')).toBeVisible();
  await expect(bill.getByTestId('record-payment')).toHaveCount(0);
  // 1,024.40 + 6% (61.46) = 1,085.86; the quote was 1,357.33.
  await expect(bill.getByTestId('bill-total')).toHaveText('¥1,085.86');
  await expect(bill.getByTestId('bill-difference')).toHaveText('-¥271.47');
  await bill.getByTestId('approve-discount').click();
  await expect(bill.getByTestId('discount-pending')).toHaveCount(0);
  await expect(bill.getByTestId('record-payment')).toBeVisible();
  await expect(bill).toContainText('折扣已于');
});
