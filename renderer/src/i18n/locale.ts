/** The chosen language, remembered in localStorage; zh-CN unless the user picked English. */
import { LOCALES, type Locale } from '../../../shared/domain/user';

const KEY = 'aftercare.locale';

export function storedLocale(): Locale {
  const saved = localStorage.getItem(KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : 'zh-CN';
}

let current: Locale = storedLocale();

export function currentLocale(): Locale {
  return current;
}

export function rememberLocale(locale: Locale): void {
  current = locale;
  localStorage.setItem(KEY, locale);
  document.documentElement.lang = locale;
}
