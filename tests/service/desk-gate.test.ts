/**
 * The desktop app's first start, 本机 / 连接到主机 (issue 18), through the pre-core dispatcher (desk-gate.ts) against a
 * real host on the LAN started here: a good code writes connection.json with the pinned fingerprint and the desk then
 * answers from the host; a wrong code, an unreachable address, a malformed one, something that is no host, and a
 * certificate not the host's own (a proxy in between) are refused in words on their field; 本机 opens the core;
 * bad input of every shape is answered, never thrown; a running core says what it is and refuses to choose again.
 * A pairing made in this start is undone (connection.json gone, the relay closed, asked again); nowhere else.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanListener, type LanListener } from '../../electron/host/lan-listener';
import { hostCertificate } from '../../electron/host/certificate';
import { readDeskChoice, saveDeskChoice, startingChoice } from '../../electron/main/desk-choice';
import { createDeskGate, type DeskGate } from '../../electron/main/desk-gate';
import { connectHost } from '../../electron/main/host-relay';
import type { RemoteCore } from '../../electron/main/core-relay';
import type { Client } from '../../electron/core/context';
import type { Result } from '../../shared/api/result';
import { hostileValue, pollutingObject, prng } from './fuzz-inputs';
import { openHarness, tempDir, type Harness } from './harness';

let host: Harness;
let lan: LanListener;
let address: string;
const closers: (() => Promise<unknown> | void)[] = [];

beforeAll(async () => {
  host = await openHarness();
  await host.signedIn();
  lan = lanListener({ core: host.core, rendererDir: tempDir(), port: 0, forced: true, now: () => host.clock.now, address: '127.0.0.1' });
  await lan.sync();
  address = `127.0.0.1:${(lan.server()!.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await lan.stop();
  await host.close();
});

const client = (locale: Client['locale'] = 'zh-CN'): Client => ({ sessionId: null, locale });

/** A gate on an empty data folder, as index.ts makes it: 本机 opens a core there, 连接到主机 the relay, undone it closes. */
function gate(dir = tempDir('aftercare-desk-')): { gate: DeskGate; dir: string; relays: { closed: boolean }[] } {
  const relays: { closed: boolean; relay: RemoteCore }[] = [];
  const made = createDeskGate({
    dataDir: dir,
    computerName: '前台电脑',
    openLocal: async () => {
      const local = await openHarness(dir);
      closers.push(() => local.close());
      return local.core;
    },
    openHost: (connection) => {
      const relay: RemoteCore = connectHost(connection, { log: () => undefined });
      closers.push(() => relay.close());
      relays.push({ closed: false, relay });
      return relay;
    },
    dropHost: async () => {
      const open = relays.at(-1)!;
      open.closed = true;
      await open.relay.close();
    },
    log: () => undefined,
  });
  return { gate: made, dir, relays };
}

