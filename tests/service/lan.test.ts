/**
 * Host mode in the core (issue 18): pairing and revocation, the per-address sign-in limit, the admin's idle
 * time, which desk made each change on the audit trail, and idempotent writes (a retried create makes one ticket).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** A client on the LAN at `address`, not yet paired. */
const remote = (address: string, locale: Client['locale'] = 'zh-CN'): Client => ({ sessionId: null, locale, remote: { address } });

async function pairedDesk(name: string, address: string): Promise<Client> {
  const desk = remote(address);
  const { pairingCode } = await h.core.host.get();
  await h.ok(desk, 'host.pair', { code: `${pairingCode.slice(0, 4)}-${pairingCode.slice(4)}`, deskName: name });
  expect(desk.deskToken).toMatch(/^[\w-]{40,}$/);
  return desk;
}

describe('pairing', () => {
  it('refuses a LAN call from a desk that is not paired, in words, but tells it so', async () => {
    const { admin } = await h.signedIn();
    void admin;
    const stranger = remote('192.168.1.50');
    const refused = await h.call(stranger, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('尚未与主机配对') } });
    const status = await h.ok(stranger, 'auth.status', {});
    expect(status.lan).toEqual({ paired: false, deskName: null, revoked: false });
  });

  it('refuses a wrong code on the code field, in both languages', async () => {
    for (const [locale, words] of [['zh-CN', '配对码不对'], ['en', 'Wrong pairing code']] as const) {
      const result = await h.call(remote('192.168.1.51', locale), 'host.pair', { code: '0000 0000', deskName: '前台2号' });
      const { pairingCode } = await h.core.host.get();
      if (pairingCode === '00000000') continue;
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: expect.stringContaining(words) } } });
    }
  });

  it('lets a paired desk sign in, and a revoked one is refused in words and signed out', async () => {
    const { admin } = await h.signedIn();
    const desk = await pairedDesk('前台2号', '192.168.1.52');
    await h.ok(desk, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    const info = await h.ok(admin, 'host.info', {});
    const listed = info.desks.find((d) => d.name === '前台2号')!;
    expect(listed).toMatchObject({ lastAddress: '192.168.1.52', revokedAt: null, lastSeenAt: h.clock.now.toISOString() });
    await h.ok(admin, 'host.revokeDesk', { id: listed.id });
    const after = await h.call(desk, 'tickets.list', { page: 1, pageSize: 10 } as never);
    expect(after).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('已撤销') } });
    expect(h.core.sessionAlive(desk.sessionId)).toBe(false);
    expect((await h.ok(desk, 'auth.status', {})).lan).toEqual({ paired: false, deskName: null, revoked: true });
  });

  it('pauses sign-in and pairing from an address after 20 refusals, whichever names it tried', async () => {
    await h.signedIn();
    const desk = await pairedDesk('前台3号', '192.168.1.53');
    for (let i = 0; i < 19; i++) {
      const r = await h.call(desk, 'auth.login', { username: `guess${i}`, password: 'wrong-pass' });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    }
    const twentieth = await h.call(desk, 'auth.login', { username: 'guess19', password: 'wrong-pass' });
    expect(twentieth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', message: expect.stringContaining('这个网络地址') } });
    // The right password from that address waits too; another address and the host PC are not held back.
    expect(await h.call(desk, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    const other = await pairedDesk('前台4号', '192.168.1.54');
    expect((await h.call(other, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
    h.clock.now = new Date(h.clock.now.getTime() + 16 * 60_000);
    expect((await h.call(desk, 'auth.login', { username: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('end after the idle time the admin set', async () => {
    const { admin, clerk } = await h.signedIn();
    const info = await h.ok(admin, 'host.info', {});
    expect(info.idleMinutes).toBe(720);
    await h.ok(admin, 'host.update', { lanEnabled: false, idleMinutes: 30, version: info.version });
    h.clock.now = new Date(h.clock.now.getTime() + 29 * 60_000);
    expect((await h.call(clerk, 'users.directory', {})).ok).toBe(true);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 60_000);
    expect(await h.call(clerk, 'users.directory', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('the audit trail', () => {
  it('says which desk made each change: its paired name and address, none for the host PC', async () => {
    const { admin } = await h.signedIn();
    const desk = await pairedDesk('前台2号', '192.168.1.60');
    await h.ok(desk, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    const fromDesk = await h.ok(desk, 'tickets.create', intake());
    const t = await h.ok(desk, 'tickets.get', { id: fromDesk.id });
    await h.ok(desk, 'tickets.move', { id: fromDesk.id, version: t.version, move: 'startDiagnosis', remoteGuidance: '' } as never);
    const local = await h.ok(admin, 'tickets.create', intake());
    const rows = await h.core.db.query<{ ticket_id: number; kind: string; client: string | null }>('SELECT ticket_id, kind, client FROM ticket_events ORDER BY id');
    expect(rows.filter((r) => r.ticket_id === fromDesk.id).map((r) => r.client)).toEqual(['前台2号 (192.168.1.60)', '前台2号 (192.168.1.60)']);
    expect(rows.filter((r) => r.ticket_id === local.id).map((r) => r.client)).toEqual([null]);
    const customers = await h.core.db.query<{ client: string | null }>("SELECT client FROM audit_log WHERE entity = 'customers' ORDER BY id");
    expect(customers.map((r) => r.client)).toEqual(['前台2号 (192.168.1.60)', null]);
    const page = await h.ok(admin, 'audit.list', { page: 1, pageSize: 50, actorId: null, entity: 'tickets', entityId: fromDesk.id, action: null, from: null, to: null, q: null });
    expect(page.rows.map((r) => r.client)).toContain('前台2号 (192.168.1.60)');
  });
});

describe('idempotent writes', () => {
  it('a create sent again with the same key gets the first answer and makes no second ticket', async () => {
    const { clerk } = await h.signedIn();
    const keyed = { ...clerk, idempotencyKey: 'create-0001-abcdef' };
    const first = await h.ok(keyed, 'tickets.create', intake());
    const again = await h.ok({ ...clerk, idempotencyKey: 'create-0001-abcdef' }, 'tickets.create', intake());
    expect(again).toEqual(first);
    const other = await h.ok({ ...clerk, idempotencyKey: 'create-0002-abcdef' }, 'tickets.create', intake({ contactPhone: '13900139000' }));
    expect(other.id).not.toBe(first.id);
    expect((await h.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets'))!.n).toBe(2);
  });

  it('two sends of one key at once make one ticket, and both get its answer', async () => {
    const { clerk } = await h.signedIn();
    const send = () => h.ok({ ...clerk, idempotencyKey: 'together-0001' }, 'tickets.create', intake());
    const [a, b] = await Promise.all([send(), send()]);
    expect(a).toEqual(b);
    expect((await h.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets'))!.n).toBe(1);
  });

  it('keeps a key 24 hours; a refused write keeps none, so its retry runs again', async () => {
    const { clerk } = await h.signedIn();
    const refused = await h.call({ ...clerk, idempotencyKey: 'refused-0001' }, 'tickets.create', intake({ contactPhone: '1' }));
    expect(refused.ok).toBe(false);
    expect((await h.call({ ...clerk, idempotencyKey: 'refused-0001' }, 'tickets.create', intake())).ok).toBe(true);
    expect((await h.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM idempotency_keys'))!.n).toBe(1);
    h.clock.now = new Date(h.clock.now.getTime() + 25 * 60 * 60_000);
    await h.ok(clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    await h.ok({ ...clerk, idempotencyKey: 'later-0001' }, 'tickets.create', intake());
    expect(await h.core.db.query('SELECT key FROM idempotency_keys')).toEqual([{ key: 'later-0001' }]);
  });
});

describe('presence', () => {
  it('shows who else edits a ticket, until they close the form or their desk vanishes', async () => {
    const { clerk, supervisor } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    await h.ok(clerk, 'presence.set', { ticketId: id, editing: true });
    expect(await h.ok(supervisor, 'presence.get', { ticketId: id })).toEqual(['clerk']);
    expect(await h.ok(clerk, 'presence.get', { ticketId: id })).toEqual([]);
    await h.ok(clerk, 'presence.set', { ticketId: id, editing: false });
    expect(await h.ok(supervisor, 'presence.get', { ticketId: id })).toEqual([]);
    await h.ok(clerk, 'presence.set', { ticketId: id, editing: true });
    h.clock.now = new Date(h.clock.now.getTime() + 91_000);
    expect(await h.ok(supervisor, 'presence.get', { ticketId: id })).toEqual([]);
  });
});
