/** The desktop print channel driven through a fake registrar: sender check, input check, rendering as the window's user, remembered printers. */
import { describe, expect, it } from 'vitest';
import { PRINT_CHANNEL, type PrintAnswer, type PrinterChoice } from '../../../shared/api/channels';
import type { RenderedSlip } from '../../../shared/domain/printing';
import type { Result } from '../../../shared/api/result';
import type { InvokeEvent, InvokeListener, IpcRegistrar } from '../../../electron/main/ipc';
import { registerPrinting, type PrintAdapter } from '../../../electron/main/print-ipc';
import type { PrinterChoices } from '../../../electron/policy/print-job';
import { isAppUrl } from '../../../electron/policy/sender';

const INDEX = 'file:///opt/Aftercare/resources/app.asar/out/renderer/index.html';
const own = (id: number): InvokeEvent => ({ sender: { id }, senderFrame: { url: `${INDEX}#/returns/1`, parent: null } });

const SLIP: RenderedSlip = { html: '<p>slip</p>', title: '返修设备处理单 RMA202611240001', paper: '80mm', widthMm: 80, copies: 2, printCount: 0 };

function setup(renderAnswer: Result<RenderedSlip> = { ok: true, value: SLIP }) {
  const handlers = new Map<string, InvokeListener>();
  const registrar: IpcRegistrar = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  const renders: { senderId: number; input: unknown }[] = [];
  const printed: { slip: RenderedSlip; choice: PrinterChoice }[] = [];
  let saved: PrinterChoices = {};
  const log: string[] = [];
  const adapter: PrintAdapter = {
    printers: async () => [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82' }],
    print: async (slip, choice) => {
      printed.push({ slip, choice });
      return { done: true };
    },
    savePdf: async () => ({ done: false }),
  };
  const stop = registerPrinting({
    registrar,
    isAppUrl: (url) => isAppUrl(url, { indexFileUrl: INDEX }),
    render: async (senderId, input) => {
      renders.push({ senderId, input });
      return renderAnswer;
    },
    adapter,
    store: { read: () => saved, write: (c) => void (saved = c) },
    log: (m) => log.push(m),
  });
  const send = (event: InvokeEvent, raw: unknown) => {
    const handler = handlers.get(PRINT_CHANNEL);
    if (!handler) throw new Error('no print handler');
    return handler(event, raw, 'zh-CN') as Promise<PrintAnswer>;
  };
  return { send, renders, printed, log, stop, handlers, saved: () => saved };
}

describe('print channel', () => {
  it('refuses a foreign frame and a subframe, and malformed requests', async () => {
    const s = setup();
    const foreign: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    const sub: InvokeEvent = { sender: { id: 1 }, senderFrame: { url: INDEX, parent: {} } };
    expect(await s.send(foreign, { op: 'printers' })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await s.send(sub, { op: 'print', document: 'returnReceipt', id: 1, paper: 'A4' })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await s.send({ sender: { id: 1 }, senderFrame: null }, { op: 'printers' })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await s.send(own(1), { op: 'print', document: 'returnReceipt', id: -1, paper: 'A4' })).toEqual({ ok: false, error: 'VALIDATION' });
    expect(s.renders).toHaveLength(0);
    expect(s.log.filter((m) => m.startsWith('print refused'))).toHaveLength(3);
  });

  it('renders through the core as the sending window, then prints with the remembered printer', async () => {
    const s = setup();
    expect(await s.send(own(7), { op: 'choice', document: 'returnReceipt' })).toEqual({ ok: true, choice: { deviceName: null, silent: false } });
    expect(await s.send(own(7), { op: 'remember', document: 'returnReceipt', choice: { deviceName: 'EPSON_TM_T82', silent: true } })).toMatchObject({ ok: true });
    expect(s.saved()).toEqual({ returnReceipt: { deviceName: 'EPSON_TM_T82', silent: true } });
    const answer = await s.send(own(7), { op: 'print', document: 'returnReceipt', id: 12, paper: '80mm', html: '<script>alert(1)</script>' });
    expect(answer).toEqual({ ok: true, done: true });
    expect(s.renders).toEqual([{ senderId: 7, input: { document: 'returnReceipt', id: 12, paper: '80mm' } }]);
    expect(s.printed).toEqual([{ slip: SLIP, choice: { deviceName: 'EPSON_TM_T82', silent: true } }]);
    // Another document type keeps its own (default) printer.
    await s.send(own(7), { op: 'print', document: 'pickupReceipt', id: 12, paper: 'A5' });
    expect(s.printed[1]?.choice).toEqual({ deviceName: null, silent: false });
    expect(await s.send(own(7), { op: 'printers' })).toEqual({ ok: true, printers: [{ name: 'EPSON_TM_T82', displayName: 'EPSON TM-T82' }] });
  });

  it("passes the core's refusal on and prints nothing; a cancelled save dialog is not an error", async () => {
    const refused = setup({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    expect(await refused.send(own(2), { op: 'print', document: 'returnReceipt', id: 1, paper: 'A4' })).toEqual({ ok: false, error: '请先登录' });
    expect(refused.printed).toHaveLength(0);
    const s = setup();
    expect(await s.send(own(2), { op: 'pdf', document: 'returnReceipt', id: 1, paper: 'A4' })).toEqual({ ok: true, done: false });
    s.stop();
    expect(s.handlers.has(PRINT_CHANNEL)).toBe(false);
  });
});
