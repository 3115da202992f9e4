import { afterEach, describe, expect, it, vi } from 'vitest';
import { openHarness, type Harness } from './harness';
import { MAX_FAILED_LOGINS, LOCKOUT_MINUTES } from '../../electron/core/services/auth.service';
import * as password from '../../electron/core/auth/password';

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

describe('first run and sign-in', () => {
  it('asks for the admin account on first run, and only once', async () => {
    h = await openHarness();
    const anon = h.client();
    expect((await h.ok(anon, 'auth.status', {})).needsSetup).toBe(true);
    const admin = await h.ok(anon, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct-horse' });
    expect(admin.role).toBe('admin');
    expect((await h.ok(anon, 'auth.status', {})).user?.username).toBe('admin');
    const again = await h.call(h.client(), 'auth.setup', { username: 'evil', displayName: 'x', password: 'password123' });
    expect(again.ok === false && again.error.code).toBe('SETUP_DONE');
  });

  it('stores passwords as scrypt hashes, never as text', async () => {
    h = await openHarness();
    await h.ok(h.client(), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct-horse' });
    const row = await h.core.db.get<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(row?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row?.password_hash).not.toContain('correct-horse');
  });

  it('locks the account after repeated failures, with a message in the caller language', async () => {
    h = await openHarness();
    await h.ok(h.client(), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct-horse' });
    const c = h.client();
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const r = await h.call(c, 'auth.login', { username: 'admin', password: 'wrong' });
      expect(r.ok === false && r.error).toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误。' });
    }
    const locked = await h.call(h.client('en'), 'auth.login', { username: 'admin', password: 'wrong' });
    expect(locked.ok === false && locked.error.code).toBe('ACCOUNT_LOCKED');
    // Clock 10:00 UTC + 15 minutes = 18:15 at the desk (Asia/Shanghai).
    expect(locked.ok === false && locked.error.message).toContain('locked until 18:15');
    const right = await h.call(c, 'auth.login', { username: 'admin', password: 'correct-horse' });
    expect(right.ok === false && right.error.code).toBe('ACCOUNT_LOCKED');
    h.clock.now = new Date(h.clock.now.getTime() + (LOCKOUT_MINUTES + 1) * 60_000);
    expect((await h.call(c, 'auth.login', { username: 'admin', password: 'correct-horse' })).ok).toBe(true);
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    h = await openHarness();
    await h.ok(h.client(), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct-horse' });
    const a = await h.call(h.client(), 'auth.login', { username: 'nobody', password: 'x' });
    const b = await h.call(h.client(), 'auth.login', { username: 'admin', password: 'x' });
    expect(a).toEqual(b);
  });

  it('an unknown name is locked like a real account: the same answers, try after try, and after the lock', async () => {
    h = await openHarness();
    await h.ok(h.client(), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct-horse' });
    const answers = async (username: string) => {
      const out = [];
      for (let i = 0; i <= MAX_FAILED_LOGINS; i++) out.push(await h.call(h.client(), 'auth.login', { username, password: 'wrong' }));
      return out;
    };
    const real = await answers('admin');
    const unknown = await answers('nobody');
    expect(unknown).toEqual(real);
    expect(real.map((r) => !r.ok && r.error.code)).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill('BAD_CREDENTIALS'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    h.clock.now = new Date(h.clock.now.getTime() + (LOCKOUT_MINUTES + 1) * 60_000);
    const [again] = await answers('nobody');
    expect(again?.ok === false && again.error.code).toBe('BAD_CREDENTIALS');
  });

  it('a locked, an unknown, an inactive and a known account all run the password hash once per try', async () => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    const clerk = (await h.ok(admin, 'users.list', {})).find((u) => u.username === 'clerk')!;
    await h.ok(admin, 'users.update', { id: clerk.id, version: clerk.version, displayName: 'clerk', role: 'clerk', active: false, productLines: [] });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await h.call(h.client(), 'auth.login', { username: 'engineer', password: 'nope' });
    const verify = vi.spyOn(password, 'verifyPassword');
    for (const username of ['engineer', 'nobody', 'clerk', 'supervisor']) {
      verify.mockClear();
      const r = await h.call(h.client(), 'auth.login', { username, password: 'nope' });
      expect(r.ok).toBe(false);
      expect(verify, username).toHaveBeenCalledTimes(1);
      // Against a stored scrypt hash every time: the same cost as a wrong password on a real account.
      expect(verify.mock.calls[0]?.[1], username).toMatch(/^scrypt\$16384\$8\$1\$/);
    }
  });

  it("changing one's password ends one's other sessions and keeps the current one", async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    const phone = h.client();
    await h.ok(phone, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    await h.ok(clerk, 'auth.changePassword', { current: 'clerk-pass-1', next: 'clerk-pass-2' });
    expect((await h.call(clerk, 'tickets.list', {})).ok).toBe(true);
    const other = await h.call(phone, 'tickets.list', {});
    expect(other.ok === false && other.error.code).toBe('UNAUTHENTICATED');
  });

  it("a password reset ends every session of the user, and no one else's", async () => {
    h = await openHarness();
    const { admin, clerk, engineer } = await h.signedIn();
    const id = (await h.ok(admin, 'users.list', {})).find((u) => u.username === 'clerk')!.id;
    await h.ok(admin, 'users.resetPassword', { id, password: 'new-clerk-pass' });
    const r = await h.call(clerk, 'tickets.list', {});
    expect(r.ok === false && r.error.code).toBe('UNAUTHENTICATED');
    expect((await h.call(engineer, 'tickets.list', {})).ok).toBe(true);
    expect((await h.call(admin, 'tickets.list', {})).ok).toBe(true);
  });

  it('signing out ends the session; a deactivated user is signed out at once', async () => {
    h = await openHarness();
    const { admin, clerk } = await h.signedIn();
    await h.ok(clerk, 'auth.logout', {});
    const after = await h.call(clerk, 'tickets.list', {});
    expect(after.ok === false && after.error.code).toBe('UNAUTHENTICATED');
    await h.ok(clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const users = await h.ok(admin, 'users.list', {});
    const row = users.find((u) => u.username === 'clerk')!;
    await h.ok(admin, 'users.update', { id: row.id, version: row.version, displayName: row.displayName, role: 'clerk', active: false, productLines: [] });
    const r = await h.call(clerk, 'tickets.list', {});
    expect(r.ok === false && r.error.code).toBe('UNAUTHENTICATED');
  });

  it('the last active admin cannot be demoted', async () => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    const me = (await h.ok(admin, 'users.list', {})).find((u) => u.username === 'admin')!;
    const r = await h.call(admin, 'users.update', { id: me.id, version: me.version, displayName: 'x', role: 'clerk', active: true, productLines: [] });
    expect(r.ok === false && r.error.code).toBe('CONFLICT');
  });

  it('a password reset lifts a lockout and the audit trail never holds the hash', async () => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await h.call(h.client(), 'auth.login', { username: 'clerk', password: 'nope' });
    const clerk = (await h.ok(admin, 'users.list', {})).find((u) => u.username === 'clerk')!;
    expect(clerk.lockedUntil).not.toBeNull();
    await h.ok(admin, 'users.resetPassword', { id: clerk.id, password: 'new-clerk-pass' });
    expect((await h.call(h.client(), 'auth.login', { username: 'clerk', password: 'new-clerk-pass' })).ok).toBe(true);
    const trail = await h.core.db.query<{ changes: string }>('SELECT changes FROM audit_log');
    expect(trail.map((r) => r.changes).join()).not.toMatch(/scrypt/);
  });
});
