import { expect, type Locator, type Page } from '@playwright/test';

/** The shared print preview (PrintPreviewModal): its page as a frame, the paper, Print, closing. */
export class PrintPreviewPage {
  readonly preview: Locator;
  constructor(protected readonly page: Page) {
    this.preview = page.getByTestId('print-preview');
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
    // The keyboard is back in the dialog, not left inside the preview's frame.
    await expect(this.preview.getByTestId('print-submit')).toBeFocused();
    return this.page.evaluate(() => (window as unknown as { __prints?: number }).__prints ?? 0);
  }

  async closePreview() {
    await this.page.keyboard.press('Escape');
    await expect(this.preview).toBeHidden();
  }
}
