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

type EventListener = (event: { kind: string }) => void;
/**
 * One stream per page for all its listeners: a browser opens at most six HTTP/1.1 connections to a host, and a
 * stream per component would take them all, leaving none for the calls.
 */
const listeners = new Set<EventListener>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | undefined;
/** The stream dropped since it last opened: what changed meanwhile was not heard. */
let lost = false;

function openStream(): void {
  const emit = (event: { kind: string }) => listeners.forEach((l) => l(event));
  source = new EventSource('/api/events');
  source.onopen = () => {
    if (lost) emit({ kind: 'reconnected' });
    lost = false;
  };
  source.onmessage = (msg: MessageEvent<string>) => {
    try {
      emit(JSON.parse(msg.data) as { kind: string });
    } catch {
      // A malformed event is only a missed refresh hint.
    }
  };
  source.onerror = () => {
    lost = true;
    // The browser retries a dropped stream by itself; one the host refused (restarted, signed out) is closed: open it again.
    if (source?.readyState === EventSource.CLOSED) retry = setTimeout(openStream, STREAM_RETRY_MS);
  };
}

function closeStream(): void {
  clearTimeout(retry);
  source?.close();
  source = null;
}

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
      listeners.add(listener);
      if (listeners.size === 1) openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) closeStream();
      };
    },
  };
}

export const bridge: Bridge = window.aftercare ?? httpBridge();
