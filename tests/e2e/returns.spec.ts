import { test, expect, api, shot } from './fixtures';
import type { Page } from '@playwright/test';
import { chooseOption } from './pages/select';
import { ReturnsPage } from './pages/returns-page';
import { PHOTO } from './people';

test.use({ demo: true });

interface Row {
  id: number;
  modelCode: string | null;
  faultSummary: string;
}

/** Screenshots without passing toasts drawn over the header. */
async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

test('check in a device, print its two-copy slip, repair it, find it by scanning and hand it back against a signature', async ({ page, desk }) => {
  test.setTimeout(180_000);
  // The demo's KFR-35 ticket: the engineer's plan sends the device to the depot.
  const list = await api<{ rows: Row[] }>(page.request, desk.url, 'tickets.list', { pageSize: 50 });
  const ticket = list.rows.find((r) => r.modelCode === 'KFR-35' && r.faultSummary.includes('制冷效果差'));
  if (!ticket) throw new Error('demo ticket missing');
  const get = () => api<{ version: number; number: string }>(page.request, desk.url, 'tickets.get', { id: ticket.id });
  await api(page.request, desk.url, 'tickets.move', { id: ticket.id, version: (await get()).version, move: 'startDiagnosis', remoteGuidance: '' });
  await api(page.request, desk.url, 'tickets.move', {
    id: ticket.id,
    version: (await get()).version,
    move: 'submitPlan',
    serviceMode: 'depot',
    diagnosis: '压缩机启动电容失效',
    repairPlan: '返厂更换启动电容',
  });
  const ticketNumber = (await get()).number;

  // The ticket suggests checking the device in; the form opens filled from the ticket.
  await page.goto(`${desk.url}/#/tickets/${ticket.id}`);
  await expect(page.getByTestId('suggest-check-in')).toBeVisible();
  await expect(page.getByTestId('ticket-returns')).toContainText('该工单没有返修登记');
  // The acceptance slip prints from the same preview.
  await page.getByTestId('print-acceptance').click();
  const r = new ReturnsPage(page);
  await expect(r.frame().locator('body')).toContainText(ticketNumber);
  await r.closePreview();
  await page.getByTestId('step-checkIn').click();
  await expect(page.getByTestId('check-in-form')).toBeVisible();
  await expect(page.getByTestId('check-in-ticket')).toHaveValue(ticketNumber);
  await expect(page.getByTestId('check-in-fault')).toHaveValue(/制冷效果差/);

  // The scanner types the serial and Enter: the cursor moves on.
  const serial = page.getByTestId('check-in-serial');
  await serial.fill('');
  await serial.pressSequentially('KFR35-RMA-0001', { delay: 5 });
  await serial.press('Enter');
  await expect(serial).not.toBeFocused();
  await r.tickCondition('外观划痕');
  await r.tickCondition('缺少螺丝');
  await page.getByTestId('check-in-condition-notes').fill('右侧面板有 2 cm 划痕');
  await r.addAccessory('遥控器', 1);
  await r.addAccessory('电源线', 2);
  await page.getByTestId('check-in-add-photos').click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByTestId('check-in-photo')).toHaveCount(1);
  await quietShot(page, 'returns-check-in');
  await page.getByTestId('check-in-submit').click();

  // The record opens with the print preview of its two-copy receipt.
  await expect(page).toHaveURL(/#\/returns\/\d+/);
  const id = Number(/returns\/(\d+)/.exec(page.url())?.[1]);
  await expect(r.preview).toBeVisible();
  const slipNumber = (await page.getByTestId('return-number').textContent())?.match(/RMA\d+/)?.[0] ?? '';
  expect(slipNumber).toMatch(/^RMA\d{12}$/);
  await expect(r.frame().locator('body')).toContainText(slipNumber);
  await expect(r.frame().locator('body')).toContainText('遥控器');
  await expect(r.preview.getByTestId('print-count')).toHaveAttribute('data-count', '0');
  await r.choosePaper('A4', 'A4');
  await expect(r.frame().locator('body')).toContainText('客户联');
  await quietShot(page, 'returns-print-a4');
  expect(await r.print()).toBe(1);
  // Counted: the preview renders again with the reprint mark.
  await expect(r.preview.getByTestId('print-count')).toHaveAttribute('data-count', '1');
  const counted = await api<{ printCount: number }>(page.request, desk.url, 'slips.render', { document: 'returnReceipt', id, paper: 'A4' });
  expect(counted.printCount).toBe(1);
  await expect(r.frame().locator('body')).toContainText('重印');
  await r.choosePaper('80 毫米热敏纸', '80mm');
  await quietShot(page, 'returns-print-80mm');
  await r.closePreview();
  await expect(r.event('checkedIn')).toBeVisible();
  await expect(page.getByTestId('return-photo')).toHaveCount(1);
  await expect(page.getByTestId('return-accessories')).toContainText('电源线');

  // Through repair: inspection, repair, waiting for parts, parts in, finished; the customer is told the date.
  await r.move('startInspection');
  await r.move('startRepair');
  await r.move('waitForParts');
  await page.getByTestId('return-inform').click();
  const inform = page.getByTestId('return-inform-dialog');
  await inform.getByTestId('inform-date').fill('2026-12-20');
  await inform.getByTestId('inform-note').fill('配件预计下周到货');
  await inform.getByTestId('action-submit').click();
  await expect(inform).toBeHidden();
  await r.move('partsArrived');
  await r.move('finishRepair');
  await expect(r.state()).toHaveAttribute('data-state', 'repaired');

  // The register: scanning the slip's barcode (its number + Enter) opens the record.
  await r.gotoRegister(desk.url);
  await expect(r.row(slipNumber)).toBeVisible();
  await quietShot(page, 'returns-register');
  // A scan that matches nothing says so and opens nothing.
  await r.scan('RMA209901010001');
  await expect(page.getByText('没有找到处理单或序列号为「RMA209901010001」的设备')).toBeVisible();
  await expect(page.getByTestId('returns-total')).toHaveText('共 0 条');
  await r.scan(slipNumber);
  await expect(page).toHaveURL(new RegExp(`#/returns/${id}$`));

  // Hand-back: accessories ticked back, the collector signs.
  await page.getByTestId('return-hand-back').click();
  const hand = page.getByTestId('hand-back-dialog');
  await hand.waitFor();
  await hand.getByTestId('hand-back-tick').nth(0).check();
  await hand.getByTestId('hand-back-tick').nth(1).check();
  // Handing back the repaired device accepts its ticket: the customer's satisfaction is asked with the signature.
  await chooseOption(page, 'hand-back-satisfaction', '满意');
  await r.sign(hand);
  await quietShot(page, 'returns-hand-back');
  await hand.getByTestId('action-submit').click();
  await expect(hand).toBeHidden();
  // The pickup receipt's preview follows, with the drawn signature on it.
  await expect(r.preview).toBeVisible();
  await expect(r.frame().locator('body')).toContainText(slipNumber);
  await expect(r.frame().locator('.sign img')).toHaveCount(1);
  await r.closePreview();

  await expect(r.state()).toHaveAttribute('data-state', 'returned');
  await expect(page.getByTestId('return-next')).toHaveCount(0);
  for (const kind of ['checkedIn', 'startInspection', 'startRepair', 'waitForParts', 'informed', 'partsArrived', 'finishRepair', 'handedBack']) {
    await expect(r.event(kind)).toHaveCount(1);
  }
  await expect(r.event('informed')).toContainText('配件预计下周到货');
  await expect(page.getByTestId('return-pickup')).toBeVisible();

  // Back on the ticket: the record is listed with a link, and no longer suggested.
  await page.goto(`${desk.url}/#/tickets/${ticket.id}`);
  await expect(page.getByTestId('ticket-return-row')).toContainText(slipNumber);
  await expect(page.getByTestId('suggest-check-in')).toHaveCount(0);
});

