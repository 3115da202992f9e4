/**
 * The intake as a clerk at the keyboard does it (issue #21): typed like a person, from the first field to
 * the saved ticket with Enter, Tab and the arrow keys only; an empty submit lands on the first error;
 * leaving a changed form asks, and the half-typed form comes back as a draft.
 */
import type { Page } from '@playwright/test';
import { ADMIN, test, expect, shot } from './fixtures';
import { LoginPage } from './pages/login-page';
import { IntakePage } from './pages/intake-page';

test.use({ demo: true, viewport: { width: 1366, height: 768 } });

const typeLikeAPerson = (page: Page, text: string) => page.keyboard.type(text, { delay: 60 });
const focused = (page: Page) => page.locator(':focus');
const highlighted = (page: Page) => page.locator('[data-combobox-selected]:visible');

test('a ticket goes from the first field to saved by keyboard alone, and is saved as 紧急 as chosen', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await expect(page.getByTestId('channel-select')).toBeFocused();

  // A drop-down highlights its first match as you type; Enter takes it and moves on.
  await typeLikeAPerson(page, '现');
  await expect(highlighted(page)).toHaveText('现场');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('channel-select')).toHaveValue('现场');
  await expect(page.getByTestId('reported-at')).toBeFocused();
  await page.keyboard.press('Enter');
  // Enter on an untouched drop-down keeps what it shows and moves on.
  await expect(page.getByTestId('received-by')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('received-by')).toHaveValue('Admin Li');

  // The customer search offers "新客户：…" highlighted, readable, and Enter takes it.
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await typeLikeAPerson(page, '13912345678');
  const extra = page.getByTestId('customer-search-extra');
  await expect(extra).toHaveAttribute('data-combobox-selected', 'true');
  const colours = await extra.evaluate((el) => {
    const s = getComputedStyle(el);
    return { text: s.color, background: s.backgroundColor };
  });
  expect(colours.text).not.toBe(colours.background);
  expect(colours.text).toBe('rgb(255, 255, 255)');
  await shot(page, 'intake-keyboard-new-customer-option');
  await page.keyboard.press('Enter');

  // Name, then 称呼 as radios (typed text cannot land there), the phone carried over, the address.
  await expect(page.getByTestId('new-customer-name')).toBeFocused();
  await typeLikeAPerson(page, '林');
  await page.keyboard.press('Enter');
  await expect(focused(page)).toHaveAttribute('type', 'radio');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('new-customer-salutation').getByRole('radio', { name: '先生' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-customer-phone')).toBeFocused();
  await expect(page.getByTestId('new-customer-phone')).toHaveValue('13912345678');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('new-customer-address')).toBeFocused();
  await typeLikeAPerson(page, '上海市浦东新区世纪大道 100 号');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('contact-name')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('contact-phone')).toBeFocused();
  await page.keyboard.press('Enter');

  // The serial the scanner would type, unknown: the model is chosen by typing, the device registered.
  await expect(page.getByTestId('serial-input')).toBeFocused();
  await typeLikeAPerson(page, 'KF35-KEY-0001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unknown-serial')).toBeVisible();
  await expect(page.getByTestId('model-select')).toBeFocused();
  await typeLikeAPerson(page, 'KFR-35');
  await expect(highlighted(page)).toHaveText(/KFR-35/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-select')).toHaveValue(/^KFR-35/);
  await expect(page.getByTestId('register-device')).toBeFocused();
  // Back into the model and Enter again: the chosen model stays (Enter on it used to clear it).
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('model-select')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-select')).toHaveValue(/^KFR-35/);
  await expect(page.getByTestId('register-device')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('register-device')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('purchase-date')).toBeFocused();
  await page.keyboard.press('Enter');

  // The fault keeps Enter for its lines; Tab leaves it.
  await expect(intake.description).toBeFocused();
  await typeLikeAPerson(page, '空调开机后制冷效果差，出风口温度偏高。');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('fault-faultWhen')).toBeFocused();
  for (const next of ['fault-frequency', 'fault-alarmCodes', 'fault-abnormalNoise', 'fault-environment', 'fault-customerTried', 'reported-before']) {
    await page.keyboard.press('Enter');
    await expect(page.getByTestId(next)).toBeFocused();
  }
  await page.keyboard.press('Enter');

  // Urgency: the arrows move the checked radio itself; what is shown is what is saved.
  await expect(focused(page)).toHaveAttribute('type', 'radio');
  await expect(intake.urgencyChoice('一般')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(intake.urgencyChoice('重要')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(intake.urgencyChoice('紧急')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('problem-type-select')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('safety-risk')).toBeFocused();
  await shot(page, 'intake-keyboard-filled');
  await page.keyboard.press('Tab');
  await expect(intake.submit).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(intake.createdNumber).toHaveText(/^TS\d{12}$/);
  await expect(page.getByTestId('open-created')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-customer')).toHaveText('林');
  await expect(page.getByTestId('urgency-badge')).toHaveText('紧急');
  await expect(page.getByTestId('detail-serial')).toHaveText('KF35-KEY-0001');
  await shot(page, 'intake-keyboard-saved');
});

test('an empty submit lands on the first error in form order, and a missing model is asked for in words', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await intake.submit.scrollIntoViewIfNeeded();
  await intake.submit.click();
  const search = page.getByTestId('customer-search');
  await expect(search).toBeFocused();
  await expect(search).toBeInViewport();
  await expect(page.getByText('请选择已有客户或填写新客户')).toBeVisible();
  await expect(page.getByText('请描述故障现象')).toBeAttached();
  await shot(page, 'intake-empty-submit');

  await intake.newCustomer({ customerName: '林', phone: '13912345678', serial: '', modelLabel: '', fault: '' });
  await page.getByTestId('contact-name').fill('林');
  await page.getByTestId('serial-input').fill('KF35-KEY-0002');
  await page.getByTestId('register-device').check();
  await intake.fault('空调不制冷');
  await intake.submit.click();
  await expect(page.getByTestId('model-select')).toBeFocused();
  await expect(page.getByText('请选择产品型号')).toBeVisible();
  await expect(page.getByText(/不能小于/)).toHaveCount(0);
});

