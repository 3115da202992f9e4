import type { Page } from '@playwright/test';
import { test, expect, api, shot, deskNow } from './fixtures';
import { ENGINEER, SUPERVISOR, signIn } from './people';

test.use({ demo: true });

async function quietShot(page: Page, name: string) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name);
}

interface PartRow { id: number; partNo: string; onHand: number; low: boolean }

/** A KFR-35 ticket taken to the service stage by the admin, assigned to the engineer. */
async function ticketInService(page: Page, url: string, engineerId: number): Promise<{ id: number; number: string }> {
  const customers = await api<{ id: number; name: string; phone: string }[]>(page.request, url, 'customers.search', { q: '1380013' });
  const customer = customers[0]!;
  const created = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(page.request, url)).toISOString(), customerId: customer.id, contactName: customer.name, contactPhone: customer.phone,
    urgency: 'important', problemType: 'hardware', faultDescription: '制冷效果差，需补加制冷剂并更换启动电容',
  });
  const move = async (input: object) => {
    const t = await api<{ version: number }>(page.request, url, 'tickets.get', { id: created.id });
    await api(page.request, url, 'tickets.move', { id: created.id, version: t.version, ...input });
  };
  await move({ move: 'startDiagnosis', remoteGuidance: '' });
  await move({ move: 'submitPlan', serviceMode: 'onsite', diagnosis: '制冷剂不足，启动电容老化', repairPlan: '补加制冷剂，更换启动电容', estimateFen: 0 });
  await move({ move: 'dispatch', engineerId });
  await move({ move: 'startService' });
  return created;
}

