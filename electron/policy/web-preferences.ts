/**
 * The webPreferences of every window that shows app content (main window, the hidden print window).
 * Kept free of `electron` imports so a unit test can pin the values. Windows spell these out in
 * their `new BrowserWindow({...})` call so Electronegativity can read them; a unit test parses
 * electron/main and fails when any window's webPreferences differ from this object.
 */
export interface SecureWebPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webviewTag: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly navigateOnDragDrop: false;
  readonly safeDialogs: true;
  readonly spellcheck: false;
  readonly disableBlinkFeatures: 'Auxclick';
}

export const SECURE_WEB_PREFERENCES: SecureWebPreferences = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped on the window would otherwise replace the app with that file.
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Chromium's spellchecker downloads dictionaries from Google; the desk PC may be offline.
  spellcheck: false,
  // Middle-click would open links as new windows; those are denied anyway, this stops the attempt.
  disableBlinkFeatures: 'Auxclick',
} as const);
