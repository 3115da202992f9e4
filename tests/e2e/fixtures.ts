/** Test fixtures: a fresh host per test, and helpers that prepare a desk through the HTTP API. */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';

/**
 * The desk clock of every spec: a fixed instant, so no spec depends on the day it runs. CI runs the
 * date-sensitive specs again at the boundaries (a month's first minutes in Shanghai, 29 February, after
 * 国庆) by setting AFTERCARE_NOW; see `npm run test:clocks`.
 */
export const DESK_NOW = process.env.AFTERCARE_NOW || '2026-11-24T10:00:00+08:00';

export const ADMIN = { username: 'admin', displayName: 'Admin Li', password: 'admin-pass-1' };

export async function api<T = unknown>(request: APIRequestContext, url: string, method: string, input: object = {}): Promise<T> {
  const res = await request.post(`${url}/api/${method}`, { data: input, headers: { 'accept-language': 'zh-CN' } });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}`);
  return body.value as T;
}

interface Fixtures {
  host: RunningHost;
  /** A desk with its admin created; the page's context is signed in as the admin. */
  desk: { url: string; demo: boolean };
  demo: boolean;
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const host = await startHost(DESK_NOW);
    await use(host);
    await host.stop();
  },
  demo: [false, { option: true }],
  desk: async ({ host, page, demo }, use) => {
    await api(page.request, host.url, 'auth.setup', ADMIN);
    if (demo) await api(page.request, host.url, 'demo.load');
    await use({ url: host.url, demo });
  },
});

export { expect };

/** The desk clock's time now (the host's, not this machine's). */
export async function deskNow(request: APIRequestContext, url: string): Promise<Date> {
  return new Date((await api<{ now: string }>(request, url, 'auth.status')).now);
}

/** The desk's calendar date (YYYY-MM-DD) `daysFromToday` days from the desk clock's today, in the desk's zone. */
export async function deskDate(request: APIRequestContext, url: string, daysFromToday = 0): Promise<string> {
  const { timeZone } = await api<{ timeZone: string }>(request, url, 'settings.get');
  const at = new Date((await deskNow(request, url)).getTime() + daysFromToday * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function artifact(name: string): string {
  return `tests/artifacts/${name}.png`;
}

/**
 * A full-page screenshot with the window as tall as the page, so the fixed header and navbar are
 * drawn where they belong instead of over a scrolled middle.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  // Twice: the layout may grow once the window is taller.
  for (let i = 0; i < 2; i++) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: artifact(name), fullPage: true });
  await page.setViewportSize(size);
}
