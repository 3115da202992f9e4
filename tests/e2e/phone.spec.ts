/**
 * Issue 18, the engineer's phone page at 360×740 in Chromium's device emulation: the engineer signs in on
 * the phone, is sent to 今日工单, and takes a dispatched ticket through contact, service, a part from stock
 * (typed, then scanned), a photo from the camera input, the labour of the visit and the customer's
 * acceptance signed with a finger. Every step is screenshotted, never scrolls sideways and keeps its
 * touch targets at 44 px.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, api, deskNow, shot } from './fixtures';
import { ENGINEER, PHOTO } from './people';
import { LoginPage } from './pages/login-page';
import { expectNoSideScroll, expectTouchTargets, phoneContext, signWithFinger, withScanningCamera } from './pages/phone-page';
import type { TicketDetail } from '../../shared/domain/ticket';

const ADDRESS = '上海市浦东新区张杨路 1500 号 8 号楼 502 室';
const PHONE = '13912345678';

/** A ticket of a new customer taken by the admin to 派工, assigned to the engineer, booked for now. */
async function dispatchedTicket(request: APIRequestContext, url: string, engineerId: number): Promise<{ id: number; number: string }> {
  const now = await deskNow(request, url);
  const created = await api<{ id: number; number: string }>(request, url, 'tickets.create', {
    channel: 'phone', reportedAt: now.toISOString(), contactName: '孙先生', contactPhone: PHONE,
    urgency: 'important', problemType: 'hardware', faultDescription: '空调外机不启动，室内机显示 E1',
    newCustomer: { name: '孙先生', salutation: 'mr', phone: PHONE, address: ADDRESS },
  });
  const move = async (input: object) => {
    const t = await api<{ version: number }>(request, url, 'tickets.get', { id: created.id });
    await api(request, url, 'tickets.move', { id: created.id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'onsite', diagnosis: '启动电容失效', repairPlan: '上门更换压缩机启动电容', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId });
  await api(request, url, 'schedule.book', { engineerId, ticketId: created.id, startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 3_600_000).toISOString(), place: ADDRESS, note: '' });
  return created;
}

/** The screen as the engineer sees it, checked: no sideways scroll, 44 px targets, then a screenshot. */
async function step(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await expectNoSideScroll(page);
  await expectTouchTargets(page);
  await shot(page, name);
}

/** A picture of a 12-megapixel camera's size, 4032×3024 (drawn in the page). */
async function cameraSizedPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 4032, height: 3024 });
    const ctx = canvas.getContext('2d');
    if (!ctx) return '';
    const sky = ctx.createLinearGradient(0, 0, 4032, 3024);
    sky.addColorStop(0, '#3b82f6');
    sky.addColorStop(1, '#f59e0b');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, 4032, 3024);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
}

/** A start time a quarter of an hour before the desk clock (the start of service was moments ago). */
async function visitStart(request: APIRequestContext, url: string): Promise<string> {
  const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(await deskNow(request, url));
  const minutes = Math.max(0, Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3)) - 15);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

