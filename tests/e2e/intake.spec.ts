import { test, expect, shot } from './fixtures';
import { IntakePage, type NewTicket } from './pages/intake-page';
import { TicketListPage } from './pages/ticket-list-page';

test.use({ demo: true });

const TICKET: NewTicket = {
  customerName: '林',
  phone: '13912345678',
  address: '上海市浦东新区世纪大道 100 号',
  serial: 'KF35-E2E-0001',
  modelLabel: 'KFR-35 · 智能空调 KFR-35GW',
  purchaseDate: '2025-06-01',
  fault: '空调开机后制冷效果差，出风口温度偏高，运行约半小时后显示 E1。',
};

test('register a ticket with a new customer and device, find it again and open it', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await expect(page.getByTestId('channel-select')).toBeFocused();
  await intake.newCustomer(TICKET);
  await intake.newDevice(TICKET);
  await intake.fault(TICKET.fault);
  await page.getByTestId('fault-alarmCodes').fill('E1');
  await page.getByTestId('fault-environment').fill('客厅，室外温度 35°C');
  await shot(page, 'intake-filled');
  await page.keyboard.press('Control+Enter');
  await expect(intake.createdNumber).toHaveText(/^TS\d{8}\d{4}$/);
  const number = (await intake.createdNumber.innerText()).trim();

  const list = new TicketListPage(page);
  await list.goto(desk.url);
  await list.find(TICKET.phone);
  await expect(list.rows).toHaveCount(1);
  await expect(list.rows.first()).toContainText(number);
  await list.find(TICKET.serial);
  await expect(list.rows).toHaveCount(1);
  await expect(list.rows.first()).toContainText('KFR-35');
  await list.find('');
  await expect(list.rows.first()).toContainText(number);
  await shot(page, 'ticket-list');

  // A scanner types the number and presses Enter: the ticket opens.
  await list.find(number);
  await expect(page.getByTestId('detail-number')).toContainText(number);
  await expect(page.getByTestId('detail-customer')).toHaveText('林');
  await expect(page.getByTestId('detail-serial')).toHaveText(TICKET.serial);
  await expect(page.getByTestId('warranty-badge')).toHaveText('保内');
  await expect(page.getByTestId('timeline-item').first()).toContainText('登记工单');
  await expect(page.getByTestId('timeline-item').first()).toContainText('Admin Li');
  await shot(page, 'ticket-detail');
});

test('an existing customer and device are picked with the keyboard', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await page.getByTestId('customer-search').fill('13800135678');
  await expect(page.getByRole('option', { name: /陈先生/ })).toBeVisible();
  await page.getByTestId('customer-search').press('Enter');
  await expect(page.getByTestId('picked-customer')).toContainText('陈先生');
  await expect(page.getByTestId('contact-phone')).toHaveValue('13800135678');
  // Enter moved on to the contact name (not submitting).
  await expect(page.getByTestId('contact-name')).toBeFocused();
  await intake.fault('屏幕偶尔失灵，冒烟');
  // The safety word sets the flag, as the core will on save.
  await expect(page.getByTestId('safety-suggest')).toBeVisible();
  await expect(page.getByTestId('safety-risk')).toBeChecked();
  await expect(page.getByTestId('safety-risk')).toBeDisabled();
  await expect(intake.urgencyChoice('紧急')).toBeChecked();
  // 陈先生 has an open ticket on the demo desk: a new one is registered with a reason (issue 22).
  await expect(page.getByTestId('related-tickets')).toContainText('同一电话');
  await page.getByTestId('related-register-new').click();
  await page.getByTestId('duplicate-reason').fill('另一部手机的新故障');
  await intake.submit.click();
  await expect(intake.createdNumber).toBeVisible();
  await page.getByTestId('open-created').click();
  await expect(page.getByTestId('detail-customer')).toContainText('陈先生');
});
