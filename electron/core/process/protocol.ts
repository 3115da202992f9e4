/**
 * The messages between the Electron main process and the core running in its own process (Electron's
 * utilityProcess; a plain Node child in tests). Main only relays: the renderer's calls go in as `call`,
 * the dispatcher's answers come back as `reply`, change notifications as `change`. Messages travel by
 * structured clone, so they are plain data; anything else that arrives is dropped and logged.
 */
import type { Result } from '../../../shared/api/result';
import type { Client } from '../context';
import type { OpenFailure } from '../db/open';

/** What main sends first: where the data lives and the desk clock setting (`AFTERCARE_NOW`, empty for the system's). */
export interface OpenMessage {
  kind: 'open';
  dataDir: string;
  now: string;
  /** The key credentials are sealed with, base64, as main keeps it with safeStorage; absent: `secret.key` in the data folder. */
  secretKey?: string;
}

export type ToCore =
  | OpenMessage
  | { kind: 'call'; id: number; method: string; input: unknown; client: Client }
  /** A quit: note its time (answered by `done` with the backup's name to be), then `close`. */
  | { kind: 'noteQuit'; id: number }
  | { kind: 'close'; id: number };

/** Why the core could not open: the database's own words for the startup dialog, or any other failure. */
export type OpenFailed = { kind: 'openFailed'; reason: OpenFailure | null; file: string; message: string };

export type FromCore =
  | { kind: 'ready' }
  | OpenFailed
  | { kind: 'reply'; id: number; result: Result<unknown>; sessionId: string | null }
  | { kind: 'done'; id: number; value: string | null }
  | { kind: 'change'; change: string }
  /** The start's background check and backups ended: the files written, or why they failed. */
  | { kind: 'started'; files: string[]; error: string | null }
  | { kind: 'log'; message: string; error: string | null };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isText = (value: unknown): value is string => typeof value === 'string';

function isClient(value: unknown): value is Client {
  return isObject(value) && (value.sessionId === null || isText(value.sessionId)) && (value.locale === 'zh-CN' || value.locale === 'en');
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isObject(value)) return false;
  if (value.ok === true) return 'value' in value;
  return value.ok === false && isObject(value.error) && isText(value.error.code) && isText(value.error.message);
}

/** A message main may act on (checked field by field: a child that misbehaves cannot crash main). */
export function asFromCore(message: unknown): FromCore | null {
  if (!isObject(message)) return null;
  switch (message.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'openFailed':
      return isText(message.file) && isText(message.message) && (message.reason === null || isText(message.reason)) ? (message as OpenFailed) : null;
    case 'reply':
      return isId(message.id) && isResult(message.result) && (message.sessionId === null || isText(message.sessionId)) ? (message as FromCore) : null;
    case 'done':
      return isId(message.id) && (message.value === null || isText(message.value)) ? (message as FromCore) : null;
    case 'change':
      return isText(message.change) ? (message as FromCore) : null;
    case 'started':
      return Array.isArray(message.files) && message.files.every(isText) && (message.error === null || isText(message.error)) ? (message as FromCore) : null;
    case 'log':
      return isText(message.message) && (message.error === null || isText(message.error)) ? (message as FromCore) : null;
    default:
      return null;
  }
}

/** A message the core may act on. */
export function asToCore(message: unknown): ToCore | null {
  if (!isObject(message)) return null;
  switch (message.kind) {
    case 'open':
      return isText(message.dataDir) && message.dataDir !== '' && isText(message.now) ? (message as unknown as OpenMessage) : null;
    case 'call':
      return isId(message.id) && isText(message.method) && isClient(message.client) ? (message as ToCore) : null;
    case 'noteQuit':
    case 'close':
      return isId(message.id) ? (message as ToCore) : null;
    default:
      return null;
  }
}

/** Either end of the pipe: Electron's parentPort / UtilityProcess, or Node's process IPC. */
export interface Port<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
