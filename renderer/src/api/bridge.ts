/**
 * Picks the transport: the Electron preload's bridge when present, else HTTP to the browser-mode host (on this
 * PC, or the LAN host in host mode). The event stream outlives a restart of the host: when it ends it is opened
 * again, and its return is itself a change (what changed meanwhile was not heard), so open lists reload.
 */
import type { Bridge } from '../../../shared/api/channels';

declare global {
  interface Window {
    aftercare?: Bridge;
  }
}

/** How long a refused event stream waits before it is opened again. */
const STREAM_RETRY_MS = 3000;

function httpBridge(): Bridge {
  return {
    async invoke(method, input, locale, idempotencyKey) {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': locale, ...(idempotencyKey && { 'idempotency-key': idempotencyKey }) },
        credentials: 'same-origin',
        body: JSON.stringify(input),
      });
      return (await res.json()) as unknown;
    },
    onEvent(listener) {
      if (typeof EventSource === 'undefined') return () => undefined;
      let source: EventSource | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let lost = false;
      const open = () => {
        source = new EventSource('/api/events');
        source.onopen = () => {
          if (lost) listener({ kind: 'reconnected' });
          lost = false;
        };
        source.onmessage = (msg: MessageEvent<string>) => {
          try {
            listener(JSON.parse(msg.data) as { kind: string });
          } catch {
            // A malformed event is only a missed refresh hint.
          }
        };
        source.onerror = () => {
          lost = true;
          // The browser retries a dropped stream by itself; one the host refused (restarted, signed out) is closed: open it again.
          if (source?.readyState === EventSource.CLOSED) timer = setTimeout(open, STREAM_RETRY_MS);
        };
      };
      open();
      return () => {
        clearTimeout(timer);
        source?.close();
      };
    },
  };
}

export const bridge: Bridge = window.aftercare ?? httpBridge();
