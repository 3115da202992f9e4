/** Failures a handler reports on purpose; the dispatcher words them in the caller's language. */
import type { ErrorCode } from '../../shared/api/result';
import type { FieldProblem } from '../../shared/api/validation';
import type { zhCN } from '../../shared/i18n/zh-CN';

/** The things a message may name: typed, so a name without its word does not compile. */
export type WhatKey = keyof typeof zhCN.what;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** An i18n key under `error.` for a more precise message than the code's own. */
    readonly detail?: { key?: string; params?: Record<string, string | number>; fields?: Record<string, FieldProblem> },
  ) {
    super(code);
  }
}

export const notFound = (key?: string) => new AppError('NOT_FOUND', key ? { key } : undefined);
export const conflict = () => new AppError('CONFLICT');
export const duplicate = (what: WhatKey, field: string) =>
  new AppError('DUPLICATE', { params: { what }, fields: { [field]: { key: 'error.DUPLICATE', params: { what } } } });
