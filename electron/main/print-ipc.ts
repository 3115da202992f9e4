/**
 * The print channel: the page asks, main renders the slip through the core as the window's signed-in
 * user (never HTML from the page), then prints it in the hidden print window or exports a PDF.
 * Written against small interfaces like ipc.ts, so a unit test drives it with fakes; nothing here
 * imports `electron` at runtime.
 */
import { PRINT_CHANNEL, type PrintAnswer, type PrinterChoice, type PrinterInfo } from '../../shared/api/channels';
import type { RenderedSlip, SlipDocument } from '../../shared/domain/printing';
import type { Result } from '../../shared/api/result';
import { choiceFor, parsePrintOp, type PrinterChoices } from '../policy/print-job';
import type { InvokeEvent, IpcRegistrar } from './ipc';

/** What Electron does (print window, dialogs); electron/main/print-window.ts implements it. */
export interface PrintAdapter {
  printers(senderId: number): Promise<PrinterInfo[]>;
  print(slip: RenderedSlip, choice: PrinterChoice): Promise<{ done: boolean; error?: string }>;
  savePdf(slip: RenderedSlip, senderId: number): Promise<{ done: boolean; file?: string }>;
}

/** The remembered printer per document type (a JSON file in the data folder). */
export interface ChoiceStore {
  read(): PrinterChoices;
  write(choices: PrinterChoices): void;
}

export interface PrintingOptions {
  registrar: IpcRegistrar;
  isAppUrl: (url: string) => boolean;
  /** `slips.render` through the core as the sending window's user (IpcTransport.dispatchFor). */
  render: (senderId: number, input: { document: SlipDocument; id: number; paper: RenderedSlip['paper'] }) => Promise<Result<RenderedSlip>>;
  adapter: PrintAdapter;
  store: ChoiceStore;
  log: (message: string) => void;
}

const fail = (error: string): PrintAnswer => ({ ok: false, error });

export function registerPrinting({ registrar, isAppUrl, render, adapter, store, log }: PrintingOptions): () => void {
  registrar.handle(PRINT_CHANNEL, async (event: InvokeEvent, raw: unknown): Promise<PrintAnswer> => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      log(`print refused: sender ${event.sender.id} frame ${frame ? frame.url : '(gone)'}`);
      return fail('FORBIDDEN');
    }
    const op = parsePrintOp(raw);
    if (!op) return fail('VALIDATION');
    try {
      switch (op.op) {
        case 'printers':
          return { ok: true, printers: await adapter.printers(event.sender.id) };
        case 'choice':
          return { ok: true, choice: choiceFor(store.read(), op.document) };
        case 'remember':
          store.write({ ...store.read(), [op.document]: op.choice });
          return { ok: true, choice: op.choice };
        case 'print':
        case 'pdf': {
          // Rendering as the window's user also checks the session and the record's existence.
          const slip = await render(event.sender.id, { document: op.document, id: op.id, paper: op.paper });
          if (!slip.ok) return fail(slip.error.message);
          if (op.op === 'print') {
            const r = await adapter.print(slip.value, choiceFor(store.read(), op.document));
            return r.error ? fail(r.error) : { ok: true, done: r.done };
          }
          const r = await adapter.savePdf(slip.value, event.sender.id);
          return { ok: true, done: r.done, ...(r.file ? { file: r.file } : {}) };
        }
      }
    } catch (error) {
      log(`print failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail(error instanceof Error ? error.message : String(error));
    }
  });
  return () => registrar.removeHandler(PRINT_CHANNEL);
}
