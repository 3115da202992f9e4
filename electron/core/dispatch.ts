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
import { callScope } from './call-scope';
import type { Desk } from './services/lan.service';
import type { Tx } from './db/db';

/** What a desk that is not (or no longer) paired may still call over the LAN: to learn that, and to pair. */
const BEFORE_PAIRING = new Set(['auth.status', 'host.pair']);
/** Sign-in and pairing set the transport's cookies: a stored answer would not. They are never replayed. */
const NEVER_REPLAYED = /^(auth\.|host\.pair$)/;
/** Answers larger than this (a workbook, a rendered slip) are not kept: a retry runs the call again. */
const MAX_KEPT_ANSWER = 256 * 1024;

/** The desk a LAN call comes from, or the refusal in words; null on the host PC. */
async function deskOf(deps: CoreDeps, method: string, client: Client): Promise<{ desk: Desk | null } | { refused: string }> {
  if (!client.remote) return { desk: null };
  const desk = await deps.host.desk(client.deskToken ?? null);
  if (desk && !desk.revoked) {
    await deps.host.sawDesk(desk, client.remote.address);
    return { desk };
  }
  return BEFORE_PAIRING.has(method) ? { desk: null } : { refused: desk ? 'desk.revoked' : 'desk.notPaired' };
}

/** The answer kept for this user's key: the first answer, or null while a committed write's answer is not known. */
async function keptAnswer(deps: CoreDeps, userId: number, key: string): Promise<{ result: string | null } | undefined> {
  return deps.db.get<{ result: string | null }>('SELECT result FROM idempotency_keys WHERE user_id = ? AND key = ?', [userId, key]);
}

function replay(locale: Locale, kept: { result: string | null }): Result<unknown> {
  return kept.result === null ? fail(locale, 'CONFLICT', { key: 'alreadyApplied' }) : (JSON.parse(kept.result) as Result<unknown>);
}

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

/** How long the host remembers a write's key: a desk retries within seconds, a restarted host within minutes. */
export const KEYS_KEPT_MS = 24 * 60 * 60 * 1000;

/** Keeps the answer of a keyed write (too large ones are forgotten: a retry then runs again). */
async function keepAnswer(deps: CoreDeps, userId: number, key: string, result: Result<unknown>): Promise<void> {
  const text = JSON.stringify(result);
  await deps.db.write((tx) =>
    text.length > MAX_KEPT_ANSWER
      ? tx.run('DELETE FROM idempotency_keys WHERE user_id = ? AND key = ?', [userId, key])
      : tx.run('UPDATE idempotency_keys SET result = ? WHERE user_id = ? AND key = ?', [text, userId, key]),
  );
}

export type Dispatch = (method: string, input: unknown, client: Client) => Promise<Result<unknown>>;

export function createDispatch(deps: CoreDeps, log: (message: string, error: unknown) => void): Dispatch {
  // A retry that arrives while its first send still runs waits for that answer instead of racing it.
  const inFlight = new Map<string, Promise<Result<unknown>>>();
  const run = createRun(deps, log);
  return (method, input, client) => {
    const user = client.idempotencyKey ? deps.sessions.peek(client.sessionId) : null;
    if (!user) return run(method, input, client);
    const id = `${user.id}:${client.idempotencyKey}`;
    const running = inFlight.get(id);
    if (running) return running;
    const answer = run(method, input, client).finally(() => inFlight.delete(id));
    inFlight.set(id, answer);
    return answer;
  };
}

function createRun(deps: CoreDeps, log: (message: string, error: unknown) => void): Dispatch {
  return async (method, input, client) => {
    const locale = client.locale;
    if (!isMethodName(method)) return fail(locale, 'UNKNOWN_METHOD');
    const spec = contract[method];
    const from = await deskOf(deps, method, client);
    if ('refused' in from) return fail(locale, 'FORBIDDEN', { key: from.refused });
    const user = deps.sessions.get(client.sessionId);
    if (!mayCall(spec.access, user)) return fail(locale, user ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    const parsed = validate(spec.input, input ?? {});
    if (!parsed.ok) return fail(locale, 'VALIDATION', { fields: parsed.problems });
    const key = user && client.idempotencyKey && !NEVER_REPLAYED.test(method) ? client.idempotencyKey : null;
    const kept = key ? await keptAnswer(deps, user!.id, key) : undefined;
    if (kept) return replay(locale, kept);
    const desk = from.desk;
    const claim = async (tx: Tx) => {
      await tx.run('DELETE FROM idempotency_keys WHERE at < ?', [new Date(deps.now().getTime() - KEYS_KEPT_MS).toISOString()]);
      await tx.run('INSERT INTO idempotency_keys (user_id, key, method, at) VALUES (?, ?, ?, ?)', [user!.id, key, method, deps.now().toISOString()]);
    };
    const scope = { clientLabel: desk ? `${desk.name} (${client.remote!.address})` : null, wrote: false, onFirstWrite: key ? claim : undefined };
    try {
      const handler = handlers[method] as (ctx: unknown, input: unknown) => Promise<unknown>;
      const value = await callScope.run(scope, () => handler({ ...deps, user, client, desk }, parsed.data));
      const result = { ok: true as const, value };
      if (key && scope.wrote) await keepAnswer(deps, user!.id, key, result);
      return result;
    } catch (error) {
      // The same key's first call committed meanwhile (a retry sent while the first was still running).
      const first = key && !scope.wrote ? await keptAnswer(deps, user!.id, key) : undefined;
      if (first) return replay(locale, first);
      if (error instanceof AppError) return fail(locale, error.code, error.detail);
      if (isStorageFull(error)) return fail(locale, 'STORAGE_FULL');
      if (isBusy(error)) return fail(locale, 'BUSY');
      log(`${method} failed`, error);
      return fail(locale, 'INTERNAL');
    }
  };
}
