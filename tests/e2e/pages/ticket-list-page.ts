import type { Locator, Page } from '@playwright/test';

export class TicketListPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  constructor(private readonly page: Page) {
    this.search = page.getByTestId('ticket-search');
    this.rows = page.getByTestId('ticket-row');
    this.empty = page.getByTestId('ticket-empty');
  }

  async goto(url: string) {
    await this.page.goto(`${url}/#/tickets`);
    await this.page.getByTestId('ticket-table').waitFor();
  }

  async find(q: string) {
    await this.search.fill(q);
    await this.search.press('Enter');
  }
}
