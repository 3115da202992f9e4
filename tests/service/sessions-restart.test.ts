/**
 * Sessions survive a restart of the core (issue 18): the `sessions` table keeps only each token's hash, and
 * the idle time, a revoked desk, a password reset and a deactivated account still end them.
 */
import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { openHarness, tempDir, type Harness } from './harness';
import type { Client } from '../../electron/core/context';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close().catch(() => undefined);
});

async function harness(dir: string, at = '2026-11-24T10:00:00Z'): Promise<Harness> {
  const h = await openHarness(dir, { now: () => new Date(at) });
  open.push(h);
  return h;
}

/** The core closed and opened again on the same folder, the clock at `at`. */
async function restart(h: Harness, at?: string): Promise<Harness> {
  await h.close();
  open.splice(open.indexOf(h), 1);
  return harness(h.dir, at);
}

const signedInAs = async (h: Harness, client: Client) => {
  const answer = await h.call(client, 'tickets.list', { pageSize: 5 });
  return answer.ok ? 'signed in' : answer.error.code;
};

it('keeps a signed-in desk signed in across a restart, and stores only the hash of its token', async () => {
  const h = await harness(tempDir());
  const { clerk, engineer } = await h.signedIn();
  const after = await restart(h);
  expect(await signedInAs(after, clerk)).toBe('signed in');
  expect((await after.ok(engineer, 'auth.status', {})).user).toMatchObject({ username: 'engineer', role: 'engineer' });
  const rows = await after.core.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
  const hashes = rows.map((r) => r.token_hash);
  expect(hashes).toContain(createHash('sha256').update(clerk.sessionId!).digest('hex'));
  expect(hashes).not.toContain(clerk.sessionId);
});

it('ends a session left idle longer than the idle time, also across a restart', async () => {
  const h = await harness(tempDir());
  const { clerk } = await h.signedIn();
  const within = await restart(h, '2026-11-24T21:59:00Z');
  expect(await signedInAs(within, clerk)).toBe('signed in');
  const past = await restart(within, '2026-11-25T10:00:00Z');
  expect(await signedInAs(past, clerk)).toBe('UNAUTHENTICATED');
  expect(await past.core.db.query('SELECT * FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)', ['clerk'])).toEqual([]);
});

it('keeps a signed-out, password-reset or deactivated account signed out after a restart', async () => {
  const h = await harness(tempDir());
  const { admin, clerk, engineer, supervisor } = await h.signedIn();
  const users = await h.ok(admin, 'users.list', {});
  const id = (name: string) => users.find((u) => u.username === name)!.id;
  await h.ok(clerk, 'auth.logout', {});
  const engineerRow = users.find((u) => u.username === 'engineer')!;
  await h.ok(admin, 'users.update', { id: engineerRow.id, version: engineerRow.version, displayName: engineerRow.displayName, role: 'engineer', active: false, productLines: [] });
  await h.ok(admin, 'users.resetPassword', { id: id('supervisor'), password: 'new-pass-123' });
  const after = await restart(h);
  for (const client of [clerk, engineer, supervisor]) expect(await signedInAs(after, client)).toBe('UNAUTHENTICATED');
  expect(await signedInAs(after, admin)).toBe('signed in');
});

it('keeps a revoked desk signed out after a restart', async () => {
  const h = await harness(tempDir());
  const { admin } = await h.signedIn();
  const desk: Client = { sessionId: null, locale: 'zh-CN', remote: { address: '192.168.1.52' } };
  const { pairingCode } = await h.core.host.get();
  await h.ok(desk, 'host.pair', { code: pairingCode, deskName: '前台2号' });
  await h.ok(desk, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
  const token = desk.sessionId;
  const kept = await restart(h);
  expect(kept.core.sessionAlive(token)).toBe(true);
  const listed = (await kept.ok(admin, 'host.info', {})).desks.find((d) => d.name === '前台2号')!;
  await kept.ok(admin, 'host.revokeDesk', { id: listed.id });
  const after = await restart(kept);
  expect(after.core.sessionAlive(token)).toBe(false);
  expect(await after.core.db.query('SELECT * FROM sessions WHERE desk_id = ?', [listed.id])).toEqual([]);
});
