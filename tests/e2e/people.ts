/** The desk's people in the journeys (created through the API by each spec), signing in in their own browser context. */
import { expect, type Browser, type Page } from '@playwright/test';
import { LoginPage } from './pages/login-page';

export interface Person {
  username: string;
  displayName: string;
  role: string;
  password: string;
  productLines: string[];
}

export const CLERK: Person = { username: 'kefu', displayName: '客服小王', role: 'clerk', password: 'clerk-pass-1', productLines: [] };
export const SUPERVISOR: Person = { username: 'zhuguan', displayName: '主管老赵', role: 'supervisor', password: 'super-pass-1', productLines: [] };
export const ENGINEER: Person = { username: 'gongcheng', displayName: '工程师小张', role: 'engineer', password: 'engin-pass-1', productLines: ['家电'] };

/** A PNG of a few pixels, as a phone camera would deliver a photo. */
export const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAGElEQVR4nGP8z8DAwMDAxMDAwMDAwAAAJ+kCBhjZiVwAAAAASUVORK5CYII=', 'base64');

/** A Chinese desk PC in Shanghai: a new browser context, signed in as `who`. */
export async function signIn(browser: Browser, url: string, who: Pick<Person, 'username' | 'password' | 'displayName'>): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto(url);
  await login.login(who.username, who.password);
  await expect(page.getByTestId('current-user')).toHaveText(who.displayName);
  return page;
}
