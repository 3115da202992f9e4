/**
 * The one typed way the renderer talks to the core. Each call is one user action with its own idempotency key;
 * when the connection drops (the host restarting, the Wi-Fi gone a moment) the call is sent again with the same
 * key for a while, so the host applies a write once whatever reached it, and the form keeps what was typed.
 */
import type { InputOf, MethodName, OutputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { bridge } from './bridge';
import { currentLocale } from '../i18n/locale';
import i18n from '../i18n';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
const connectionListeners = new Set<(down: boolean) => void>();

/** Waits between sends of a call whose connection dropped: about 30 s in all, long enough for a host restart. */
export const RETRY_DELAYS_MS = [300, 700, 1500, 3000, 5000, 8000, 12000];

/** Lets the session provider hear when any call finds the session gone. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Tells the app shell while calls cannot reach the host (it shows that it reconnects). */
export function onConnection(listener: (down: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh key per action; `crypto.randomUUID` needs a secure page, which 127.0.0.1 and the LAN's HTTPS are. */
const newKey = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>> {
  const key = newKey();
  let result: Result<OutputOf<M>> | undefined;
  for (let attempt = 0; result === undefined; attempt++) {
    try {
      result = (await bridge.invoke(method, input, currentLocale(), key)) as Result<OutputOf<M>>;
    } catch {
      if (attempt >= RETRY_DELAYS_MS.length) {
        connectionListeners.forEach((l) => l(false));
        return { ok: false, error: { code: 'INTERNAL', message: i18n.t('ui.lan.unreachable') } };
      }
      connectionListeners.forEach((l) => l(true));
      await sleep(RETRY_DELAYS_MS[attempt]!);
    }
  }
  connectionListeners.forEach((l) => l(false));
  if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !method.startsWith('auth.')) {
    unauthenticatedListeners.forEach((l) => l());
  }
  return result;
}
