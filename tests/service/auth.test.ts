import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './harness';
import { MAX_FAILED_LOGINS, LOCKOUT_MINUTES } from '../../electron/core/services/auth.service';

let h: Harness;
afterEach(() => h?.close());

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
