/**
 * No double tickets (issue 22): a clerk types the phone of a customer with an open ticket and is warned at
 * once; the call is noted on that ticket instead of a new one (its timeline shows it, no ticket is added).
 * Then a new ticket on the same device is registered with a reason and is marked as a repeat. The history
 * panel shows the key account and the money owed beside the customer's name. Desk screens at 1366×768.
 */
import { test, expect, api, deskDate, shot } from './fixtures';
import { IntakePage } from './pages/intake-page';
import { CLERK, SUPERVISOR, signIn } from './people';

const PHONE = '13912340000';
const SERIAL = 'KF35-DUP-0001';

interface Created {
  id: number;
  number: string;
}

test('a clerk is warned of an open ticket, notes the call on it, then registers a repeat with a reason', async ({ page, desk, browser }) => {
  const model = await api<{ id: number }>(page.request, desk.url, 'models.create', { code: 'KFR-35', name: '智能空调 KFR-35GW', productLine: '家电', warrantyMonths: 12 });
  const first = await api<Created>(page.request, desk.url, 'tickets.create', {
    channel: 'phone',
    reportedAt: '2026-11-20T02:00:00.000Z',
    contactName: '林先生',
    contactPhone: PHONE,
    urgency: 'important',
    problemType: 'hardware',
    faultDescription: '空调制冷效果差，出风口温度偏高',
    newCustomer: { name: '林', salutation: 'mr', phone: PHONE, address: '上海市浦东新区世纪大道 100 号' },
    newDevice: { serial: SERIAL, modelId: model.id, purchaseDate: '2020-06-01' },
  });
  const { customer } = await api<{ customer: { id: number } }>(page.request, desk.url, 'tickets.get', { id: first.id });
  const stored = await api<Record<string, unknown>>(page.request, desk.url, 'customers.get', { id: customer.id });
  const { id: _id, version, ...fields } = stored;
  await api(page.request, desk.url, 'customers.update', { ...fields, id: customer.id, version, keyAccount: true, keyAccountNote: '年度保养合同客户' });
  await api(page.request, desk.url, 'fees.standard.publish', { effectiveFrom: await deskDate(page.request, desk.url), rules: { labour: [], lodgingPerNightFen: 20_000 } });
  await api(page.request, desk.url, 'bills.create', { ticketId: first.id, lines: [{ kind: 'lodging', quantity: 1 }], consent: { channel: 'phone', signature: null, note: '', informed: true } });
  await api(page.request, desk.url, 'users.create', CLERK);

  const clerk = await signIn(browser, desk.url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  const intake = new IntakePage(clerk);
  await intake.goto(desk.url);

  // The phone typed into the customer search finds the customer; the warning comes at once, before any submit.
  await clerk.getByTestId('customer-search').fill(PHONE);
  await clerk.getByRole('option', { name: new RegExp(`^林先生\\s+${PHONE}`) }).click();
  const warning = clerk.getByTestId('related-tickets');
  await expect(warning).toBeVisible();
  await expect(warning.getByTestId('related-ticket')).toHaveCount(1);
  await expect(warning).toContainText(first.number);
  await expect(warning).toContainText('同一电话');
  const history = clerk.getByTestId('customer-history');
  await expect(history.getByTestId('key-account-badge')).toHaveText('重点客户');
  await expect(history.getByTestId('owes-badge')).toContainText('欠款 ¥');
  await expect(history.getByTestId('history-tickets')).toContainText(first.number);
  await intake.fault('空调又不制冷了，开机半小时仍是热风');
  await shot(clerk, 'related-warning');

  // Noted on the existing ticket instead: the form is left for that ticket; no new ticket exists.
  await warning.getByTestId('related-add-note').click();
  await expect(clerk.getByTestId('related-note')).toHaveValue('客户再次来电：空调又不制冷了，开机半小时仍是热风');
  await clerk.getByTestId('related-note-save').click();
  await expect(clerk.getByTestId('detail-number')).toContainText(first.number);
  const called = clerk.getByTestId('timeline-item').filter({ hasText: '客户再次来电' }).first();
  await expect(called).toHaveAttribute('data-kind', 'calledAgain');
  await expect(called).toContainText('空调又不制冷了');
  await expect(called).toContainText(CLERK.displayName);
  expect((await api<{ total: number }>(clerk.request, desk.url, 'tickets.list', {})).total).toBe(1);
  await shot(clerk, 'related-noted');

  // A new ticket on the same device: the scanner's serial picks the device, the warning says so, a reason is asked.
  await intake.goto(desk.url);
  await clerk.getByTestId('customer-search').fill(PHONE);
  await clerk.getByRole('option', { name: new RegExp(`^林先生\\s+${PHONE}`) }).click();
  const serial = clerk.getByTestId('serial-input');
  await serial.fill(SERIAL);
  await serial.press('Enter');
  await expect(clerk.getByTestId('picked-device')).toContainText(SERIAL);
  await expect(warning).toContainText('同一设备');
  await intake.fault('室外机异响，伴随震动');
  await intake.submit.click();
  const reason = clerk.getByTestId('duplicate-reason');
  await expect(reason).toBeFocused();
  await expect(clerk.getByText('已有相关工单，请填写新建原因')).toBeVisible();
  await expect(intake.createdNumber).toHaveCount(0);
  await reason.fill('新故障：室外机异响，与原工单的制冷问题无关');
  await shot(clerk, 'related-reason');
  await intake.submit.click();
  await expect(intake.createdNumber).toHaveText(/^TS\d{12}$/);
  const second = (await intake.createdNumber.innerText()).trim();
  await clerk.getByTestId('open-created').click();

  // The new ticket: marked as a repeat, its reason on the timeline, the earlier ticket in its history.
  await expect(clerk.getByTestId('detail-number')).toContainText(second);
  await expect(clerk.getByTestId('repeat-badge')).toHaveText('重复报修');
  await expect(clerk.locator('[data-kind="registeredAgain"]')).toContainText('新故障：室外机异响');
  await expect(clerk.getByTestId('customer-history').getByTestId('history-tickets')).toContainText(first.number);
  await shot(clerk, 'related-repeat-ticket');

  // The list shows the repeat too.
  await clerk.goto(`${desk.url}/#/tickets`);
  const rows = clerk.getByTestId('ticket-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: second }).getByTestId('repeat-badge')).toBeVisible();
  await expect(rows.filter({ hasText: first.number }).getByTestId('repeat-badge')).toHaveCount(0);
  await shot(clerk, 'related-list');
  await clerk.context().close();
});

test('a supervisor marks a key account with its note on the customer page; the clerk sees it and cannot change it', async ({ page, desk, browser }) => {
  const customer = await api<{ id: number }>(page.request, desk.url, 'customers.create', { name: '华东制冷设备有限公司', kind: 'company', phone: '021-58880000' });
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  await api(page.request, desk.url, 'users.create', CLERK);
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await supervisor.setViewportSize({ width: 1366, height: 768 });
  await supervisor.goto(`${desk.url}/#/customers/${customer.id}`);
  await supervisor.getByRole('checkbox', { name: '重点客户' }).check();
  await supervisor.getByTestId('customer-key-account-note').fill('年度服务合同，4 小时内上门');
  await supervisor.getByTestId('customer-save').click();
  await expect(supervisor.getByTestId('key-account-badge')).toHaveText('重点客户');
  await expect(supervisor.getByTestId('key-account-note')).toHaveText('年度服务合同，4 小时内上门');
  await shot(supervisor, 'key-account-customer');

  const clerk = await signIn(browser, desk.url, CLERK);
  await clerk.goto(`${desk.url}/#/customers/${customer.id}`);
  await expect(clerk.getByRole('checkbox', { name: '重点客户' })).toBeChecked();
  await expect(clerk.getByRole('checkbox', { name: '重点客户' })).toBeDisabled();
  await expect(clerk.getByTestId('customer-key-account-note')).toBeDisabled();
  await expect(clerk.getByTestId('customer-address')).toBeEnabled();

  const audit = await api<{ rows: { actorName: string; changes: Record<string, [unknown, unknown]> }[] }>(page.request, desk.url, 'audit.list', { entity: 'customers', entityId: customer.id, action: 'update' });
  expect(audit.rows.map((r) => [r.actorName, r.changes.key_account_note])).toEqual([[SUPERVISOR.displayName, ['', '年度服务合同，4 小时内上门']]]);
  await supervisor.context().close();
  await clerk.context().close();
});