test('leaving a changed intake asks first, and the half-typed form comes back as a draft until it is saved', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
  await page.getByTestId('customer-search').focus();
  await typeLikeAPerson(page, '13912345678');
  await expect(page.getByTestId('customer-search-extra')).toHaveAttribute('data-combobox-selected', 'true');
  await page.keyboard.press('Enter');
  await typeLikeAPerson(page, '林');
  await intake.description.focus();
  await typeLikeAPerson(page, '洗衣机脱水时噪音大');

  // A menu click asks; focus starts on "keep editing", Escape stays with everything still typed.
  const guard = page.getByTestId('leave-guard');
  await page.getByRole('link', { name: '工单', exact: true }).click();
  await expect(guard).toBeVisible();
  await expect(page.getByTestId('leave-stay')).toBeFocused();
  await shot(page, 'intake-leave-guard');
  await page.keyboard.press('Escape');
  await expect(guard).toBeHidden();
  await expect(page).toHaveURL(/#\/tickets\/new$/);
  await expect(page.getByTestId('new-customer-name')).toHaveValue('林');

  // Asked again, the clerk leaves with the keyboard: the form is kept as a draft.
  await page.getByRole('link', { name: '工单', exact: true }).click();
  await expect(page.getByTestId('leave-stay')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('leave-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/tickets$/);

  // The draft is the clerk's own: a colleague signing in on the same PC is not offered it.
  const login = new LoginPage(page);
  await page.getByRole('button', { name: '退出登录' }).click();
  await login.login('wangkf', 'demo1234');
  await page.getByRole('link', { name: '新建工单', exact: true }).click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
  await page.getByRole('link', { name: '工单', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await login.login(ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(/#\/tickets$/);

  // Back at 新建工单 the draft is offered, Enter restores it.
  await page.getByRole('link', { name: '新建工单', exact: true }).click();
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await expect(page.getByTestId('draft-restore')).toBeFocused();
  await shot(page, 'intake-draft-offer');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
  await expect(page.getByTestId('new-customer-name')).toHaveValue('林');
  await expect(page.getByTestId('new-customer-phone')).toHaveValue('13912345678');
  await expect(intake.description).toHaveValue('洗衣机脱水时噪音大');

  // The browser's Back asks too.
  await page.evaluate(() => history.back());
  await expect(guard).toBeVisible();
  await page.getByTestId('leave-stay').click();
  await expect(page).toHaveURL(/#\/tickets\/new$/);

  // Saved, the draft is gone: 新建工单 starts empty.
  await page.getByTestId('contact-name').fill('林');
  await page.keyboard.press('Control+Enter');
  await expect(intake.createdNumber).toBeVisible();
  await page.getByRole('link', { name: '工单', exact: true }).click();
  await expect(page).toHaveURL(/#\/tickets$/);
  await page.getByRole('link', { name: '新建工单', exact: true }).click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await expect(page.getByTestId('draft-offer')).toHaveCount(0);
  await expect(page.getByTestId('channel-select')).toBeFocused();
});

test('a changed ticket correction asks before it is left too', async ({ page, desk }) => {
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await intake.create({ customerName: '林', phone: '13912345678', serial: 'KF35-KEY-0003', modelLabel: 'KFR-35 · 智能空调 KFR-35GW', fault: '空调不制冷' });
  await page.getByTestId('open-created').click();
  await page.getByTestId('edit-ticket').click();
  await page.getByTestId('edit-contact-name').fill('林女士');
  await page.getByRole('link', { name: '工单', exact: true }).click();
  await expect(page.getByTestId('leave-guard')).toContainText('此页有尚未保存的修改');
  await page.getByTestId('leave-confirm').click();
  await expect(page).toHaveURL(/#\/tickets$/);
});