test('the engineer issues two parts from stock through the service record; the supervisor sees stock fall and a low-stock warning', async ({ page, desk, browser }) => {
  test.setTimeout(180_000);
  const engineerRow = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  await api(page.request, desk.url, 'users.create', SUPERVISOR);
  const ticket = await ticketInService(page, desk.url, engineerRow.id);
  const before = await api<PartRow[]>(page.request, desk.url, 'parts.list', {});
  const gas = before.find((p) => p.partNo === 'R32-1KG')!;
  const cap = before.find((p) => p.partNo === 'CAP-35UF')!;
  expect([gas.onHand, gas.low, cap.onHand, cap.low]).toEqual([6, false, 13, false]); // 13 capacitors: one came back repaired on a 返厂单
  const lowBefore = (await api<PartRow[]>(page.request, desk.url, 'stock.low')).length;

  // Engineer: the service record form, two parts chosen from stock by typing their numbers (as a scanner would) and Enter.
  const engineer = await signIn(browser, desk.url, ENGINEER);
  await engineer.goto(`${desk.url}/#/tickets/${ticket.id}`);
  const form = engineer.getByTestId('service-form');
  await form.getByTestId('service-steps').fill('补加制冷剂 3 kg，更换启动电容 2 个，试机正常。');
  const picker = form.getByTestId('part-from-stock');
  await picker.fill('R32-1KG');
  await picker.press('Enter');
  await picker.fill('CAP-35UF');
  await picker.press('Enter');
  const rows = form.getByTestId('part-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByTestId('part-name')).toHaveValue('制冷剂 R32（1 kg）');
  await expect(rows.nth(0).getByTestId('part-stock')).toHaveText('库存 6 个');
  await expect(rows.nth(1).getByTestId('part-stock')).toHaveText('库存 13 个');
  await rows.nth(0).getByTestId('part-quantity').fill('3');
  await rows.nth(1).getByTestId('part-quantity').fill('2');
  await rows.nth(1).getByTestId('part-recovered').check();
  await quietShot(engineer, 'parts-service-form');
  await form.getByTestId('service-save').click();
  const used = engineer.getByTestId('part-used');
  await expect(used).toHaveCount(2);
  await expect(used.nth(0)).toContainText('制冷剂 R32（1 kg）');
  await expect(used.nth(0)).toContainText('R32-1KG');
  await expect(used.nth(1)).toContainText('CAP-35UF');

  // Supervisor: the navigation warns, the catalogue shows the stock fallen, the low-stock list names the part.
  const supervisor = await signIn(browser, desk.url, SUPERVISOR);
  await expect(supervisor.getByTestId('low-stock-badge')).toHaveText(String(lowBefore + 1));
  await supervisor.getByRole('link', { name: '备件库存' }).click();
  const gasRow = supervisor.locator('[data-testid="part-catalogue-row"][data-part-no="R32-1KG"]');
  await expect(gasRow.getByTestId('part-onhand')).toHaveText('3 个');
  await expect(gasRow.getByTestId('part-low')).toHaveText('库存不足');
  const capRow = supervisor.locator('[data-testid="part-catalogue-row"][data-part-no="CAP-35UF"]');
  await expect(capRow.getByTestId('part-onhand')).toHaveText('11 个');
  await expect(capRow.getByTestId('part-low')).toHaveCount(0);
  await quietShot(supervisor, 'parts-catalogue-supervisor');

  // The scanner types a part number and Enter in the search box: the movement dialog of that part opens.
  const search = supervisor.getByTestId('parts-search');
  await search.fill('r32-1kg');
  await search.press('Enter');
  const dialog = supervisor.getByTestId('stock-move-form');
  await expect(dialog.getByTestId('stock-move-onhand')).toHaveText('现有库存：3 个');
  await supervisor.keyboard.press('Escape');

  await supervisor.getByRole('link', { name: '库存预警' }).click();
  await expect(supervisor.getByTestId('low-count')).toHaveText(String(lowBefore + 1));
  const lowRow = supervisor.locator('[data-testid="part-catalogue-row"][data-part-no="R32-1KG"]');
  await expect(lowRow).toBeVisible();
  await lowRow.getByTestId('part-history').click();
  const moves = supervisor.getByTestId('movement-row');
  await expect(moves.first()).toContainText('出库（工单领用）');
  await expect(moves.first()).toContainText('-3');
  await expect(moves.first()).toContainText(ticket.number);
  await expect(moves.first()).toContainText(ENGINEER.displayName);
  await quietShot(supervisor, 'parts-low-stock-movements');
  await supervisor.keyboard.press('Escape');
  await quietShot(supervisor, 'parts-low-stock');

  const after = await api<PartRow[]>(page.request, desk.url, 'parts.list', {});
  expect(after.find((p) => p.partNo === 'R32-1KG')!.onHand).toBe(3);
  expect(after.find((p) => p.partNo === 'CAP-35UF')!.onHand).toBe(11);
});

test('a shortage refuses the whole service record with a clear message', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const engineerRow = await api<{ id: number }>(page.request, desk.url, 'users.create', ENGINEER);
  const ticket = await ticketInService(page, desk.url, engineerRow.id);
  const engineer = await signIn(browser, desk.url, ENGINEER);
  await engineer.goto(`${desk.url}/#/tickets/${ticket.id}`);
  const form = engineer.getByTestId('service-form');
  await form.getByTestId('service-steps').fill('更换平板电池');
  await form.getByTestId('part-from-stock').fill('BAT-T20');
  await form.getByTestId('part-from-stock').press('Enter');
  await form.getByTestId('part-row').first().getByTestId('part-quantity').fill('9');
  await form.getByTestId('service-save').click();
  // The demo's batteries: what is left after its own repairs.
  const battery = (await api<PartRow[]>(page.request, desk.url, 'parts.list', {})).find((p) => p.partNo === 'BAT-T20')!;
  expect(battery.onHand).toBeLessThan(9);
  await expect(form.getByTestId('service-error')).toContainText(`库存不足：现有 ${battery.onHand}，需要 9`);
  await expect(engineer.getByTestId('part-used')).toHaveCount(0);
  await quietShot(engineer, 'parts-shortage');
});
