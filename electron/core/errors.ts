/** Failures a handler reports on purpose; the dispatcher words them in the caller's language. */
import type { ErrorCode } from '../../shared/api/result';
import type { FieldProblem } from '../../shared/api/validation';

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
export const duplicate = (what: string, field: string) =>
  new AppError('DUPLICATE', { params: { what }, fields: { [field]: { key: 'error.DUPLICATE', params: { what } } } });
