import type { Locator, Page } from '@playwright/test';

export class DashboardPage {
  readonly root: Locator;
  readonly exportButton: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('statistics-page');
    this.exportButton = page.getByTestId('export-workbook');
  }

  async goto(url: string, query = '') {
    await this.page.goto(`${url}/#/statistics${query}`);
    await this.root.waitFor();
  }

  figure(id: string): Locator {
    return this.page.getByTestId(`figure-${id}`);
  }

  card(id: string): Locator {
    return this.page.getByTestId(`card-${id}`);
  }
}