test('the admin sets the paper and terms of a document and the checklist of a product line', async ({ page, desk }) => {
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-tab-printing').click();
  await chooseOption(page, 'paper-returnReceipt', '80 mm 热敏纸');
  await page.getByTestId('terms-returnReceipt').fill('设备修复通知后 30 天内未取回，按每天 5 元收取保管费。');
  await page.getByTestId('settings-tab-returns').click();
  await page.getByRole('button', { name: '添加产品线' }).click();
  await page.getByTestId('checklist-line-1').fill('家电');
  await page.getByTestId('checklist-items-1').fill('遥控器电池仓锈蚀\n\n面板变黄  ');
  await quietShot(page, 'returns-settings');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  const saved = await api<{ printing: { paper: Record<string, string> }; returns: { checklists: Record<string, string[]> } }>(page.request, desk.url, 'settings.get');
  expect(saved.printing.paper.returnReceipt).toBe('80mm');
  expect(saved.returns.checklists['家电']).toEqual(['遥控器电池仓锈蚀', '面板变黄']);

  // A KFR-35 (家电) device gets that checklist; its receipt opens on the 80 mm roll with the new terms.
  const list = await api<{ rows: Row[] }>(page.request, desk.url, 'tickets.list', { pageSize: 50 });
  const ticket = list.rows.find((r) => r.modelCode === 'KFR-35');
  if (!ticket) throw new Error('demo ticket missing');
  await page.goto(`${desk.url}/#/returns/new?ticket=${ticket.id}`);
  await expect(page.getByTestId('check-in-condition')).toHaveCount(2);
  await expect(page.getByTestId('check-in-checklist')).toContainText('遥控器电池仓锈蚀');
  const models = await api<{ id: number; code: string }[]>(page.request, desk.url, 'models.list');
  const modelId = models.find((m) => m.code === 'KFR-35')?.id;
  const rec = await api<{ id: number }>(page.request, desk.url, 'returns.checkIn', { ticketId: ticket.id, modelId, serial: 'KFR35-SET-1', faultStated: '不制冷' });
  await page.goto(`${desk.url}/#/returns/${rec.id}`);
  await page.getByTestId('print-return-receipt').click();
  const r = new ReturnsPage(page);
  await expect(page.getByTestId('print-frame')).toHaveAttribute('data-paper', '80mm');
  await expect(r.frame().locator('body')).toContainText('按每天 5 元收取保管费');
});
