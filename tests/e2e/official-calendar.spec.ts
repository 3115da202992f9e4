/**
 * Official holidays arrive with the app: the admin sees the bundled arrangement in 设置 → 时限与日历,
 * confirms it, sets a lunch break and a company day off, and deadlines are computed past both.
 * Desk clock: Tuesday 24 November 2026, 10:00 in Shanghai.
 */
import { test, expect, shot, api, deskNow } from './fixtures';

test.skip(!!process.env.AFTERCARE_NOW, 'the journey is written for the fixed desk clock of 24 November 2026');

test('the admin confirms the official arrangement, adds a lunch break and a company day off, and deadlines skip them', async ({ page, desk }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${desk.url}/#/settings`);
  await page.getByTestId('settings-tab-deadlines').click();

  // 2026 arrived with the app and nobody confirmed it yet; chinese-days has no 2027 yet, and the page says so.
  const incoming = page.getByTestId('official-incoming-2026');
  await expect(incoming).toContainText('新的法定节假日安排（2026年）');
  const spring = incoming.getByTestId('festival-spring_festival');
  await expect(spring).toContainText('春节');
  await expect(spring).toContainText('2月15日周日 – 2月23日周一');
  await expect(spring).toContainText('共 9 天');
  await expect(spring).toContainText('2月14日周六、2月28日周六');
  await expect(incoming.getByTestId('festival-national_day')).toContainText('9月20日周日、10月10日周六');
  await expect(page.getByTestId('official-missing')).toContainText('应用尚未带有 2027 年的安排');
  await incoming.scrollIntoViewIfNeeded();
  await shot(page, 'official-calendar-incoming');

  await page.getByTestId('official-accept-2026').click();
  await expect(page.getByTestId('official-year-2026')).toContainText('已确认');
  await expect(page.getByTestId('official-incoming-2026')).toHaveCount(0);

  // A lunch break 12:00–13:30: from Tuesday 17:00, 8 working hours end on Wednesday at 17:30.
  await page.getByTestId('calendar-lunch').check();
  await page.getByTestId('preview-start').fill('2026-11-24 17:00');
  await page.getByTestId('preview-hours').fill('8');
  await expect(page.getByTestId('preview-due')).toContainText('2026/11/25周三 17:30');

  // A company day off on Wednesday moves it to Thursday.
  const daysOff = page.getByTestId('calendar-holidays');
  await daysOff.getByRole('textbox').fill('2026-11-25');
  await daysOff.getByRole('button', { name: '添加' }).click();
  await expect(daysOff).toContainText('11-25');
  await expect(page.getByTestId('preview-due')).toContainText('2026/11/26周四 17:30');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.reload();
  await page.getByTestId('settings-tab-deadlines').click();
  await expect(page.getByTestId('calendar-lunch-from')).toHaveValue('12:00');
  await expect(page.getByTestId('calendar-lunch-to')).toHaveValue('13:30');
  await expect(page.getByTestId('calendar-holidays')).toContainText('11-25');
  await shot(page, 'official-calendar-settings');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('festival-spring_festival')).toContainText('Spring Festival');
  await expect(page.getByTestId('official-year-2026')).toContainText('Confirmed');
  await shot(page, 'official-calendar-settings-en');
  await page.getByTestId('language-switch').getByText('中文').click();

  // The core computes the same: a normal ticket reported now (Tuesday 10:00) is to be answered within 8 working
  // hours: 10:00–12:00 and 13:30–18:00 on Tuesday, Wednesday off, then 1.5 hours on Thursday: 10:30.
  const { id } = await api<{ id: number }>(page.request, desk.url, 'tickets.create', {
    channel: 'phone', reportedAt: (await deskNow(page.request, desk.url)).toISOString(), contactName: '陈先生', contactPhone: '13800135678',
    urgency: 'normal', problemType: 'hardware', faultDescription: '制冷效果差，出风温度高于设定温度5℃',
    newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678' },
  });
  await page.goto(`${desk.url}/#/tickets/${id}`);
  await expect(page.getByTestId('response-due')).toContainText('2026/11/26 10:30');
  await shot(page, 'official-calendar-ticket-deadline');
});
