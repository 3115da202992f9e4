/**
 * The desktop app runs the core in its own process and main only relays (electron/main/core-relay.ts).
 * Electron's utilityProcess cannot run here, so a plain Node child started from the same entry
 * (electron/core/process/entry.ts, structured-clone IPC like the utility process) stands in for it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectCore, type CoreChannel, type RemoteCore } from '../../electron/main/core-relay';
import { DatabaseOpenError } from '../../electron/core/db/open';
import { startupErrorText } from '../../electron/policy/shell-text';
import { asFromCore, asToCore, type ToCore } from '../../electron/core/process/protocol';
import type { Client } from '../../electron/core/context';
import { BENCH_ADMIN } from '../bench/common';
import { intake } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const NOW = '2026-11-24T10:00:00+08:00';

interface ForkedChannel extends CoreChannel {
  child: ChildProcess;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

function forkCore(): ForkedChannel {
  const child = fork(path.join(ROOT, 'electron/core/process/entry.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'relay-'));

async function signedIn(core: RemoteCore): Promise<Client> {
  const client: Client = { sessionId: null, locale: 'zh-CN' };
  const setup = await core.dispatch('auth.setup', BENCH_ADMIN, client);
  expect(setup.ok).toBe(true);
  return client;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('the core in its own process, main relaying', () => {
  it('answers calls as the in-process core does, keeps the session in main, relays changes and closes quickly', async () => {
    const channel = forkCore();
    const logs: string[] = [];
    const core = await connectCore(channel, { dataDir: dataDir(), now: NOW, log: (m, e) => logs.push(e ? `${m}: ${e}` : m) });
    // The start's background check and backups ran in the core's process, and main hears what they wrote.
    expect(await core.started).toEqual([expect.stringMatching(/daily/), expect.stringMatching(/monthly/)]);
    const client = await signedIn(core);
    // The session lives in main's client object: the child wrote it there through the reply.
    expect(client.sessionId).toMatch(/\S+/);

    const changes: string[] = [];
    core.events.on('change', (kind) => changes.push(kind));
    const created = await core.dispatch('tickets.create', intake({ contactName: '王芳' }), client);
    expect(created).toMatchObject({ ok: true, value: { number: expect.stringMatching(/^TS/) } });
    await expect.poll(() => changes).toContain('tickets');

    // Errors come back in the caller's words, exactly as the dispatcher words them.
    const bad = await core.dispatch('tickets.create', { contactPhone: 'x' }, { ...client, locale: 'en' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/need attention/) } });
    const stranger = await core.dispatch('users.list', {}, { sessionId: null, locale: 'zh-CN' });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } });

    const logout = await core.dispatch('auth.logout', {}, client);
    expect(logout.ok).toBe(true);
    expect(client.sessionId).toBeNull();

    expect(await core.noteQuit()).toMatch(/quit/);
    await core.close();
    expect(await channel.exited).toBe(0);
    expect(logs).toEqual([]);
  });

  it('gives each of many concurrent calls its own answer', async () => {
    const core = await connectCore(forkCore(), { dataDir: dataDir(), now: NOW, log: () => undefined });
    const client = await signedIn(core);
    const names = Array.from({ length: 30 }, (_, i) => `客户${i}`);
    const created = await Promise.all(names.map((contactName) => core.dispatch('tickets.create', intake({ contactName }), client)));
    const ids = created.map((r) => (r.ok ? (r.value as { id: number }).id : 0));
    expect(new Set(ids).size).toBe(names.length);
    const read = await Promise.all(ids.map((id) => core.dispatch('tickets.get', { id }, client)));
    expect(read.map((r) => (r.ok ? (r.value as { contactName: string }).contactName : r.error.message))).toEqual(names);
    await core.close();
  });

  it('refuses a damaged database in the startup words, as the in-process open does', async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'aftercare.sqlite'), Buffer.alloc(8192, 0x5a));
    const channel = forkCore();
    const error = await connectCore(channel, { dataDir: dir, now: NOW, log: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    const text = startupErrorText('zh-CN', error as DatabaseOpenError, path.join(dir, 'backups'));
    expect(text.message).toMatch(/数据库/);
    expect(text.detail).toContain(path.join(dir, 'aftercare.sqlite'));
    channel.kill();
  });

  it('answers in words when the core process dies mid-call, and every call after it', async () => {
    const channel = forkCore();
    let stoppedWith: number | null | undefined;
    const core = await connectCore(channel, { dataDir: dataDir(), now: NOW, log: () => undefined, onStopped: (code) => (stoppedWith = code) });
    const client = await signedIn(core);
    const waiting = core.dispatch('tickets.create', intake(), client);
    channel.child.kill('SIGKILL');
    const answer = await waiting;
    // Killed before or after the write: either way the caller gets an answer, never a hang.
    if (!answer.ok) expect(answer.error.message).toMatch(/后台数据服务已停止/);
    await channel.exited;
    expect(stoppedWith).toBeNull();
    expect(await core.dispatch('auth.status', {}, { ...client, locale: 'en' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/data service has stopped/) } });
    expect(await core.noteQuit()).toBeNull();
    await core.close();
  });

  it('keeps serving after messages outside the protocol, and logs them', async () => {
    const channel = forkCore();
    const logs: string[] = [];
    const core = await connectCore(channel, { dataDir: dataDir(), now: NOW, log: (m) => logs.push(m) });
    for (const junk of ['call', 42, null, [1, 2], { kind: 'call', id: -1, method: 'auth.status', client: { sessionId: null, locale: 'zh-CN' } }, { kind: 'call', id: 7, method: 5 }, { kind: 'open', dataDir: '/elsewhere', now: '' }, { kind: 'drop tables' }]) {
      channel.child.send(junk as never);
    }
    expect(await core.dispatch('auth.status', {}, { sessionId: null, locale: 'zh-CN' })).toMatchObject({ ok: true });
    await expect.poll(() => logs.filter((m) => /outside the protocol/.test(m)).length).toBe(7);
    expect(logs.some((m) => /opened twice/.test(m))).toBe(true);
    await core.close();
  });
});

describe('the relay on its own', () => {
  it('kills a core process that does not end after close', async () => {
    let killed = false;
    let exit: (code: number | null) => void = () => undefined;
    let answer: (message: unknown) => void = () => undefined;
    const silent: CoreChannel = {
      post: (message: ToCore) => {
        if (message.kind === 'open') queueMicrotask(() => answer({ kind: 'ready' }));
      },
      onMessage: (listener) => (answer = listener),
      onExit: (listener) => (exit = listener),
      kill: () => {
        killed = true;
        exit(null);
      },
    };
    const logs: string[] = [];
    const core = await connectCore(silent, { dataDir: '/data', now: '', log: (m) => logs.push(m) });
    answer({ kind: 'reply', id: 99, result: { ok: true, value: 1 }, sessionId: null });
    answer({ kind: 'reply', id: 'x' });
    await core.close(20);
    expect(killed).toBe(true);
    expect(logs).toEqual([expect.stringMatching(/call 99, which is not waiting/), expect.stringMatching(/outside the protocol/), expect.stringMatching(/did not end within 20 ms/)]);
  });

  it.each([
    [{ kind: 'ready' }, true],
    [{ kind: 'reply', id: 1, result: { ok: true, value: null }, sessionId: null }, true],
    [{ kind: 'reply', id: 1, result: { ok: false, error: { code: 'X', message: 'm' } }, sessionId: 's' }, true],
    [{ kind: 'reply', id: 0, result: { ok: true, value: null }, sessionId: null }, false],
    [{ kind: 'reply', id: 1, result: { ok: true }, sessionId: null }, false],
    [{ kind: 'reply', id: 1, result: { ok: false, error: 'boom' }, sessionId: null }, false],
    [{ kind: 'reply', id: 1.5, result: { ok: true, value: 1 }, sessionId: null }, false],
    [{ kind: 'change', change: 'tickets' }, true],
    [{ kind: 'change', change: 3 }, false],
    [{ kind: 'started', files: ['a'], error: null }, true],
    [{ kind: 'started', files: [1], error: null }, false],
    [{ kind: 'openFailed', reason: 'corrupt', file: 'f', message: 'm' }, true],
    [{ kind: 'log', message: 'm', error: 7 }, false],
    ['ready', false],
    [null, false],
  ])('main accepts %j from the core: %s', (message, accepted) => {
    expect(asFromCore(message) !== null).toBe(accepted);
  });

  it.each([
    [{ kind: 'open', dataDir: '/d', now: '' }, true],
    [{ kind: 'open', dataDir: '', now: '' }, false],
    [{ kind: 'call', id: 3, method: 'auth.status', input: {}, client: { sessionId: null, locale: 'en' } }, true],
    [{ kind: 'call', id: 3, method: 'auth.status', input: {}, client: { sessionId: null, locale: 'fr' } }, false],
    [{ kind: 'call', id: 3, method: 'auth.status', input: {}, client: null }, false],
    [{ kind: 'close', id: 1 }, true],
    [{ kind: 'close' }, false],
    [{ kind: 'noteQuit', id: Number.MAX_SAFE_INTEGER + 1 }, false],
  ])('the core accepts %j from main: %s', (message, accepted) => {
    expect(asToCore(message) !== null).toBe(accepted);
  });
});
