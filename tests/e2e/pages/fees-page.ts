import { expect, type Locator, type Page } from '@playwright/test';
import { PrintPreviewPage } from './print-preview-page';

/** The fee calculator, a ticket's fee section and the print preview of quotes and receipts. */
export class FeesPage extends PrintPreviewPage {
  readonly calculator: Locator;
  readonly section: Locator;
  readonly total: Locator;
  constructor(page: Page) {
    super(page);
    this.calculator = page.getByTestId('fee-calculator');
    this.section = page.getByTestId('ticket-fees');
    this.total = page.getByTestId('fee-total');
  }

  line(i: number): Locator {
    return this.calculator.getByTestId('fee-line').nth(i);
  }

  /** Adds a line with its keyboard shortcut (Alt+1 labour … Alt+7 other); the new line's first field has the focus. */
  async addWithKey(n: number) {
    // The shortcuts live on the calculator's form: a key pressed while the page still loads is lost.
    await expect(this.calculator.getByTestId('add-labour')).toBeVisible();
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

}
