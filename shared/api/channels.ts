/** Names shared by the Electron preload and main: exactly one invoke channel and one event channel. */
export const INVOKE_CHANNEL = 'aftercare:invoke';
export const EVENT_CHANNEL = 'aftercare:event';

/** What the preload exposes on `window.aftercare`. */
export interface Bridge {
  invoke(method: string, input: unknown, locale: string): Promise<unknown>;
  onEvent(listener: (event: { kind: string }) => void): () => void;
}
