/**
 * The typed bridge on `window.aftercare`. Runs sandboxed, so it may only use `electron`'s
 * contextBridge and ipcRenderer (the shared channel names are bundled in). The page gets three
 * functions, never ipcRenderer itself nor an IPC event object (whose `sender` is ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, PRINT_CHANNEL, type Bridge, type PrintAnswer } from '../../shared/api/channels';

const bridge: Bridge = {
  invoke: (method, input, locale) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input, locale),
  // Main renders the slip itself through the core; the page only names the document, record and paper.
  print: (request, locale) => ipcRenderer.invoke(PRINT_CHANNEL, request, locale) as Promise<PrintAnswer>,
  onEvent(listener) {
    const relay = (_event: IpcRendererEvent, payload: unknown): void => {
      const kind = (payload as { kind?: unknown } | null)?.kind;
      if (typeof kind === 'string') listener({ kind });
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('aftercare', bridge);