/** An HTTPS proxy with a certificate of its own, passing each request on to the host as its own (a man in the middle). */
async function foreignProxy(): Promise<string> {
  const own = await hostCertificate(tempDir(), host.clock.now);
  const proxy = https.createServer({ key: own.key, cert: own.cert }, (req, res) => {
    const onward = https.request(`https://${address}${req.url}`, { method: req.method, headers: { ...req.headers, host: address }, rejectUnauthorized: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(onward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => proxy.close(resolve)));
  return `127.0.0.1:${(proxy.address() as { port: number }).port}`;
}

/** An HTTPS server that is not an Aftercare host (a router's page). */
async function notAHost(): Promise<string> {
  const own = await hostCertificate(tempDir(), host.clock.now);
  const server = https.createServer({ key: own.key, cert: own.cert }, (_req, res) => res.end('<html>router</html>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(resolve)));
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('连接到主机', () => {
  it('refuses a malformed address, an unreachable one, no host, a wrong code and a foreign certificate on their fields; the right code pins the host', async () => {
    const { gate: g, dir } = gate();
    expect(await g.dispatch('desk.choice', {}, client())).toEqual({ ok: true, value: { mode: 'ask', computerName: '前台电脑', ready: false } });
    // Nothing else answers before the choice: in words.
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('请先选择「本机」或「连接到主机」') } });
    expect(await g.dispatch('tickets.list', {}, client('en'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('Choose "This PC"') } });
    const { pairingCode } = await host.core.host.get();
    const choose = (at: string, code = pairingCode, locale: Client['locale'] = 'zh-CN') => g.dispatch('desk.chooseHost', { address: at, code, deskName: '前台5号' }, client(locale));

    for (const malformed of ['192.168.1.20:99999', 'http://192.168.1.20:5179', '192.168.1.20/tickets', 'host name', '-bad-.local']) {
      expect(await choose(malformed), malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { address: expect.stringContaining('地址的写法不对') } } });
    }
    expect(await choose('127.0.0.1:1', pairingCode, 'en')).toMatchObject({ ok: false, error: { fields: { address: expect.stringContaining('Cannot reach the host') } } });
    expect(await choose(await notAHost())).toMatchObject({ ok: false, error: { fields: { address: expect.stringContaining('不是售后服务中心的主机') } } });
    expect(await choose(address, '1234 0000')).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: expect.stringContaining('配对码不对') } } });
    const foreign = await choose(await foreignProxy());
    expect(foreign).toMatchObject({ ok: false, error: { fields: { address: expect.stringContaining('不是主机自己的') } } });
    expect(readDeskChoice(dir)).toBeNull();
    expect(await g.dispatch('desk.choice', {}, client())).toMatchObject({ ok: true, value: { mode: 'ask' } });

    // The address as the host's page shows it, and the code with its space.
    const fingerprint = host.core.host.endpoint.fingerprint!;
    const paired = await choose(`https://${address}/`, `${pairingCode.slice(0, 4)} ${pairingCode.slice(4)}`);
    expect(paired).toEqual({ ok: true, value: { mode: 'host', computerName: '前台电脑', ready: true, fingerprint } });
    expect(readDeskChoice(dir)).toMatchObject({ mode: 'host', url: `https://${address}`, fingerprint });
    expect(startingChoice(dir)).toMatchObject({ mode: 'host', fingerprint });
    // From now on the desk answers from the host: paired, and its accounts sign in.
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: true, value: { needsSetup: false, lan: { paired: true } } });
    const clerk = client();
    expect(await g.dispatch('auth.login', { username: 'clerk', password: 'clerk-pass-1' }, clerk)).toMatchObject({ ok: true, value: { username: 'clerk' } });
    expect(await g.dispatch('desk.choice', {}, clerk)).toMatchObject({ ok: true, value: { mode: 'host', ready: true } });
    expect(await g.dispatch('desk.chooseLocal', {}, client())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这台电脑已经选过连接到主机，不能再更改。' } });
    // The host's admin sees the desk by the name it gave.
    const admin = host.client();
    await host.ok(admin, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await host.ok(admin, 'host.info', {})).desks.map((d) => d.name)).toContain('前台5号');
  });

  it('answers bad input of every shape in words, never throws', async () => {
    const { gate: g } = gate();
    const rng = prng(18);
    const shapes: unknown[] = [undefined, null, 0, 'x', [], pollutingObject(rng), { address: 1, code: [], deskName: {} }, { address: 'a'.repeat(10_000), code: '1', deskName: 'x' }];
    for (let i = 0; i < 40; i++) shapes.push(hostileValue(rng), { address: hostileValue(rng), code: hostileValue(rng), deskName: hostileValue(rng) });
    for (const method of ['desk.choice', 'desk.undoPairing', 'desk.chooseLocal', 'desk.chooseHost', 'desk.nothing', '', '__proto__', 'tickets.create']) {
      for (const input of method === 'desk.chooseLocal' || method === 'desk.undoPairing' ? ['x', 7, { extra: 1 }] : shapes) {
        const result = (await g.dispatch(method, input, client(rng() < 0.5 ? 'en' : 'zh-CN'))) as Result<unknown>;
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(await g.dispatch('desk.choice', {}, client())).toMatchObject({ ok: true, value: { mode: 'ask' } });
  });
});

