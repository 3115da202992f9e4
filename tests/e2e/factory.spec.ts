/**
 * Issue 19, part 2, end to end: a phone in for repair; the desk lends a loaner against a deposit and prints the
 * loan slip; the screen recovered in the service record goes from defective stock onto a 返厂单 that the supplier
 * receives and credits (printed with its lines and barcode); the ticket cannot close while the loaner is out; the
 * loaner comes back with the deposit refunded, and the ticket closes. The month's quality report shows the failure.
 */
import type { Page } from '@playwright/test';
import { test, expect, api, deskDate, deskNow, shot } from './fixtures';
import { ENGINEER } from './people';
import { TicketDetailPage } from './pages/ticket-detail-page';
import { PrintPreviewPage } from './pages/print-preview-page';
import { chooseOption } from './pages/select';

/** A screenshot once the notifications have gone (they cover the header's corner). */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('a loaner lent and brought back, the recovered screen credited on a 返厂单, and the ticket closes', async ({ page, desk }) => {
  test.setTimeout(150_000);
  const url = desk.url;
  await page.setViewportSize({ width: 1366, height: 768 });
  const engineer = await api<{ id: number }>(page.request, url, 'users.create', ENGINEER);
  const model = await api<{ id: number }>(page.request, url, 'models.create', { code: 'P50', name: '智能手机', productLine: '手机', warrantyMonths: 12 });
  const ticket = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    channel: 'walk_in', reportedAt: new Date((await deskNow(page.request, url)).getTime() - 3_600_000).toISOString(), contactName: '刘女士', contactPhone: '13900002222',
    urgency: 'important', problemType: 'hardware', faultDescription: '屏幕偶尔失灵，触摸无反应', alarmCodes: 'E-TOUCH', modelId: model.id, serial: 'P50B2611X0042',
    newCustomer: { name: '刘女士', salutation: 'ms', phone: '13900002222' },
  });
  const move = async (input: object) => {
    const t = await api<{ version: number }>(page.request, url, 'tickets.get', { id: ticket.id });
    await api(page.request, url, 'tickets.move', { id: ticket.id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'depot', diagnosis: '触摸屏排线老化', repairPlan: '更换屏幕总成', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId: engineer.id });
  await move({ move: 'startService' });
  const t = await api<{ version: number }>(page.request, url, 'tickets.get', { id: ticket.id });
  await api(page.request, url, 'tickets.recordService', {
    id: ticket.id, version: t.version, steps: '更换屏幕总成，测试触摸正常', parts: [{ partName: 'P50 屏幕总成', quantity: 1, oldPartRecovered: true, oldSerial: 'LCD-77120' }],
  });
  await api(page.request, url, 'loaners.create', { serial: 'LN-P50-01', modelId: model.id });

  // Lend the loaner from the ticket: the unit picked, deposit, due day; the loan slip opens for printing.
  const detail = new TicketDetailPage(page);
  await detail.goto(url, ticket.id);
  await page.getByTestId('ticket-lend').click();
  await chooseOption(page, 'lend-loaner', 'LN-P50-01 · P50 · 完好');
  await expect(page.getByTestId('lend-ticket')).toHaveValue(ticket.number);
  await page.getByTestId('lend-deposit').fill('500');
  const due = await deskDate(page.request, url, 7);
  await page.getByTestId('lend-due').fill(due);
  await page.getByTestId('lend-save').click();
  const preview = new PrintPreviewPage(page);
  await expect(preview.frame().locator('body')).toContainText('备用机借用单');
  await expect(preview.frame().locator('body')).toContainText('伍佰元整');
  await expect(preview.frame().locator('body')).toContainText('LN-P50-01');
  await shot(page, 'factory-loan-slip');
  expect(await preview.print()).toBe(1);
  await preview.closePreview();
  await expect(page.getByTestId('ticket-loan')).toContainText(`${due} 前归还`);

  // The pool lists it as lent on the ticket.
  await page.goto(`${url}/#/factory`);
  const row = page.getByTestId('loaner-row').filter({ hasText: 'LN-P50-01' });
  await expect(row).toContainText(ticket.number);
  await expect(row).toContainText('¥500.00');

  // The recovered screen is in defective stock with its serial, ticket, fault code and batch: onto a new 返厂单.
  await page.getByTestId('factory-tab-defective').click();
  const item = page.getByTestId('defective-row').filter({ hasText: 'P50 屏幕总成' });
  await expect(item).toContainText('LCD-77120');
  await expect(item).toContainText('E-TOUCH');
  await expect(item).toContainText('P50B26');
  await quietShot(page, 'factory-defective');
  await item.getByTestId('defective-add').click();
  await page.getByTestId('add-return-supplier').fill('深圳华显科技 售后返厂部');
  await page.getByTestId('add-return-save').click();
  await expect(page.getByTestId('defective-row')).toHaveCount(0);

  // The supplier receives it and credits 380 yuan.
  await page.getByTestId('factory-tab-returns').click();
  await expect(page.getByTestId('outstanding-supplier')).toContainText('深圳华显科技');
  await page.getByTestId('factory-return-row').first().click();
  await page.getByTestId('factory-move-send').click();
  await expect(page.getByTestId('factory-return-state')).toHaveText('已寄出');
  await page.getByTestId('factory-move-receive').click();
  await expect(page.getByTestId('factory-return-state')).toHaveText('供应商已签收');
  await page.getByTestId('factory-move-credit').click();
  await page.getByTestId('credit-line-0').fill('380');
  await page.getByTestId('finish-save').click();
  await expect(page.getByTestId('factory-return-state')).toHaveText('已索赔');
  await expect(page.getByTestId('factory-credit-total')).toContainText('¥380.00');
  await page.getByTestId('factory-return-print').click();
  await expect(preview.frame().locator('body')).toContainText('返厂单');
  await expect(preview.frame().locator('body')).toContainText('LCD-77120');
  await expect(preview.frame().locator('body')).toContainText('380.00');
  await shot(page, 'factory-return-slip');
  await preview.closePreview();

  // The ticket cannot close while the loaner is out.
  await move({ move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
  await move({ move: 'followUpSolved', attitudeOk: true, satisfaction: 'satisfied', notes: '已解决' });
  await detail.goto(url, ticket.id);
  const archive = await detail.open('archive', 'move-archive');
  await archive.getByTestId('action-submit').click();
  await expect(page.getByText('尚未归还')).toBeVisible();
  await shot(page, 'factory-archive-refused');
  await page.keyboard.press('Escape');

  // The loaner comes back in good order, the whole deposit refunded; the ticket closes.
  await page.goto(`${url}/#/factory`);
  await row.getByTestId('loaner-back').click();
  await page.getByTestId('back-refund').fill('450');
  await page.getByTestId('back-save').click();
  await expect(page.getByTestId('back-reason')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('back-refund').fill('500');
  await page.getByTestId('back-save').click();
  await expect(row).toContainText('可借出');
  await detail.goto(url, ticket.id);
  await detail.confirm(await detail.open('archive', 'move-archive'));
  await expect(detail.step('archive')).toHaveCount(0);
  await expect(page.getByTestId('timeline-item').filter({ hasText: '备用机归还' })).toHaveCount(1);
  await expect(page.getByTestId('ticket-loan')).toContainText('已归还 · 退押金 ¥500.00');

  // The month's quality report: the failure by model, batch, part and fault.
  await page.goto(`${url}/#/factory?tab=quality`);
  await expect(page.getByTestId('quality-failures')).toContainText('1');
  await expect(page.getByTestId('quality-by-batch')).toContainText('P50B26');
  await expect(page.getByTestId('quality-by-part')).toContainText('P50 屏幕总成');
  await quietShot(page, 'factory-quality');
});
