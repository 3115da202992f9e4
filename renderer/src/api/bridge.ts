/** Picks the transport: the Electron preload's bridge when present, else HTTP to the browser-mode host. */
import type { Bridge } from '../../../shared/api/channels';

declare global {
  interface Window {
    aftercare?: Bridge;
  }
}

function httpBridge(): Bridge {
  return {
    async invoke(method, input, locale) {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': locale },
        credentials: 'same-origin',
        body: JSON.stringify(input),
      });
      return (await res.json()) as unknown;
    },
    onEvent(listener) {
      if (typeof EventSource === 'undefined') return () => undefined;
      const source = new EventSource('/api/events');
      source.onmessage = (msg: MessageEvent<string>) => {
        try {
          listener(JSON.parse(msg.data) as { kind: string });
        } catch {
          // A malformed event is only a missed refresh hint.
        }
      };
      return () => source.close();
    },
  };
}

export const bridge: Bridge = window.aftercare ?? httpBridge();
