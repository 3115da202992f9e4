/** The Electron transport, driven through a fake registrar against a real core on a temporary data directory. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/api/channels';
import { openCore, type Core } from '../../../electron/core';
import { registerIpc, type EventTarget, type InvokeEvent, type InvokeListener, type IpcRegistrar } from '../../../electron/main/ipc';
import { isAppUrl } from '../../../electron/policy/sender';

const INDEX = 'file:///opt/Aftercare/resources/app.asar/out/renderer/index.html';
const own = (id: number, url = `${INDEX}#/`): InvokeEvent => ({ sender: { id }, senderFrame: { url, parent: null } });

class FakeRegistrar implements IpcRegistrar {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(INVOKE_CHANNEL);
    if (!listener) throw new Error('no handler');
    return listener(event, ...args);
  }
}

class FakeWindow implements EventTarget {
  readonly sent: { channel: string; payload: unknown }[] = [];
  private onDestroyed: (() => void) | null = null;
  destroyed = false;
  constructor(readonly id: number) {}
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void): void {
    this.onDestroyed = listener;
  }
  destroy(): void {
    this.destroyed = true;
    this.onDestroyed?.();
  }
}

let dir = '';
let core: Core;
let registrar: FakeRegistrar;
let dispatch: ReturnType<typeof vi.fn<Core['dispatch']>>;
let locales: string[];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-ipc-'));
  core = await openCore({ dataDir: dir, log: () => {} });
  dispatch = vi.fn<Core['dispatch']>((method, input, client) => core.dispatch(method, input, client));
  registrar = new FakeRegistrar();
  locales = [];
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function wire() {
  return registerIpc({
    registrar,
    core: { dispatch, events: core.events },
    isAppUrl: (url) => isAppUrl(url, { indexFileUrl: INDEX }),
    defaultLocale: 'zh-CN',
    log: () => {},
    onLocale: (l) => locales.push(l),
  });
}

describe('IPC wiring', () => {
  it('registers exactly one invoke channel', () => {
    wire();
    expect([...registrar.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('dispatches auth.status for the app’s own frame', async () => {
    wire();
    const result = await registrar.invoke(own(1), 'auth.status', {}, 'zh-CN');
    expect(result).toMatchObject({ ok: true, value: { needsSetup: true, user: null } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another page', { url: 'https://evil.test/', parent: null }],
    ['another local file', { url: 'file:///tmp/index.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a subframe of the app', { url: INDEX, parent: {} }],
    ['a frame that is gone', null],
  ])('refuses %s without dispatching', async (_name, senderFrame) => {
    wire();
    const result = await registrar.invoke({ sender: { id: 1 }, senderFrame }, 'auth.status', {}, 'en');
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('keeps one session per window: a login in one window does not sign in another', async () => {
    wire();
    const setup = await registrar.invoke(own(1), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct horse 1' }, 'zh-CN');
    expect(setup).toMatchObject({ ok: true });
    expect(await registrar.invoke(own(1), 'auth.status', {}, 'zh-CN')).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    expect(await registrar.invoke(own(2), 'auth.status', {}, 'zh-CN')).toMatchObject({ ok: true, value: { user: null } });
  });

  it('signs a window’s session out when the window is destroyed', async () => {
    const transport = wire();
    const win = new FakeWindow(1);
    transport.attach(win);
    await registrar.invoke(own(1), 'auth.setup', { username: 'admin', displayName: '管理员', password: 'correct horse 1' }, 'zh-CN');
    win.destroy();
    await vi.waitFor(() => expect(dispatch.mock.calls.at(-1)?.[0]).toBe('auth.logout'));
    // Answered ok only because the window's session was still signed in; the dispatcher then cleared it.
    await expect(dispatch.mock.results.at(-1)?.value).resolves.toEqual({ ok: true, value: null });
    expect(await registrar.invoke(own(1), 'auth.status', {}, 'zh-CN')).toMatchObject({ ok: true, value: { user: null } });
  });

  it('answers in the caller’s language and reports a language change once', async () => {
    wire();
    const unknownEn = await registrar.invoke(own(1), 'no.such', {}, 'en');
    const unknownZh = await registrar.invoke(own(1), 'no.such', {}, 'zh-CN');
    await registrar.invoke(own(1), 'no.such', {}, 'zh-CN');
    expect(unknownEn).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(unknownZh).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(unknownEn).not.toEqual(unknownZh);
    expect(locales).toEqual(['en', 'zh-CN']);
  });

  it('treats a non-string method as unknown and an unknown locale as the current one', async () => {
    wire();
    expect(await registrar.invoke(own(1), { toString: 'x' }, {}, 'fr')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(locales).toEqual([]);
  });

  it('forwards change events to open windows only, and stops after dispose', () => {
    const transport = wire();
    const a = new FakeWindow(1);
    const b = new FakeWindow(2);
    transport.attach(a);
    transport.attach(b);
    b.destroy();
    core.events.emit('change', 'tickets');
    expect(a.sent).toEqual([{ channel: EVENT_CHANNEL, payload: { kind: 'tickets' } }]);
    expect(b.sent).toEqual([]);
    transport.dispose();
    core.events.emit('change', 'tickets');
    expect(a.sent).toHaveLength(1);
    expect(registrar.handlers.size).toBe(0);
  });
});
