import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly error: Locator;
  constructor(private readonly page: Page) {
    this.error = page.getByTestId('login-error');
  }

  async goto(url: string) {
    await this.page.goto(url);
  }

  async login(username: string, password: string) {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }
}