describe('指纹不一致，取消配对', () => {
  it('undoes a pairing made in this start: connection.json goes, the relay closes, the desk asks again and 本机 then works', async () => {
    const { gate: g, dir, relays } = gate();
    const { pairingCode } = await host.core.host.get();
    expect(await g.dispatch('desk.chooseHost', { address, code: pairingCode, deskName: '前台6号' }, client())).toMatchObject({ ok: true, value: { mode: 'host', ready: true } });
    expect(fs.existsSync(path.join(dir, 'connection.json'))).toBe(true);
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: true, value: { lan: { paired: true } } });

    expect(await g.dispatch('desk.undoPairing', {}, client())).toEqual({ ok: true, value: { mode: 'ask', computerName: '前台电脑', ready: false } });
    expect(fs.existsSync(path.join(dir, 'connection.json'))).toBe(false);
    expect(relays).toEqual([expect.objectContaining({ closed: true })]);
    expect(startingChoice(dir)).toBeNull();
    expect(await g.dispatch('desk.choice', {}, client())).toEqual({ ok: true, value: { mode: 'ask', computerName: '前台电脑', ready: false } });
    // Nothing answers from that host any more: in words, as before the choice.
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('请先选择「本机」或「连接到主机」') } });
    // Once only: there is nothing left to undo.
    expect(await g.dispatch('desk.undoPairing', {}, client('en'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'This PC was not paired with a host during this start: there is no pairing to undo here.' } });

    // The next choice is made as at a first start: 本机 opens the core on the folder.
    expect(await g.dispatch('desk.chooseLocal', {}, client())).toEqual({ ok: true, value: { mode: 'local', computerName: '前台电脑', ready: true } });
    expect(readDeskChoice(dir)).toEqual({ mode: 'local' });
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(await g.dispatch('desk.undoPairing', {}, client())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('没有可以在这里取消的配对') } });
  });

  it('is refused in words where nothing was paired in this start: asking, 本机, a desk paired at an earlier start, a running core', async () => {
    const undone = { code: 'FORBIDDEN', message: '这台电脑不是在本次启动时刚与主机配对的，没有可以在这里取消的配对。' };
    const { gate: asking, dir } = gate();
    expect(await asking.dispatch('desk.undoPairing', {}, client())).toMatchObject({ ok: false, error: undone });
    expect(await asking.dispatch('desk.choice', {}, client())).toMatchObject({ ok: true, value: { mode: 'ask' } });
    expect(fs.readdirSync(dir)).toEqual([]);

    const earlier = tempDir('aftercare-desk-');
    const kept = { mode: 'host' as const, url: `https://${address}`, fingerprint: host.core.host.endpoint.fingerprint!, deskToken: 'x'.repeat(40) };
    saveDeskChoice(earlier, kept);
    const later = createDeskGate({ dataDir: earlier, computerName: '前台电脑', openLocal: () => Promise.reject(new Error('opened')), log: () => undefined, chosen: { mode: 'host', answerer: host.core } });
    expect(await later.dispatch('desk.undoPairing', {}, client())).toMatchObject({ ok: false, error: undone });
    expect(readDeskChoice(earlier)).toEqual(kept);
    expect(await later.dispatch('desk.choice', {}, client())).toMatchObject({ ok: true, value: { mode: 'host', ready: true } });

    expect(await host.call(host.client('zh-CN'), 'desk.undoPairing', {})).toMatchObject({ ok: false, error: undone });
    expect(await host.call(host.client('en'), 'desk.undoPairing', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('no pairing to undo') } });
  });
});

describe('本机', () => {
  it('opens the core on the data folder, which goes on to the first-run setup and is never asked again', async () => {
    const { gate: g, dir } = gate();
    const chosen = await g.dispatch('desk.chooseLocal', {}, client());
    expect(chosen).toEqual({ ok: true, value: { mode: 'local', computerName: '前台电脑', ready: true } });
    expect(readDeskChoice(dir)).toEqual({ mode: 'local' });
    expect(await g.dispatch('auth.status', {}, client())).toMatchObject({ ok: true, value: { needsSetup: true } });
    expect(await g.dispatch('desk.chooseHost', { address, code: '1', deskName: 'x' }, client('en'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'This PC has already chosen This PC: it cannot be changed.' } });
    expect(startingChoice(dir)).toEqual({ mode: 'local' });
  });

  it('at a later start says what the desk is: a desk relayed from its host is `host`, and chooses nothing again', async () => {
    const local = await openHarness();
    closers.push(() => local.close());
    const later = createDeskGate({ dataDir: local.dir, computerName: '前台电脑', openLocal: () => Promise.reject(new Error('opened twice')), log: () => undefined, chosen: { mode: 'host', answerer: local.core } });
    expect(await later.dispatch('desk.choice', {}, client())).toEqual({ ok: true, value: { mode: 'host', computerName: '前台电脑', ready: true } });
    expect(await later.dispatch('desk.chooseLocal', {}, client())).toMatchObject({ ok: false, error: { message: '这台电脑已经选过连接到主机，不能再更改。' } });
    expect(await later.dispatch('auth.status', {}, client())).toMatchObject({ ok: true, value: { needsSetup: true } });
  });

  it('is asked at the first start only: a folder with a database is 本机 without asking, written down', () => {
    const empty = tempDir('aftercare-desk-');
    expect(startingChoice(empty)).toBeNull();
    expect(fs.readdirSync(empty)).toEqual([]);
    const older = tempDir('aftercare-desk-');
    fs.writeFileSync(path.join(older, 'aftercare.sqlite'), '');
    expect(startingChoice(older)).toEqual({ mode: 'local' });
    expect(readDeskChoice(older)).toEqual({ mode: 'local' });
    const kept = tempDir('aftercare-desk-');
    saveDeskChoice(kept, { mode: 'local' });
    expect(startingChoice(kept)).toEqual({ mode: 'local' });
  });

  it('a running core says it keeps the data here, and refuses to choose again in words', async () => {
    const c = host.client('zh-CN');
    expect(await host.call(c, 'desk.choice', {})).toMatchObject({ ok: true, value: { mode: 'local', ready: true } });
    expect(await host.call(c, 'desk.chooseLocal', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '这台电脑已经选过本机，不能再更改。' } });
    expect(await host.call(host.client('en'), 'desk.chooseHost', { address, code: '1', deskName: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'This PC has already chosen This PC: it cannot be changed.' } });
  });
});
