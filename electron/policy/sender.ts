/**
 * Is a frame URL our own app? Main asks this before it answers an IPC call or lets the window
 * navigate: only the bundled index.html (file://) or, in development, the electron-vite dev server.
 */

export interface AppLocation {
  /** `file://` URL of the built renderer's index.html. */
  indexFileUrl: string;
  /** The dev server (electron-vite's ELECTRON_RENDERER_URL); only passed when the app is not packaged. */
  devServerUrl?: string | null;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Paths compared decoded: Chromium and Node percent-encode non-ASCII folders (中文 user names) alike, but not always identically. */
function samePath(a: string, b: string): boolean {
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}

export function isAppUrl(raw: string, app: AppLocation): boolean {
  const url = parse(raw);
  if (!url) return false;
  const index = parse(app.indexFileUrl);
  // Query and hash are ignored: the router lives in the hash.
  if (url.protocol === 'file:' && index?.protocol === 'file:') {
    return url.host === index.host && samePath(url.pathname, index.pathname);
  }
  const dev = app.devServerUrl ? parse(app.devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) return url.origin === dev.origin;
  return false;
}
