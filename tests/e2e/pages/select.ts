import type { Page } from '@playwright/test';

/** Picks an option of a Mantine Select or MultiSelect by its label. */
export async function chooseOption(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}
