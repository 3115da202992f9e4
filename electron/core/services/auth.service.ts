/** First-run setup, sign-in with lockout after repeated failures, sign-out, own password change. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { AuthStatus, SessionUser } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';
import { AppError } from '../errors';
import { actor, type CallContext } from '../context';
import { hashPassword, verifyPassword } from '../auth/password';
import { audit, created } from './audit';
import { userCount } from './users.service';
import { demoAccounts } from './demo/accounts';
import { addressLocked } from './lan.service';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const LOCKOUT_RULE = { maxFailures: MAX_FAILED_LOGINS, lockMinutes: LOCKOUT_MINUTES };
/** Per remote address (host mode): enough for a counter of clerks mistyping, not for guessing (wrong pairing codes count too). */
export const ADDRESS_LOCKOUT_RULE = { maxFailures: 20, lockMinutes: LOCKOUT_MINUTES };

/**
 * A stored-format hash of a random password nobody kept: names that are no account, and accounts without
 * a password yet, are checked against it, so every try costs one scrypt whatever the name is.
 */
const NO_ACCOUNT_HASH = 'scrypt$16384$8$1$DSuio2IgADeNHoIsnloIvQ==$qzIrPwzVNhf+oMItThRn28oue+vRfdW2MW34L8UP8Ic=';

interface UserAuthRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
}

const toSessionUser = (row: UserAuthRow): SessionUser => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

export async function status(ctx: CallContext): Promise<AuthStatus> {
  const settings = await ctx.settings.get();
  const demo = await demoAccounts(ctx);
  const revoked = ctx.client.remote ? ((await ctx.host.desk(ctx.client.deskToken ?? null))?.revoked ?? false) : false;
  const lan = ctx.client.remote && { paired: ctx.desk !== null, deskName: ctx.desk?.name ?? null, revoked };
  return { needsSetup: (await userCount(ctx)) === 0, user: ctx.user, companyName: settings.company.name, now: ctx.now().toISOString(), ...(demo && { demoAccounts: demo }), ...(lan && { lan }) };
}

export async function setup(ctx: CallContext, input: ParsedInputOf<'auth.setup'>): Promise<SessionUser> {
  const hash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  const user = await ctx.db.write(async (tx) => {
    const [{ n }] = (await tx.query<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE password_hash <> ?', [''])) as [{ n: number }];
    if (n > 0) throw new AppError('SETUP_DONE');
    const values = { username: input.username, display_name: input.displayName, role: 'admin', password_hash: hash };
    const id = await tx.insert('users', { ...values, ...created(at, null) });
    await audit(tx, at, id, 'users', id, 'create', null, { username: input.username, role: 'admin' });
    return { id, username: input.username, displayName: input.displayName, role: 'admin' as const };
  });
  ctx.client.sessionId = await ctx.sessions.start(user);
  return user;
}

/**
 * Every try runs the same work whatever the name: one scrypt (also for a locked, unknown or deactivated
 * name), and the same lockout, so neither the answer nor its time tells which accounts exist.
 */
export async function login(ctx: CallContext, input: ParsedInputOf<'auth.login'>): Promise<SessionUser> {
  const address = ctx.client.remote?.address;
  const addressLock = address ? ctx.addressLockouts.lockedUntil(address, ctx.now()) : null;
  if (addressLock) throw await addressLocked(ctx, addressLock);
  try {
    return await checkLogin(ctx, input);
  } catch (error) {
    // Every refusal from a LAN address counts against it, whichever names it tried.
    const until = address && error instanceof AppError ? ctx.addressLockouts.fail(address, ctx.now()) : null;
    throw until ? await addressLocked(ctx, until) : error;
  }
}

async function checkLogin(ctx: CallContext, input: ParsedInputOf<'auth.login'>): Promise<SessionUser> {
  const found = await ctx.db.get<UserAuthRow>('SELECT * FROM users WHERE username = ? COLLATE NOCASE', [input.username]);
  const row = found && found.active && found.password_hash ? found : null;
  const passwordOk = await verifyPassword(input.password, row?.password_hash ?? NO_ACCOUNT_HASH);
  const now = ctx.now();
  if (!row) throw await refuseName(ctx, input.username, now);
  if (row.locked_until && row.locked_until > now.toISOString()) throw await locked(ctx, row.locked_until);
  if (!passwordOk) throw await countFailure(ctx, row.id, now);
  const at = now.toISOString();
  await ctx.db.write(async (tx) => {
    await tx.run('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?', [row.id]);
    await audit(tx, at, row.id, 'users', row.id, 'login', null, null);
  });
  ctx.sessions.end(ctx.client.sessionId);
  const user = toSessionUser(row);
  ctx.client.sessionId = await ctx.sessions.start(user, ctx.desk?.id ?? null);
  return user;
}

/** A wrong password on an account: counted, and the fifth locks it. */
async function countFailure(ctx: CallContext, id: number, now: Date): Promise<AppError> {
  const at = now.toISOString();
  const lockUntil = await ctx.db.write(async (tx) => {
    const fresh = await tx.query<{ failed_logins: number }>('SELECT failed_logins FROM users WHERE id = ?', [id]);
    const count = (fresh[0]?.failed_logins ?? 0) + 1;
    const until = count >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await tx.run('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?', [until ? 0 : count, until, id]);
    if (until) await audit(tx, at, null, 'users', id, 'lockout', null, { lockedUntil: until });
    return until;
  });
  return lockUntil ? locked(ctx, lockUntil) : new AppError('BAD_CREDENTIALS');
}

/** A name that is no usable account gets the account's answers: wrong password, then locked. */
async function refuseName(ctx: CallContext, name: string, now: Date): Promise<AppError> {
  const until = ctx.lockouts.lockedUntil(name, now) ?? ctx.lockouts.fail(name, now);
  return until ? locked(ctx, until) : new AppError('BAD_CREDENTIALS');
}

/** The lock's end as the desk's wall-clock time ("14:35"), in the caller's language. */
async function locked(ctx: CallContext, until: string): Promise<AppError> {
  const { timeZone } = await ctx.settings.get();
  const time = new Intl.DateTimeFormat(ctx.client.locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(until));
  return new AppError('ACCOUNT_LOCKED', { params: { until: time } });
}

export async function logout(ctx: CallContext): Promise<null> {
  ctx.sessions.end(ctx.client.sessionId);
  ctx.client.sessionId = null;
  return null;
}

export async function changePassword(ctx: CallContext, input: ParsedInputOf<'auth.changePassword'>): Promise<null> {
  const me = actor(ctx);
  const row = await ctx.db.get<UserAuthRow>('SELECT * FROM users WHERE id = ?', [me.id]);
  if (!row || !(await verifyPassword(input.current, row.password_hash))) {
    throw new AppError('VALIDATION', { fields: { current: { key: 'error.BAD_CREDENTIALS', params: {} } } });
  }
  const hash = await hashPassword(input.next);
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    await tx.run('UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?', [hash, at, me.id, me.id]);
    await audit(tx, at, me.id, 'users', me.id, 'password', null, null);
  });
  // Whoever knew the old password (a stolen session, a desk left signed in) is out; this desk stays in.
  ctx.sessions.endUser(me.id, ctx.client.sessionId);
  return null;
}
