import { expect, type Locator, type Page } from '@playwright/test';
import { PrintPreviewPage } from './print-preview-page';

/** The returned-device register, its check-in form, a record's page and the shared print preview. */
export class ReturnsPage extends PrintPreviewPage {
  readonly timeline: Locator;
  constructor(page: Page) {
    super(page);
    this.timeline = page.getByTestId('return-timeline');
  }

  async gotoRegister(url: string) {
    await this.page.goto(`${url}/#/returns`);
    await this.page.getByTestId('returns-table').waitFor();
  }

  /** Types into the register's search box as a barcode scanner does: the text, then Enter. */
  async scan(text: string) {
    const box = this.page.getByTestId('returns-search');
    await box.fill('');
    await box.pressSequentially(text, { delay: 5 });
    await box.press('Enter');
  }

  row(number: string): Locator {
    return this.page.locator(`[data-testid="returns-row"][data-number="${number}"]`);
  }

  async addAccessory(name: string, quantity: number) {
    await this.page.getByTestId('accessory-add').click();
    const row = this.page.getByTestId('check-in-accessory').last();
    await row.getByTestId('accessory-name').fill(name);
    await row.getByTestId('accessory-quantity').fill(String(quantity));
  }

  async tickCondition(item: string) {
    await this.page.getByTestId('check-in-checklist').getByLabel(item, { exact: true }).check();
  }

  /** Makes a move from the record's page (its dialog asks for a reason when the rule needs one). */
  async move(move: string, reason = '') {
    await this.page.getByTestId(`return-move-${move}`).click();
    const dialog = this.page.getByTestId('return-move-dialog');
    await dialog.waitFor();
    if (reason) await dialog.getByTestId('return-move-reason').fill(reason);
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden();
  }

  event(kind: string): Locator {
    return this.timeline.locator(`[data-kind="${kind}"]`);
  }

  state(): Locator {
    return this.page.getByTestId('return-number').locator('..').getByTestId('return-state');
  }

  /** Draws a scribble over the signature canvas with the mouse. */
  async sign(scope: Locator) {
    const canvas = scope.getByTestId('signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature canvas');
    const m = this.page.mouse;
    await m.move(box.x + 40, box.y + 110);
    await m.down();
    for (let i = 1; i <= 24; i++) await m.move(box.x + 40 + i * 15, box.y + 80 + Math.sin(i / 2) * 45, { steps: 2 });
    await m.up();
    await expect(canvas).toHaveAttribute('data-signed', 'yes');
  }
}
