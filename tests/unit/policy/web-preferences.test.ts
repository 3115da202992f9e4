import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES } from '../../../electron/policy/web-preferences';

describe('webPreferences of app windows', () => {
  it('keeps the renderer isolated and sandboxed, without Node or webviews', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('cannot be changed at run time by a caller that mutates the shared object', () => {
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('names no preload: each window adds its own (the print window has none)', () => {
    expect('preload' in SECURE_WEB_PREFERENCES).toBe(false);
  });
});
