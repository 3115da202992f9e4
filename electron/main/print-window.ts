/**
 * Printing in the desktop app: each job loads the core's slip HTML into a hidden, sandboxed window
 * (no preload, the secure webPreferences), then `webContents.print` (remembered printer, optional
 * silent) or `printToPDF` behind a save dialog. The HTML goes through a temporary file: with the
 * embedded font it is larger than Chromium accepts as a data: URL.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, app, dialog, webContents } from 'electron';
import type { PrinterChoice, PrinterInfo } from '../../shared/api/channels';
import { isRoll, type RenderedSlip } from '../../shared/domain/printing';
import { pdfFileName, pdfPageSize, printPageSize, pxToMm } from '../policy/print-job';
import type { PrintAdapter } from './print-ipc';

/** Page margins and the cut gap a roll's measured copy does not include. */
const ROLL_SLACK_MM = 8;

async function withPrintWindow<T>(slip: RenderedSlip, job: (win: BrowserWindow, contentHeightMm: number) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftercare-print-'));
  const file = path.join(dir, 'slip.html');
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await fs.writeFile(file, slip.html, 'utf8');
    await win.loadFile(file);
    let heightMm = 0;
    if (isRoll(slip.paper)) {
      // One copy per page on a roll: the page is as long as the tallest copy.
      const px = (await win.webContents.executeJavaScript(
        "Math.max(0, ...Array.from(document.querySelectorAll('.copy'), (e) => e.scrollHeight))",
        true,
      )) as unknown;
      heightMm = pxToMm(typeof px === 'number' ? px : 0) + ROLL_SLACK_MM;
    }
    return await job(win, heightMm);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export function createPrintAdapter(): PrintAdapter {
  return {
    async printers(senderId) {
      const contents = webContents.fromId(senderId);
      if (!contents) return [];
      const list = await contents.getPrintersAsync();
      return list.map((p): PrinterInfo => ({ name: p.name, displayName: p.displayName }));
    },

    print(slip, choice: PrinterChoice) {
      return withPrintWindow(
        slip,
        (win, heightMm) =>
          new Promise((resolve) => {
            win.webContents.print(
              {
                silent: choice.silent && choice.deviceName !== null,
                printBackground: true,
                ...(choice.deviceName ? { deviceName: choice.deviceName } : {}),
                pageSize: printPageSize(slip.paper, heightMm),
                copies: 1,
              },
              (success, failureReason) => {
                if (success) resolve({ done: true });
                else if (/cancel/i.test(failureReason)) resolve({ done: false });
                else resolve({ done: false, error: failureReason });
              },
            );
          }),
      );
    },

    async savePdf(slip, senderId) {
      const sender = webContents.fromId(senderId);
      const owner = sender ? BrowserWindow.fromWebContents(sender) : null;
      const options = {
        defaultPath: path.join(app.getPath('documents'), pdfFileName(slip.title)),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { done: false };
      const target = choice.filePath;
      const data = await withPrintWindow(slip, (win, heightMm) =>
        win.webContents.printToPDF({ printBackground: true, pageSize: pdfPageSize(slip.paper, heightMm), preferCSSPageSize: !isRoll(slip.paper) }),
      );
      await fs.writeFile(target, data);
      return { done: true, file: target };
    },
  };
}
