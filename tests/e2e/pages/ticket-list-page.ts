/** Page object of 工单 (the ticket list): search box, queues, sortable headers, page size. */
import type { Locator, Page } from '@playwright/test';

export class TicketListPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly empty: Locator;
  readonly total: Locator;
  readonly queues: Locator;
  readonly pageSize: Locator;
  constructor(private readonly page: Page) {
    this.search = page.getByTestId('ticket-search');
    this.rows = page.getByTestId('ticket-row');
    this.empty = page.getByTestId('ticket-empty');
    this.total = page.getByTestId('ticket-total');
    this.queues = page.getByTestId('ticket-queues');
    this.pageSize = page.getByTestId('ticket-page-size');
  }

  async goto(url: string, query = '') {
    await this.page.goto(`${url}/#/tickets${query}`);
    await this.page.getByTestId('ticket-table').waitFor();
  }

  /** Types and presses Enter, as a scanner does. */
  async find(q: string) {
    await this.search.fill(q);
    await this.search.press('Enter');
  }

  /** Types key by key as a clerk does, without Enter. */
  async type(q: string) {
    await this.search.fill('');
    await this.search.pressSequentially(q, { delay: 40 });
  }

  async sortBy(column: 'number' | 'reportedAt' | 'deadline') {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  numbers(): Promise<string[]> {
    return this.rows.locator('td:first-child').allInnerTexts();
  }
}
