/** i18next over the shared words (enums, messages) plus the UI's own strings. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { en } from '../../../shared/i18n/en';
import type { Locale } from '../../../shared/domain/user';
import { uiZhCN } from './zh-CN';
import { uiEn } from './en';
import { rememberLocale, storedLocale } from './locale';

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, ui: uiZhCN } },
    en: { translation: { ...en, ui: uiEn } },
  },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = storedLocale();

export function changeLocale(locale: Locale): void {
  rememberLocale(locale);
  void i18n.changeLanguage(locale);
}

export default i18n;
