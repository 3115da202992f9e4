/** Page objects of 产品型号, 客户与设备 and the device page, and the grouped menu. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface ModelInput {
  code: string;
  name: string;
  productLine: string;
  warrantyMonths: number;
  active?: boolean;
}

export class Menu {
  constructor(private readonly page: Page) {}

  /** A menu entry, clicked as a user would: scrolled into the menu's view first if the menu is taller than the window. */
  async open(label: string) {
    await this.page.getByTestId('nav-scroll').getByRole('link', { name: label, exact: true }).click();
  }

  group(key: 'desk' | 'service' | 'manage' | 'system'): Locator {
    return this.page.getByTestId(`nav-group-${key}`);
  }
}

export class ModelsPage {
  readonly rows: Locator;
  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('model-row');
  }

  /** Typed from the keyboard only: Enter moves from field to field, Ctrl+Enter saves. */
  async add(m: ModelInput) {
    await this.page.getByTestId('models-add').click();
    const form = this.page.getByTestId('model-form');
    await form.getByTestId('model-form-code').fill(m.code);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(m.name);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(m.productLine);
    // An existing line is offered below the field: the first Enter may take it, the next one moves on.
    const months = form.getByTestId('model-form-months');
    await this.page.keyboard.press('Enter');
    if (!(await months.evaluate((el) => el === document.activeElement))) await this.page.keyboard.press('Enter');
    await expect(months).toBeFocused();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(String(m.warrantyMonths));
    if (m.active === false) await form.getByTestId('model-form-active').uncheck();
    await this.page.keyboard.press('Control+Enter');
    await expect(form).toHaveCount(0);
  }

  row(code: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }
}

export class DevicePage {
  constructor(private readonly page: Page) {}

  async correctWarranty(end: string, reason: string) {
    await this.page.getByTestId('warranty-correct').click();
    const form = this.page.getByTestId('warranty-form');
    await form.getByTestId('warranty-end').fill(end);
    await form.getByTestId('warranty-reason').fill(reason);
    await form.getByTestId('warranty-save').click();
    await expect(form).toHaveCount(0);
  }
}
