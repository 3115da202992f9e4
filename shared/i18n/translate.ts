/** A tiny lookup over the shared resources, for the core (the renderer uses i18next over the same objects). */
import { en } from './en';
import { zhCN } from './zh-CN';
import type { Locale } from '../domain/user';

export const sharedResources = { 'zh-CN': zhCN, en } as const;

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = sharedResources[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
