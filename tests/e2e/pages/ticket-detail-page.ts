import { expect, type Locator, type Page } from '@playwright/test';

/** The ticket detail with its next-step panel, dialogs, signature canvas and timeline. */
export class TicketDetailPage {
  readonly error: Locator;
  readonly timeline: Locator;
  constructor(private readonly page: Page) {
    this.error = page.getByTestId('action-error');
    this.timeline = page.getByTestId('ticket-timeline');
  }

  async goto(url: string, id: number) {
    await this.page.goto(`${url}/#/tickets/${id}`);
    await this.page.getByTestId('next-step').waitFor();
  }

  step(kind: string): Locator {
    return this.page.getByTestId(`step-${kind}`);
  }

  /** Opens a step's dialog and returns it. */
  async open(kind: string, dialogTestId: string): Promise<Locator> {
    await this.step(kind).click();
    const dialog = this.page.getByTestId(dialogTestId);
    await dialog.waitFor();
    return dialog;
  }

  /** Confirms the open dialog and waits for it to close. */
  async confirm(dialog: Locator) {
    await dialog.getByTestId('action-submit').click();
    await expect(dialog).toBeHidden();
  }

  /** Draws a scribble over the canvas with the mouse (pointer events), like a customer's signature. */
  async sign(dialog: Locator) {
    const canvas = dialog.getByTestId('signature-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no signature canvas');
    const m = this.page.mouse;
    await m.move(box.x + 40, box.y + 110);
    await m.down();
    for (let i = 1; i <= 24; i++) await m.move(box.x + 40 + i * 15, box.y + 80 + Math.sin(i / 2) * 45, { steps: 2 });
    await m.up();
    await m.move(box.x + 120, box.y + 40);
    await m.down();
    await m.move(box.x + 180, box.y + 130, { steps: 6 });
    await m.up();
    await expect(canvas).toHaveAttribute('data-signed', 'yes');
  }

  event(kind: string): Locator {
    return this.timeline.locator(`[data-kind="${kind}"]`);
  }
}