test('on a 360 px phone the engineer takes a dispatched ticket from contact to the signed acceptance', async ({ page, desk, browser }) => {
  test.setTimeout(150_000);
  const engineerRow = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  const part = await api<{ id: number }>(page.request, desk.url, 'parts.create', { partNo: 'CAP-35UF', name: '压缩机启动电容 35μF', unit: 'pcs', priceFen: 4500, consumable: false });
  await api(page.request, desk.url, 'stock.move', { partId: part.id, kind: 'receive', quantity: 5, reason: '' });
  const ticket = await dispatchedTicket(page.request, desk.url, engineerRow.id);

  // Signed in on the phone, the desk sends the engineer to 今日工单.
  const phone = await phoneContext(browser);
  const login = new LoginPage(phone);
  await login.goto(desk.url);
  await expectNoSideScroll(phone);
  await shot(phone, 'phone-0-sign-in');
  await login.login(ENGINEER.username, ENGINEER.password);
  await expect(phone).toHaveURL(/#\/m$/);
  const card = phone.getByTestId('phone-ticket').filter({ hasText: ticket.number });
  await expect(card.getByTestId('phone-address')).toHaveText(ADDRESS);
  await expect(card.getByTestId('phone-booking')).toBeVisible();
  await expect(card.getByTestId('phone-call')).toHaveAttribute('href', `tel:${PHONE}`);
  await step(phone, 'phone-1-today');

  // Contact the customer, then start the service.
  await card.getByTestId('phone-ticket-open').click();
  await expect(phone.getByTestId('phone-number')).toHaveText(ticket.number);
  await expect(phone.getByTestId('phone-facts').getByTestId('phone-call')).toHaveAttribute('href', `tel:${PHONE}`);
  await step(phone, 'phone-2-ticket');
  await phone.getByTestId('phone-contact-note').fill('已电话联系，约定 30 分钟后上门');
  await phone.getByTestId('phone-contact-save').click();
  await expect(phone.getByTestId('phone-contacted')).toBeVisible();
  await phone.getByTestId('phone-start').click();
  await expect(phone.getByTestId('phone-started')).toBeVisible();

  // A part number typed: an unknown one is refused on its field. This Chromium has no BarcodeDetector: no
  // scan button, the field always works.
  await expect(phone.getByTestId('phone-scan')).toHaveCount(0);
  await phone.getByTestId('phone-part-no').fill('CAP-99UF');
  await phone.getByTestId('phone-part-add').click();
  await expect(phone.getByTestId('phone-record')).toContainText('没有编号为 CAP-99UF 的备件。');
  await expect(phone.getByTestId('phone-part-no')).toHaveAttribute('aria-invalid', 'true');

  // On a phone whose browser scans, the camera reads the part's barcode.
  await withScanningCamera(phone, 'CAP-35UF');
  await phone.getByTestId('phone-scan').click();
  await expect(phone.getByTestId('phone-scanner')).toHaveCount(0);
  await phone.getByTestId('phone-steps').fill('检测启动电容容量为 0，更换新电容后外机启动正常，试机 20 分钟制冷正常。');
  const newPart = phone.getByTestId('phone-part');
  await expect(newPart.getByTestId('phone-part-name')).toHaveValue('压缩机启动电容 35μF');
  await expect(newPart.getByTestId('phone-part-stock')).toHaveText('库存 5 个');
  await newPart.getByTestId('phone-part-recovered').check();
  await step(phone, 'phone-3-record');
  await phone.getByTestId('language-switch').getByText('English').click();
  await expect(phone.getByTestId('phone-record-save')).toHaveText('Save service record');
  await step(phone, 'phone-3-record-en');
  await phone.getByTestId('language-switch').getByText('中文').click();
  await phone.getByTestId('phone-record-save').click();
  await expect(phone.getByTestId('phone-part-used')).toHaveText('压缩机启动电容 35μF CAP-35UF × 1 个');
  await expect(phone.getByTestId('phone-part')).toHaveCount(0);

  // Photos from the camera input: a small one as it is, a camera-sized one scaled down to a JPEG.
  const camera = phone.getByTestId('phone-photos').locator('input[type=file]');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await camera.setInputFiles({ name: 'outdoor-unit.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(phone.getByTestId('phone-photos').getByTestId('attachment-photo')).toHaveCount(1);
  await camera.setInputFiles({ name: 'nameplate.png', mimeType: 'image/png', buffer: await cameraSizedPng(phone) });
  await expect(phone.getByTestId('phone-photos').getByTestId('attachment-photo')).toHaveCount(2);

  // Finish the service: the visit's labour from its start until now.
  await phone.getByTestId('phone-finish').click();
  await expect(phone.getByTestId('phone-visit-finish')).toHaveValue(/^\d{2}:\d{2}$/);
  await phone.getByTestId('phone-visit-start').fill(await visitStart(page.request, desk.url));
  await step(phone, 'phone-4-finish');
  await phone.getByTestId('phone-finish-save').click();
  await expect(phone.getByTestId('phone-labour')).toContainText('已登记工时');

  // The customer's acceptance: satisfaction is asked for, then signed with a finger.
  await phone.getByTestId('phone-accept-submit').click();
  await expect(phone.getByTestId('phone-accept')).toContainText('请选择客户的满意度');
  await phone.getByTestId('phone-satisfaction-very_satisfied').click();
  await phone.getByTestId('phone-accept-comments').fill('师傅很专业');
  await signWithFinger(phone);
  await expect(phone.getByTestId('signature-canvas')).toHaveAttribute('data-signed', 'yes');
  await step(phone, 'phone-5-acceptance');
  await phone.getByTestId('phone-accept-submit').click();
  await expect(phone.getByTestId('phone-accepted')).toBeVisible();
  await step(phone, 'phone-6-accepted');

  // What the desk now holds.
  const d = await api<TicketDetail>(page.request, desk.url, 'tickets.get', { id: ticket.id });
  expect(d.status).toBe('accepted');
  expect(d.progress.satisfaction).toBe('very_satisfied');
  expect(d.progress.contactedAt).not.toBeNull();
  expect(d.progress.parts.map((p) => [p.partModel, p.quantity, p.oldPartRecovered])).toEqual([['CAP-35UF', 1, true]]);
  expect(d.progress.attachments.map((a) => [a.kind, a.fileName, a.mime])).toEqual([
    ['photo', 'outdoor-unit.png', 'image/png'],
    ['photo', 'nameplate.jpg', 'image/jpeg'],
    ['signature', 'acceptance-signature.png', 'image/png'],
  ]);
  expect(d.labour.visits).toHaveLength(1);
  expect((await api<{ onHand: number }>(page.request, desk.url, 'parts.get', { id: part.id })).onHand).toBe(4);

  // In English too; back on today's tickets the ticket is done for today; the full desk is one tap away, and back.
  await phone.getByTestId('language-switch').getByText('English').click();
  await expect(phone.getByTestId('phone-accepted')).toHaveText('Accepted, waiting for the follow-up call');
  await step(phone, 'phone-7-english');
  await phone.getByTestId('phone-back').click();
  await expect(phone.getByTestId('phone-empty')).toHaveText('No tickets are assigned to you today.');
  await phone.getByTestId('phone-to-desk').click();
  await expect(phone.getByTestId('queue-mine')).toBeVisible();
  await phone.getByTestId('to-phone').click();
  await expect(phone.getByTestId('phone-today')).toBeVisible();
});
