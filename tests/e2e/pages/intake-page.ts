import type { Locator, Page } from '@playwright/test';
import { chooseOption } from './select';

export interface NewTicket {
  customerName: string;
  phone: string;
  address?: string;
  serial: string;
  modelLabel: string;
  purchaseDate?: string;
  fault: string;
}

export class IntakePage {
  readonly submit: Locator;
  readonly createdNumber: Locator;
  readonly description: Locator;
  constructor(private readonly page: Page) {
    this.submit = page.getByTestId('intake-submit');
    this.createdNumber = page.getByTestId('created-number');
    this.description = page.getByTestId('fault-description');
  }

  async goto(url: string) {
    await this.page.goto(`${url}/#/tickets/new`);
    await this.page.getByTestId('intake-form').waitFor();
  }

  /** A new customer typed into the type-ahead, then the "new customer" option picked with the keyboard. */
  async newCustomer(t: NewTicket) {
    const search = this.page.getByTestId('customer-search');
    await search.fill(t.phone);
    await this.page.getByRole('option', { name: new RegExp(`新客户：${t.phone}`) }).click();
    await this.page.getByTestId('new-customer-name').fill(t.customerName);
    await this.salutation('先生');
    if (t.address) await this.page.getByTestId('new-customer-address').fill(t.address);
  }

  /** 称呼 is a row of radios (不填 / 先生 / 女士). */
  async salutation(label: string) {
    await this.page.getByTestId('new-customer-salutation').getByText(label, { exact: true }).click();
  }

  /** The urgency radio that is checked (紧急 / 重要 / 一般). */
  urgencyChoice(label: string): Locator {
    return this.page.getByTestId('urgency').getByRole('radio', { name: label, exact: true });
  }

  /** The scanner types the serial and presses Enter; the unknown serial is registered inline. */
  async newDevice(t: NewTicket) {
    const serial = this.page.getByTestId('serial-input');
    await serial.fill(t.serial);
    await serial.press('Enter');
    await this.page.getByTestId('unknown-serial').waitFor();
    await chooseOption(this.page, 'model-select', t.modelLabel);
    await this.page.getByTestId('register-device').check();
    if (t.purchaseDate) await this.page.getByTestId('purchase-date').fill(t.purchaseDate);
  }

  async fault(text: string) {
    await this.description.fill(text);
  }

  async create(t: NewTicket): Promise<string> {
    await this.newCustomer(t);
    await this.newDevice(t);
    await this.fault(t.fault);
    await this.submit.click();
    await this.createdNumber.waitFor();
    return (await this.createdNumber.innerText()).trim();
  }
}
