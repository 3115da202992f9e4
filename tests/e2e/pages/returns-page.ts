import { expect, type Locator, type Page } from '@playwright/test';

/** The returned-device register, its check-in form, a record's page and the shared print preview. */
export class ReturnsPage {
  readonly preview: Locator;
  readonly timeline: Locator;
  constructor(private readonly page: Page) {
    this.preview = page.getByTestId('print-preview');
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

  /** The preview's page, as a frame. */
  frame() {
    return this.page.frameLocator('[data-testid="print-frame"]');
  }

  async choosePaper(label: string, paper: string) {
    await this.preview.getByTestId('print-paper').getByText(label, { exact: true }).click();
    await expect(this.page.getByTestId('print-frame')).toHaveAttribute('data-paper', paper);
  }

  /**
   * Clicks Print with the preview's `print()` replaced by a counter: headless Chromium has no print
   * dialog. Returns how many times the app called it.
   */
  async print(): Promise<number> {
    await this.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="print-frame"]');
      const win = frame?.contentWindow as (Window & { print: () => void }) | null | undefined;
      if (!win) throw new Error('no preview frame');
      const w = window as unknown as { __prints?: number };
      w.__prints = 0;
      win.print = () => {
        w.__prints = (w.__prints ?? 0) + 1;
      };
    });
    await this.preview.getByTestId('print-submit').click();
    await expect(this.preview.getByTestId('print-submit')).not.toHaveAttribute('data-loading', 'true');
    return this.page.evaluate(() => (window as unknown as { __prints?: number }).__prints ?? 0);
  }

  async closePreview() {
    await this.page.keyboard.press('Escape');
    await expect(this.preview).toBeHidden();
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
