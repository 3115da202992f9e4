/**
 * Desk mode relayed (issue 18): the desktop app's main process answers its renderer from the host over the pinned
 * HTTPS connection (electron/main/host-relay.ts), driven here through the real IPC transport (ipc.ts) with a fake
 * registrar and window, against a real LAN listener: a call relayed as the window's session, an error in the
 * user's words, the host's change notifications relayed (and back after the host went away), a slip rendered by
 * the host for this desk's printer, and a changed certificate refused in words.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lanListener, type LanListener } from '../../electron/host/lan-listener';
import { certificateFiles } from '../../electron/host/certificate';
import { pairWithHost } from '../../electron/main/host-connection';
import { connectHost } from '../../electron/main/host-relay';
import { registerIpc, type InvokeListener, type EventTarget } from '../../electron/main/ipc';
import type { RemoteCore } from '../../electron/main/core-relay';
import { EVENT_CHANNEL } from '../../shared/api/channels';
import type { Result } from '../../shared/api/result';
import { intake, openHarness, tempDir, type Harness } from './harness';

let h: Harness;
let lan: LanListener;
let relay: RemoteCore;
const logged: string[] = [];

const port = () => (lan.server()!.address() as { port: number }).port;
const startLan = (at = 0) => {
  lan = lanListener({ core: h.core, rendererDir: tempDir(), port: at, forced: true, now: () => h.clock.now, address: '127.0.0.1' });
  return lan.sync();
};

beforeEach(async () => {
  h = await openHarness();
  await h.signedIn();
  await startLan();
  const { pairingCode } = await h.core.host.get();
  const paired = await pairWithHost(`https://127.0.0.1:${port()}`, pairingCode, '前台3号', 'zh-CN');
  if (!paired.ok) throw new Error(JSON.stringify(paired.error));
  relay = connectHost(paired.connection, { log: (m) => logged.push(m), retryMs: 100 });
});
afterEach(async () => {
  await relay.close();
  await lan.stop();
  await h.close();
});

/** The renderer's side: the IPC transport over the relay, one window whose pushed events are recorded. */
function desk() {
  let handler: InvokeListener | null = null;
  const pushed: string[] = [];
  const transport = registerIpc({
    registrar: { handle: (_c, l) => void (handler = l), removeHandler: () => undefined },
    core: relay,
    isAppUrl: () => true,
    defaultLocale: 'zh-CN',
    log: () => undefined,
  });
  const window: EventTarget = { id: 7, send: (channel, payload) => channel === EVENT_CHANNEL && pushed.push((payload as { kind: string }).kind), isDestroyed: () => false, once: () => undefined };
  transport.attach(window);
  const call = (method: string, input: unknown, locale = 'zh-CN') => handler!({ sender: { id: 7 }, senderFrame: { url: 'file:///index.html', parent: null } }, method, input, locale) as Promise<Result<unknown>>;
  return { call, pushed, transport };
}

it('relays calls as the window signed in on the host, and errors in the user’s words', async () => {
  const { call } = desk();
  expect(await call('tickets.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(await call('auth.login', { username: 'clerk', password: 'clerk-pass-1' })).toMatchObject({ ok: true, value: { username: 'clerk' } });
  const created = await call('tickets.create', intake());
  expect(created.ok).toBe(true);
  expect(await call('tickets.list', { q: '13800135678' })).toMatchObject({ ok: true, value: { total: 1 } });
  // The host's trail names this desk.
  const row = await h.core.db.get<{ client: string }>("SELECT client FROM ticket_events WHERE kind = 'created'");
  expect(row?.client).toContain('前台3号');
  expect(await call('tickets.create', { ...intake(), contactPhone: '12' }, 'en')).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { contactPhone: expect.stringMatching(/phone/i) } } });
  expect(await call('users.create', { username: 'x', displayName: 'x', role: 'clerk', password: 'xxxx-pass-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
});

it('relays the host’s change notifications, and again after the host went away and came back', async () => {
  const { call, pushed } = desk();
  await call('auth.login', { username: 'clerk', password: 'clerk-pass-1' });
  const others = h.client();
  await h.ok(others, 'auth.login', { username: 'supervisor', password: 'supervisor-pass-1' });
  await expect.poll(async () => {
    await h.ok(others, 'tickets.create', intake());
    return pushed.includes('tickets');
  }, { timeout: 5000 }).toBe(true);
  const at = port();
  await lan.stop();
  await startLan(at);
  await expect.poll(() => pushed.includes('reconnected'), { timeout: 5000 }).toBe(true);
  pushed.length = 0;
  await h.ok(others, 'tickets.create', intake({ contactPhone: '13900001111', newCustomer: { name: '王女士', salutation: 'ms', phone: '13900001111' } }));
  await expect.poll(() => pushed.includes('tickets'), { timeout: 5000 }).toBe(true);
});

it('has the host render a slip for this desk’s printer', async () => {
  const { call, transport } = desk();
  await call('auth.login', { username: 'clerk', password: 'clerk-pass-1' });
  const { id } = ((await call('tickets.create', intake())) as { value: { id: number } }).value;
  // What print-ipc.ts asks before printing with this PC's printer and paper.
  const slip = await transport.dispatchFor(7, 'slips.render', { document: 'ticketAcceptance', id, paper: '58mm' });
  expect(slip).toMatchObject({ ok: true, value: { paper: '58mm', html: expect.stringContaining('受理回执') } });
});

it('refuses a host whose certificate changed, in words', async () => {
  const { call } = desk();
  await call('auth.login', { username: 'clerk', password: 'clerk-pass-1' });
  const at = port();
  await lan.stop();
  fs.rmSync(certificateFiles(h.dir).dir, { recursive: true });
  await startLan(at);
  expect(await call('tickets.list', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('主机的证书与配对时记下的不同') } });
  expect(await call('tickets.list', {}, 'en')).toMatchObject({ ok: false, error: { message: expect.stringContaining('not the one pinned at pairing') } });
  await expect.poll(() => logged.some((m) => m.includes('主机的证书与配对时记下的不同')), { timeout: 5000 }).toBe(true);
});

