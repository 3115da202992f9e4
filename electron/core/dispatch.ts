/**
 * The one dispatcher both transports call: finds the method, checks the caller's role, validates the
 * input against the contract's schema, runs the handler, and turns every failure into a worded value.
 */
import { contract, isMethodName, type Access } from '../../shared/api/contract';
import type { ApiError, ErrorCode, Result } from '../../shared/api/result';
import { validate, type FieldProblem } from '../../shared/api/validation';
import type { Role } from '../../shared/domain/roles';
import type { Locale, SessionUser } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import type { Client, CoreDeps } from './context';
import { AppError } from './errors';
import { isBusy } from './db/busy';
import { handlers } from './handlers';

export function mayCall(access: Access, user: SessionUser | null): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  return access === 'signedIn' || (access as readonly Role[]).includes(user.role);
}

function fail(locale: Locale, code: ErrorCode, detail?: AppError['detail']): { ok: false; error: ApiError } {
  const key = detail?.key ? `error.${detail.key}` : `error.${code}`;
  const params = wordParams(locale, detail?.params);
  const error: ApiError = { code, message: translate(locale, key, params) };
  if (detail?.fields) error.fields = wordFields(locale, detail.fields);
  return { ok: false, error };
}

/** Parameters that name a thing (`what`) or a ticket state (`status`) are words too. */
function wordParams(locale: Locale, params: Record<string, string | number> = {}): Record<string, string | number> {
  const out = { ...params };
  if (typeof out.what === 'string') out.what = translate(locale, `what.${out.what}`);
  if (typeof out.status === 'string') out.status = translate(locale, `status.${out.status}`);
  return out;
}

function wordFields(locale: Locale, problems: Record<string, FieldProblem>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, p] of Object.entries(problems)) {
    out[path] = translate(locale, p.key, wordParams(locale, p.params));
  }
  return out;
}

/** SQLite reports a full disk as SQLITE_FULL (or the OS as ENOSPC): say so, nothing was committed. */
function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || /SQLITE_FULL|ENOSPC|database or disk is full/.test(String(error));
}

export type Dispatch = (method: string, input: unknown, client: Client) => Promise<Result<unknown>>;

export function createDispatch(deps: CoreDeps, log: (message: string, error: unknown) => void): Dispatch {
  return async (method, input, client) => {
    const locale = client.locale;
    if (!isMethodName(method)) return fail(locale, 'UNKNOWN_METHOD');
    const spec = contract[method];
    const user = deps.sessions.get(client.sessionId);
    if (!mayCall(spec.access, user)) return fail(locale, user ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    const parsed = validate(spec.input, input ?? {});
    if (!parsed.ok) return fail(locale, 'VALIDATION', { fields: parsed.problems });
    try {
      const handler = handlers[method] as (ctx: unknown, input: unknown) => Promise<unknown>;
      const value = await handler({ ...deps, user, client }, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return fail(locale, error.code, error.detail);
      if (isStorageFull(error)) return fail(locale, 'STORAGE_FULL');
      if (isBusy(error)) return fail(locale, 'BUSY');
      log(`${method} failed`, error);
      return fail(locale, 'INTERNAL');
    }
  };
}
