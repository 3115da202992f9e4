/**
 * Main's side of the core process: the same `dispatch` and change events as an in-process core, relayed
 * over a message channel, so a slow statistics call, workbook or backup never freezes menus, dialogs or
 * other windows. Written against a tiny channel interface (Electron's UtilityProcess in the app, a Node
 * child in tests); nothing here imports `electron`.
 */
import { EventEmitter } from 'node:events';
import type { Result } from '../../shared/api/result';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import type { Client } from '../core/context';
import type { Dispatch } from '../core/dispatch';
import { DatabaseOpenError } from '../core/db/open';
import { asFromCore, type Port, type ToCore } from '../core/process/protocol';

export interface CoreChannel extends Port<unknown, ToCore> {
  /** The process ended (code null: killed by a signal). */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface RemoteCore {
  dispatch: Dispatch;
  events: EventEmitter<{ change: [string] }>;
  /** The start's background check and backups: the files written. */
  started: Promise<string[]>;
  /** A quit notes its time; returns the backup's name to be. */
  noteQuit(): Promise<string | null>;
  /** Closes the database and ends the process; kills it if it has not ended after `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

export interface RelayOptions {
  dataDir: string;
  /** The desk clock setting (`AFTERCARE_NOW`), empty for the system's time. */
  now: string;
  /** The desk's sealing key (secret-key.ts), base64; absent: the core keeps `secret.key` in the data folder. */
  secretKey?: string;
  log: (message: string, error?: string) => void;
  /** The core process ended without being asked to: every call from now on is answered in words. */
  onStopped?: (code: number | null) => void;
}

const stopped = (locale: Locale): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message: translate(locale, 'error.coreStopped') } });

/** Starts the core in the channel's process; resolves once its database is open, rejects as the in-process open would. */
export function connectCore(channel: CoreChannel, { dataDir, now, secretKey, log, onStopped }: RelayOptions): Promise<RemoteCore> {
  const events = new EventEmitter<{ change: [string] }>();
  const calls = new Map<number, { client: Client; resolve: (result: Result<unknown>) => void }>();
  const asks = new Map<number, (value: string | null) => void>();
  let nextId = 1;
  let exited = false;
  let closing = false;
  let exitCode: number | null = null;
  const exitWaiters: (() => void)[] = [];
  let resolveStarted: (files: string[]) => void = () => undefined;
  let rejectStarted: (error: Error) => void = () => undefined;
  const started = new Promise<string[]>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  started.catch(() => undefined);

  const ask = (kind: 'noteQuit' | 'close'): Promise<string | null> => {
    if (exited) return Promise.resolve(null);
    const id = nextId++;
    return new Promise((resolve) => {
      asks.set(id, resolve);
      channel.post({ kind, id });
    });
  };

  const remote: RemoteCore = {
    events,
    started,
    dispatch: (method, input, client) => {
      if (exited) return Promise.resolve(stopped(client.locale));
      const id = nextId++;
      return new Promise((resolve) => {
        calls.set(id, { client, resolve });
        channel.post({ kind: 'call', id, method, input, client: { sessionId: client.sessionId, locale: client.locale } });
      });
    },
    noteQuit: () => ask('noteQuit'),
    close: async (graceMs = 5_000) => {
      closing = true;
      if (exited) return;
      const ended = new Promise<void>((resolve) => exitWaiters.push(resolve));
      void ask('close');
      const timer = setTimeout(() => {
        log(`core process did not end within ${graceMs} ms of close: killed`);
        channel.kill();
      }, graceMs);
      await ended;
      clearTimeout(timer);
    },
  };

  return new Promise<RemoteCore>((resolve, reject) => {
    let opened = false;
    channel.onMessage((raw) => {
      const message = asFromCore(raw);
      if (!message) {
        log('core process sent a message outside the protocol: dropped');
        return;
      }
      switch (message.kind) {
        case 'ready':
          opened = true;
          resolve(remote);
          return;
        case 'openFailed':
          reject(message.reason ? new DatabaseOpenError(message.reason, message.file, message.message) : new Error(message.message));
          return;
        case 'reply': {
          const call = calls.get(message.id);
          if (!call) return log(`core process answered call ${message.id}, which is not waiting: dropped`);
          calls.delete(message.id);
          // The dispatcher signs a window in or out by writing the session into its client: keep that here.
          call.client.sessionId = message.sessionId;
          call.resolve(message.result);
          return;
        }
        case 'done': {
          const waiter = asks.get(message.id);
          asks.delete(message.id);
          waiter?.(message.value);
          return;
        }
        case 'change':
          events.emit('change', message.change);
          return;
        case 'started':
          if (message.error === null) resolveStarted(message.files);
          else rejectStarted(new Error(message.error));
          return;
        case 'log':
          log(message.message, message.error ?? undefined);
          return;
      }
    });
    channel.onExit((code) => {
      exited = true;
      exitCode = code;
      for (const { client, resolve: answer } of calls.values()) answer(stopped(client.locale));
      calls.clear();
      for (const waiter of asks.values()) waiter(null);
      asks.clear();
      exitWaiters.splice(0).forEach((done) => done());
      rejectStarted(new Error(`core process ended (${String(exitCode)})`));
      if (!opened) reject(new Error(`the core process ended before its database was open (exit ${String(code)})`));
      else if (!closing) {
        log(`core process ended unexpectedly (exit ${String(code)})`);
        onStopped?.(code);
      }
    });
    channel.post({ kind: 'open', dataDir, now, secretKey });
  });
}
