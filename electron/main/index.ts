/**
 * The desktop app's lifecycle: one instance, hardened session, the core on userData (or the host it is paired with,
 * asked at the first start), one window.
 * Everything that decides something lives in electron/policy (unit-tested); this file wires it.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, session, shell, utilityProcess } from 'electron';
import { DatabaseOpenError } from '../core/db/open';
import { connectCore, type CoreChannel, type RemoteCore } from './core-relay';
import { startingChoice } from './desk-choice';
import { createDeskGate, type DeskGateOptions } from './desk-gate';
import type { HostConnection } from './host-connection';
import { connectHost } from './host-relay';
import type { Locale } from '../../shared/domain/user';
import { isAppUrl, type AppLocation } from '../policy/sender';
import { coreStoppedText, menuLabels, pickLocale, startupErrorText } from '../policy/shell-text';
import { hardenSession, hardenWebContents } from './guards';
import { registerIpc, type IpcTransport } from './ipc';
import { logsDir, openShellLog } from './log';
import { applyMenu } from './menu';
import { createMainWindow } from './window';
import { registerPrinting } from './print-ipc';
import { createPrintAdapter } from './print-window';
import { printerStore } from './printer-store';
import { deskKey } from './secret-key';
import type { RenderedSlip } from '../../shared/domain/printing';
import type { Result } from '../../shared/api/result';

// Renderers are sandboxed even if some future window forgets to ask for it.
app.enableSandbox();

const location: AppLocation = {
  indexFileUrl: pathToFileURL(path.join(__dirname, '../renderer/index.html')).href,
  // The dev server only counts while developing: a packaged app never trusts an http origin.
  devServerUrl: app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null),
};
const isOwnUrl = (url: string): boolean => isAppUrl(url, location);

let mainWindow: BrowserWindow | null = null;
let core: RemoteCore | null = null;
let transport: IpcTransport | null = null;
let stopPrinting: (() => void) | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two processes on one SQLite file and one session store would fight; the first one wins.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const log = openShellLog(userData);
  let locale: Locale = pickLocale(app.getLocale());
  process.on('uncaughtException', (error) => {
    log.write('error', 'uncaught exception', error);
    // Replacing Electron's default handler must not make failures silent for the person at the desk.
    dialog.showErrorBox(menuLabels(locale).appName, `${error.message}\n\n${logsDir(userData)}`);
  });
  process.on('unhandledRejection', (error) => log.write('error', 'unhandled rejection', error));
  log.write('info', `start ${app.getVersion()} data ${userData}`);
  const paths = {
    dataDir: userData,
    logsDir: logsDir(userData),
    // The page opens through the same event channel as change notifications; the UI sends a
    // non-admin to its own start page (the methods behind both pages are admin-only anyway).
    openPage: (page: 'backups' | 'audit') => {
      core?.events.emit('change', `open:${page}`);
      mainWindow?.show();
      mainWindow?.focus();
    },
  };

  hardenSession(session.defaultSession, (m) => log.write('warn', m));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isOwnUrl, (m) => log.write('warn', m)));
  applyMenu(locale, paths);

  // The core (database, services, backups) runs in its own process, so the window never waits for it.
  // AFTERCARE_NOW sets the desk clock for trying the app at another date; unset, it is the system time.
  const openLocal = async (): Promise<RemoteCore> => {
    try {
      core = await connectCore(startCoreProcess(), {
        dataDir: userData,
        now: process.env.AFTERCARE_NOW ?? '',
        secretKey: deskKey(userData, (m) => log.write('warn', m)),
        log: (m, e) => log.write('error', m, e),
        onStopped: (code) => {
          dialog.showErrorBox(menuLabels(locale).appName, coreStoppedText(locale, logsDir(userData)));
          log.write('error', `core process ended (${String(code)}): restarting the app`);
          app.relaunch();
          app.exit(1);
        },
      });
    } catch (error) {
      log.write('error', 'cannot open the database', error);
      await showStartupError(error, locale, userData);
      app.exit(1);
      throw error;
    }
    // The check and the start's backups run in the backup worker; a failure is logged and retried next start.
    core.started.then(
      (files) => files.forEach((f) => log.write('info', `backup taken: ${f}`)),
      (error: unknown) => log.write('error', 'daily backup failed', error),
    );
    return core;
  };
  // Desk mode: a PC paired with a host (connection.json, desk-choice.ts) answers from the host; its own data folder holds no database.
  const openHost = (connection: HostConnection): RemoteCore => (core = connectHost(connection, { log: (m) => log.write('warn', m) }));
  // The pairing undone at the first start (the fingerprints differ): the relay goes, and the next choice opens anew.
  const dropHost = async (): Promise<void> => {
    const relay = core;
    core = null;
    await relay?.close();
  };

  // The first start asks 本机 / 连接到主机 (desk-gate.ts answers the screen until one of them answers instead).
  const choice = startingChoice(userData);
  let chosen: DeskGateOptions['chosen'];
  if (choice?.mode === 'host') chosen = { mode: 'host', answerer: openHost(choice) };
  else if (choice) {
    try {
      chosen = { mode: 'local', answerer: await openLocal() };
    } catch {
      return;
    }
  }
  const answering = createDeskGate({ dataDir: userData, computerName: os.hostname(), openLocal, openHost, dropHost, chosen, log: (m, e) => log.write('error', m, e) });

  transport = registerIpc({
    registrar: ipcMain,
    core: answering,
    isAppUrl: isOwnUrl,
    defaultLocale: locale,
    log: (m) => log.write('warn', m),
    onLocale: (next) => {
      if (next === locale) return;
      locale = next;
      applyMenu(locale, paths);
    },
  });
  const ipc = transport;
  stopPrinting = registerPrinting({
    registrar: ipcMain,
    isAppUrl: isOwnUrl,
    render: (senderId, input) => ipc.dispatchFor(senderId, 'slips.render', input) as Promise<Result<RenderedSlip>>,
    adapter: createPrintAdapter(),
    store: printerStore(userData),
    log: (m) => log.write('warn', m),
  });
  openMainWindow(locale);
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(locale);
  });
  app.on('will-quit', (event) => {
    const open = core;
    if (!open) return;
    // A quit copies nothing (the next start writes its backup from the closed file): note it, close the
    // database (stops a running backup, checkpoints the WAL) before the process ends, then quit for real.
    event.preventDefault();
    core = null;
    stopPrinting?.();
    transport?.dispose();
    void open
      .noteQuit()
      .then((name) => log.write('info', `backup noted at quit: ${String(name)}`))
      .then(() => open.close())
      .finally(() => app.quit());
  });
}

/** The core's process (out/main/core-process.js), as the relay's channel. */
function startCoreProcess(): CoreChannel {
  const child = utilityProcess.fork(path.join(__dirname, 'core-process.js'), [], { serviceName: 'Aftercare core', stdio: 'inherit' });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}

function openMainWindow(locale: Locale): void {
  const win = createMainWindow({
    userData: app.getPath('userData'),
    preloadFile: path.join(__dirname, '../preload/index.js'),
    title: menuLabels(locale).appName,
  });
  mainWindow = win;
  transport?.attach(win.webContents);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (location.devServerUrl) void win.loadURL(location.devServerUrl);
  else void win.loadFile(path.join(__dirname, '../renderer/index.html'));
}

/** A dialog instead of a blank window: what failed, where the file is, and how to recover. */
async function showStartupError(error: unknown, locale: Locale, userData: string): Promise<void> {
  const backupsDir = path.join(userData, 'backups');
  if (!(error instanceof DatabaseOpenError)) {
    dialog.showErrorBox(
      locale === 'en' ? 'Aftercare cannot start' : '售后服务中心无法启动',
      `${String(error)}\n\n${locale === 'en' ? 'Log files' : '日志文件夹'}: ${logsDir(userData)}`,
    );
    return;
  }
  const text = startupErrorText(locale, error, backupsDir);
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: text.title,
    message: text.message,
    detail: text.detail,
    buttons: [text.buttons.openBackups, text.buttons.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) await shell.openPath(backupsDir);
}
