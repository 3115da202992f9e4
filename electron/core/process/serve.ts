/**
 * The core's side of its own process: opens the core on the `open` message, answers `call`s through the
 * one dispatcher, forwards change notifications and log lines, and closes on `close`. Whatever arrives,
 * the process keeps running: a message outside the protocol is logged and dropped.
 */
import { openCore, type Core } from '../index';
import { DatabaseOpenError } from '../db/open';
import { clockSetting } from '../../../shared/domain/clock';
import { translate } from '../../../shared/i18n/translate';
import { asToCore, type FromCore, type OpenMessage, type Port } from './protocol';

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

export function serveCore(port: Port<unknown, FromCore>, exit: (code: number) => void): void {
  let opening: Promise<Core | null> | null = null;
  const log = (message: string, error?: unknown) => port.post({ kind: 'log', message, error: error === undefined ? null : describe(error) });

  const open = async (message: OpenMessage): Promise<Core | null> => {
    try {
      const key = message.secretKey ? Buffer.from(message.secretKey, 'base64') : undefined;
      const core = await openCore({ dataDir: message.dataDir, now: clockSetting(message.now), log, backupsAtStart: true, secretKey: key && (() => key) });
      core.events.on('change', (change) => port.post({ kind: 'change', change }));
      // The check and the start's backups run in the backup worker; main logs what they wrote.
      core.started?.then(
        (files) => port.post({ kind: 'started', files, error: null }),
        (error: unknown) => port.post({ kind: 'started', files: [], error: describe(error) }),
      );
      port.post({ kind: 'ready' });
      return core;
    } catch (error) {
      const failure = error instanceof DatabaseOpenError ? { reason: error.reason, file: error.file } : { reason: null, file: message.dataDir };
      port.post({ kind: 'openFailed', ...failure, message: describe(error) });
      return null;
    }
  };

  port.onMessage((raw) => {
    const message = asToCore(raw);
    if (!message) {
      log('core process: a message outside the protocol was dropped');
      return;
    }
    if (message.kind === 'open') {
      if (opening) log('core process: opened twice, the second open was ignored');
      else opening = open(message);
      return;
    }
    const ready = opening ?? Promise.resolve(null);
    void ready.then(async (core) => {
      switch (message.kind) {
        case 'call': {
          const client = { ...message.client };
          const result = core
            ? await core.dispatch(message.method, message.input, client)
            : { ok: false as const, error: { code: 'INTERNAL' as const, message: translate(client.locale, 'error.coreStopped') } };
          port.post({ kind: 'reply', id: message.id, result, sessionId: client.sessionId });
          return;
        }
        case 'noteQuit':
          port.post({ kind: 'done', id: message.id, value: core ? core.noteQuit() : null });
          return;
        case 'close':
          await core?.close();
          port.post({ kind: 'done', id: message.id, value: null });
          // A turn of the loop lets the answer leave before the process ends (main also takes the exit as done).
          setImmediate(() => exit(0));
          return;
      }
    }).catch((error: unknown) => log(`core process: ${message.kind} failed`, error));
  });
}
