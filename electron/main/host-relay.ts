/**
 * Desk mode (issue 18): the desktop app connected to a host answers the renderer from the host. It has the shape
 * of the local core's relay (core-relay.ts), so the IPC transport, the print channel and the rest of main work
 * unchanged: each call goes to the host over the pinned HTTPS connection (host-connection.ts) as the window's
 * session, and the host's change notifications come back as the same events. Slips are rendered by the host and
 * printed here, with this PC's printer and paper (print-ipc.ts asks `slips.render` through this relay).
 * Plain Node (no `electron` import), tested against a real LAN listener.
 */
import { EventEmitter } from 'node:events';
import type { Client } from '../core/context';
import type { HostConnection } from './host-connection';
import { callHost, openHostEvents } from './host-connection';
import type { RemoteCore } from './core-relay';

export interface HostRelayOptions {
  log: (message: string) => void;
  /** How long to wait before reopening the event stream after the host went away (it restarts). */
  retryMs?: number;
}

export function connectHost(connection: HostConnection, { log, retryMs = 2000 }: HostRelayOptions): RemoteCore {
  const events = new EventEmitter<{ change: [string] }>();
  /** The session the event stream follows: the last one signed in on this desk (the stream needs one). */
  let followed: { session: string; locale: Client['locale'] } | null = null;
  let stream: { close(): void } | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;

  const stop = () => {
    if (retry) clearTimeout(retry);
    retry = null;
    stream?.close();
    stream = null;
  };
  /** `afterDrop`: the host went away meanwhile, so the renderer reloads what it missed once the stream is back. */
  const open = (afterDrop: boolean) => {
    if (!followed || closed) return;
    const { session, locale } = followed;
    stream = openHostEvents(connection, session, locale, {
      onOpen: () => afterDrop && events.emit('change', 'reconnected'),
      onKind: (kind) => events.emit('change', kind),
      onEnd: ({ signedOut, message }) => {
        if (message) log(message);
        if (signedOut || closed || followed?.session !== session) return;
        retry = setTimeout(() => {
          retry = null;
          open(true);
        }, retryMs);
      },
    });
  };
  const follow = (session: string | null, locale: Client['locale'], before: string | null) => {
    if (session && session !== followed?.session) {
      stop();
      followed = { session, locale };
      open(false);
    } else if (!session && before && before === followed?.session) {
      stop();
      followed = null;
    }
  };

  return {
    events,
    async dispatch(method, input, client) {
      const before = client.sessionId;
      const { result, session } = await callHost(connection, method, input, { locale: client.locale, session: before ?? undefined, idempotencyKey: client.idempotencyKey });
      client.sessionId = session ?? null;
      follow(client.sessionId, client.locale, before);
      return result;
    },
    // The host keeps the database, its backups and its checks: nothing of them runs on a desk.
    started: Promise.resolve([]),
    noteQuit: async () => null,
    async close() {
      closed = true;
      stop();
    },
  };
}
