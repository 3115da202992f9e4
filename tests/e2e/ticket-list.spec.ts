/**
 * 工单 as a clerk and a supervisor use it (issue 21), on the demo desk at 1366×768: results follow typing without
 * Enter, a phone's last four digits, a phone prefix, a serial prefix and a model code find their tickets, a
 * scanner's Enter still opens the exact ticket, columns sort on the server, overdue rows stand out, and the
 * supervisor's queues are links.
 */
import { test, expect, api, shot } from './fixtures';
import { TicketListPage } from './pages/ticket-list-page';

test.use({ demo: true });

interface Row {
  id: number;
  number: string;
  contactPhone: string;
  serial: string | null;
  modelCode: string | null;
  resolveDueAt: string;
  engineerName: string | null;
}
interface ListPage {
  rows: Row[];
  total: number;
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('results follow typing, and the four kinds clerks type find their ticket', async ({ page, desk }) => {
  const list = new TicketListPage(page);
  const all = await api<ListPage>(page.request, desk.url, 'tickets.list', { pageSize: 200 });
  const ticket = all.rows.find((r) => r.serial && r.modelCode && /^1\d{10}$/.test(r.contactPhone.replace(/\D/g, '')));
  expect(ticket, 'a demo ticket with a mobile phone, a serial and a model').toBeTruthy();
  const digits = ticket!.contactPhone.replace(/\D/g, '');
  await list.goto(desk.url);
  for (const q of [digits.slice(-4), digits.slice(0, 3), ticket!.serial!.slice(0, 6), ticket!.modelCode!]) {
    const wanted = await api<ListPage>(page.request, desk.url, 'tickets.list', { q, pageSize: 200 });
    expect(wanted.rows.map((r) => r.number), `${q} finds ${ticket!.number}`).toContain(ticket!.number);
    await list.type(q);
    // No Enter: the list follows once typing pauses, and the URL keeps the search.
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(q)}`));
    await expect(list.total).toContainText(String(wanted.total));
    await expect.poll(() => list.numbers()).toEqual(wanted.rows.slice(0, 20).map((r) => r.number));
  }
  await list.type(digits.slice(-4));
  await expect(list.total).toContainText(String((await api<ListPage>(page.request, desk.url, 'tickets.list', { q: digits.slice(-4) })).total));
  await shot(page, 'ticket-list-last4');
  // Typing on past a search that found something never leaves the older answer on screen.
  await list.type(`${ticket!.serial!}ZZ`);
  await expect(list.empty).toBeVisible();
});

test('a scanner types the ticket number and presses Enter: the ticket opens; a serial lists its tickets at once', async ({ page, desk }) => {
  const list = new TicketListPage(page);
  const all = await api<ListPage>(page.request, desk.url, 'tickets.list', { pageSize: 200 });
  const ticket = all.rows[3]!;
  await list.goto(desk.url);
  await list.find(ticket.number.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`#/tickets/${ticket.id}$`));
  const withSerial = all.rows.find((r) => r.serial)!;
  const bySerial = await api<ListPage>(page.request, desk.url, 'tickets.list', { q: withSerial.serial! });
  await list.goto(desk.url);
  await list.find(withSerial.serial!);
  await expect(page).toHaveURL(/#\/tickets\?q=/);
  await expect.poll(() => list.numbers()).toEqual(bySerial.rows.map((r) => r.number));
});

test('the supervisor sorts by deadline and number on the server, and sees overdue rows and the engineer', async ({ page, desk }) => {
  const list = new TicketListPage(page);
  await list.goto(desk.url);
  await list.sortBy('deadline');
  await expect(page).toHaveURL(/sort=deadline(&|$)/);
  const byDeadline = await api<ListPage>(page.request, desk.url, 'tickets.list', { sort: 'deadline', pageSize: 20 });
  await expect.poll(() => list.numbers()).toEqual(byDeadline.rows.map((r) => r.number));
  await list.sortBy('deadline');
  await expect(page).toHaveURL(/sort=deadlineLast/);
  const latest = await api<ListPage>(page.request, desk.url, 'tickets.list', { sort: 'deadlineLast', pageSize: 20 });
  await expect.poll(() => list.numbers()).toEqual(latest.rows.map((r) => r.number));
  await list.sortBy('number');
  const byNumber = await api<ListPage>(page.request, desk.url, 'tickets.list', { sort: 'numberDesc', pageSize: 20 });
  await expect.poll(() => list.numbers()).toEqual(byNumber.rows.map((r) => r.number));

  await list.pageSize.click();
  await page.getByRole('option', { name: /50/ }).click();
  await expect(page).toHaveURL(/size=50/);
  const fifty = await api<ListPage>(page.request, desk.url, 'tickets.list', { sort: 'numberDesc', pageSize: 50 });
  await expect(list.rows).toHaveCount(fifty.rows.length);

  const overdue = await api<ListPage>(page.request, desk.url, 'tickets.list', { overdue: true, pageSize: 200 });
  expect(overdue.total).toBeGreaterThan(0);
  await list.goto(desk.url, '?sort=deadline');
  await list.type(overdue.rows[0]!.number);
  const row = list.rows.filter({ hasText: overdue.rows[0]!.number });
  await expect(row).toHaveAttribute('data-overdue', 'yes');
  await expect(row.getByTestId('ticket-deadline')).toContainText('已逾期');
  // Unfinished tickets by deadline, linked by their filter: the late ones come first, in red, with their engineer.
  const open = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service'];
  const late = await api<ListPage>(page.request, desk.url, 'tickets.list', { status: open, sort: 'deadline', pageSize: 20 });
  await list.goto(desk.url, `?status=${open.join(',')}&sort=deadline`);
  await expect.poll(() => list.numbers()).toEqual(late.rows.map((r) => r.number));
  await expect(list.rows.first()).toHaveAttribute('data-overdue', 'yes');
  const assigned = late.rows.find((r) => r.engineerName);
  expect(assigned, 'an engineer on one of the late tickets').toBeTruthy();
  await expect(list.rows.filter({ hasText: assigned!.number }).getByTestId('ticket-engineer')).toHaveText(assigned!.engineerName!);
  await shot(page, 'ticket-list-supervisor');
});

test('the supervisor\'s queues filter the list and can be linked', async ({ page, desk }) => {
  const list = new TicketListPage(page);
  await list.goto(desk.url);
  await list.queues.getByText('待审批').click();
  await expect(page).toHaveURL(/queue=awaitingApproval/);
  const waiting = await api<ListPage>(page.request, desk.url, 'tickets.list', { queue: 'awaitingApproval', pageSize: 20 });
  expect(waiting.total).toBeGreaterThan(0);
  await expect.poll(() => list.numbers()).toEqual(waiting.rows.map((r) => r.number));
  await expect(list.total).toContainText(String(waiting.total));
  await shot(page, 'ticket-list-queue-approval');

  // A link straight to a queue opens with it chosen.
  await list.goto(desk.url, '?queue=undispatched');
  const undispatched = await api<ListPage>(page.request, desk.url, 'tickets.list', { queue: 'undispatched', pageSize: 20 });
  await expect(list.queues.locator('input[value="undispatched"]')).toBeChecked();
  await expect.poll(() => list.numbers()).toEqual(undispatched.rows.map((r) => r.number));

  await list.queues.getByText('一小时内到期').click();
  await expect(page).toHaveURL(/queue=dueSoon/);
  const soon = await api<ListPage>(page.request, desk.url, 'tickets.list', { queue: 'dueSoon', sort: 'deadline', pageSize: 20 });
  await expect.poll(() => list.numbers()).toEqual(soon.rows.map((r) => r.number));
});
