import { expect, type Locator, type Page } from '@playwright/test';

/** The fee calculator, a ticket's fee section and the print preview of quotes and receipts. */
export class FeesPage {
  readonly calculator: Locator;
  readonly section: Locator;
  readonly preview: Locator;
  readonly total: Locator;
  constructor(private readonly page: Page) {
    this.calculator = page.getByTestId('fee-calculator');
    this.section = page.getByTestId('ticket-fees');
    this.preview = page.getByTestId('print-preview');
    this.total = page.getByTestId('fee-total');
  }

  line(i: number): Locator {
    return this.calculator.getByTestId('fee-line').nth(i);
  }

  /** Adds a line with its keyboard shortcut (Alt+1 labour … Alt+7 other); the new line's first field has the focus. */
  async addWithKey(n: number) {
    const before = await this.calculator.getByTestId('fee-line').count();
    await this.page.keyboard.press(`Alt+${n}`);
    await expect(this.calculator.getByTestId('fee-line')).toHaveCount(before + 1);
  }

  /** Picks an option of a Select inside a line by its visible label. */
  async pick(line: Locator, testId: string, label: string) {
    await line.getByTestId(testId).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Types into a searchable Select and takes the first match with Enter (as a clerk would). */
  async search(line: Locator, testId: string, text: string) {
    const input = line.getByTestId(testId);
    await input.fill(text);
    await input.press('ArrowDown');
    await input.press('Enter');
  }

  async quantity(line: Locator, value: string) {
    await line.getByTestId('line-qty').fill(value);
  }

  /** The preview's page, as a frame. */
  frame() {
    return this.page.frameLocator('[data-testid="print-frame"]');
  }

  async choosePaper(label: string, paper: string) {
    await this.preview.getByTestId('print-paper').getByText(label, { exact: true }).click();
    await expect(this.page.getByTestId('print-frame')).toHaveAttribute('data-paper', paper);
  }

  /** Clicks Print with the frame's `print()` replaced by a counter (headless Chromium has no dialog); returns the count. */
  async print(): Promise<number> {
    await this.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="print-frame"]');
      const win = frame?.contentWindow as (Window & { print: () => void }) | null | undefined;
      if (!win) throw new Error('no preview frame');
      const w = window as unknown as { __feePrints?: number };
      w.__feePrints = 0;
      win.print = () => {
        w.__feePrints = (w.__feePrints ?? 0) + 1;
      };
    });
    await this.preview.getByTestId('print-submit').click();
    await expect(this.preview.getByTestId('print-submit')).not.toHaveAttribute('data-loading', 'true');
    return this.page.evaluate(() => (window as unknown as { __feePrints?: number }).__feePrints ?? 0);
  }

  async closePreview() {
    await this.page.keyboard.press('Escape');
    await expect(this.preview).toBeHidden();
  }
}
