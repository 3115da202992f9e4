/** The main window: secure preferences from policy, remembered bounds, shown only once painted. */
import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { MIN_SIZE, loadWindowState, restoreBounds, saveWindowState } from '../policy/window-state';

export interface MainWindowOptions {
  userData: string;
  preloadFile: string;
  title: string;
}

export function createMainWindow({ userData, preloadFile, title }: MainWindowOptions): BrowserWindow {
  const stateFile = path.join(userData, 'window-state.json');
  const saved = loadWindowState(stateFile);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title,
    show: false,
    backgroundColor: '#ffffff',
    // Spelled out, not spread from SECURE_WEB_PREFERENCES, so Electronegativity (npm run lint:electron)
    // can read them; tests/unit/policy/window-options.test.ts fails if they differ from that object.
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
      preload: preloadFile,
    },
  });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    // getNormalBounds: the size to come back to, not the maximized one.
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // Losing the remembered position is not worth blocking the desk from closing.
    }
  });
  return win;
}
