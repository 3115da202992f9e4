/**
 * The Electron transport: one invoke channel into the core's dispatcher, one event channel out.
 * Written against tiny interfaces instead of `ipcMain`/`WebContents` so a test can drive it with a
 * fake registrar and a real core; nothing here imports `electron` at runtime.
 */
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/api/channels';
import type { Result } from '../../shared/api/result';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import type { Client } from '../core/context';
import type { Core } from '../core';
import { isLocale } from '../policy/shell-text';

/** The parts of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export type InvokeListener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** `ipcMain` satisfies this; so does a test's fake. */
export interface IpcRegistrar {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

/** The parts of a WebContents the transport needs to push events and notice a closed window. */
export interface EventTarget {
  readonly id: number;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcOptions {
  registrar: IpcRegistrar;
  core: Pick<Core, 'dispatch' | 'events'>;
  /** The sender check (policy/sender.ts bound to this app's URLs). */
  isAppUrl: (url: string) => boolean;
  defaultLocale: Locale;
  log: (message: string) => void;
  /** Called when a window's UI language changes, so the menu can follow it. */
  onLocale?: (locale: Locale) => void;
}

export interface IpcTransport {
  /** Starts pushing change events to this window; its session ends when it is destroyed. */
  attach(target: EventTarget): void;
  /** Calls the core as the user signed in in that window (the print channel renders slips so). */
  dispatchFor(senderId: number, method: string, input: unknown): Promise<Result<unknown>>;
  dispose(): void;
}

function refused(locale: Locale): Result<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message: translate(locale, 'error.FORBIDDEN') } };
}

export function registerIpc({ registrar, core, isAppUrl, defaultLocale, log, onLocale }: IpcOptions): IpcTransport {
  // One Client per window: the dispatcher writes the session id into it on login/logout, so the
  // session stays in main and the renderer never holds a token it could leak.
  const clients = new Map<number, Client>();
  const targets = new Map<number, EventTarget>();

  const clientFor = (id: number): Client => {
    let client = clients.get(id);
    if (!client) {
      client = { sessionId: null, locale: defaultLocale };
      clients.set(id, client);
    }
    return client;
  };

  registrar.handle(INVOKE_CHANNEL, async (event, method, input, locale) => {
    const frame = event.senderFrame;
    // Only the top frame of our own page may call: not a frame that navigated elsewhere, not a subframe.
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      log(`IPC refused: sender ${event.sender.id} frame ${frame ? frame.url : '(gone)'}`);
      return refused(isLocale(locale) ? locale : defaultLocale);
    }
    const client = clientFor(event.sender.id);
    if (isLocale(locale) && locale !== client.locale) {
      client.locale = locale;
      onLocale?.(locale);
    }
    // A non-string method becomes '', which the dispatcher answers with UNKNOWN_METHOD.
    return core.dispatch(typeof method === 'string' ? method : '', input, client);
  });

  const forward = (kind: string): void => {
    for (const target of targets.values()) if (!target.isDestroyed()) target.send(EVENT_CHANNEL, { kind });
  };
  core.events.on('change', forward);

  return {
    dispatchFor: (senderId, method, input) => core.dispatch(method, input, clientFor(senderId)) as Promise<Result<unknown>>,
    attach(target) {
      targets.set(target.id, target);
      target.once('destroyed', () => {
        targets.delete(target.id);
        const client = clients.get(target.id);
        clients.delete(target.id);
        // A closed window signs out: its session must not outlive the only place that could use it.
        if (client?.sessionId) void core.dispatch('auth.logout', {}, client);
      });
    },
    dispose() {
      core.events.off('change', forward);
      registrar.removeHandler(INVOKE_CHANNEL);
      targets.clear();
      clients.clear();
    },
  };
}
