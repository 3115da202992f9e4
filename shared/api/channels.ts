/** Names shared by the Electron preload and main: one invoke channel, one event channel, one print channel. */
import type { Paper, SlipDocument } from '../domain/printing';

export const INVOKE_CHANNEL = 'aftercare:invoke';
export const EVENT_CHANNEL = 'aftercare:event';
export const PRINT_CHANNEL = 'aftercare:print';

/** A printer the desktop app can print to (from `webContents.getPrintersAsync`). */
export interface PrinterInfo {
  name: string;
  displayName: string;
}

/** How a document type prints on this PC (remembered in the data folder by main). */
export interface PrinterChoice {
  /** Printer device name; null: the system default. */
  deviceName: string | null;
  /** Print without the system dialog. */
  silent: boolean;
}

/** What the page asks main to print: main renders the slip itself through the core, as the signed-in user. */
export type PrintOp =
  | { op: 'printers' }
  | { op: 'choice'; document: SlipDocument }
  | { op: 'remember'; document: SlipDocument; choice: PrinterChoice }
  | { op: 'print'; document: SlipDocument; id: number; paper: Paper }
  | { op: 'pdf'; document: SlipDocument; id: number; paper: Paper };

/** `done` is false when the user cancelled (print dialog or save dialog). */
export type PrintAnswer =
  | { ok: true; printers?: PrinterInfo[]; choice?: PrinterChoice; done?: boolean; file?: string }
  | { ok: false; error: string };

/** What the preload exposes on `window.aftercare`. */
export interface Bridge {
  /** `idempotencyKey`: one per user action, the same on a retry, so a write the host already applied is not applied again. */
  invoke(method: string, input: unknown, locale: string, idempotencyKey?: string): Promise<unknown>;
  onEvent(listener: (event: { kind: string }) => void): () => void;
  /** Electron only: the hidden print window and PDF export. Browser mode prints the preview's iframe. */
  print?(request: PrintOp, locale: string): Promise<PrintAnswer>;
}
