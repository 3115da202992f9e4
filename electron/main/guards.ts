/**
 * Electron's security checklist applied to the session and to every WebContents the app creates
 * (main window now, the hidden print window later). The decisions are in electron/policy; this
 * file only hooks them into Electron.
 */
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../policy/csp';
import { isAllowedExternalUrl } from '../policy/external-links';

export type Log = (message: string) => void;

/** Permissions (camera, notifications, geolocation, …) are never needed by a service desk: deny all, request and check alike. */
export function hardenSession(session: Session, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission request denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The page carries the same policy in a meta tag; the header also covers responses the meta
  // tag cannot (the dev server, error pages), so the policy does not depend on the HTML.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean, log: Log): void {
  const blockForeign = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`navigation blocked: ${url}`);
  };
  contents.on('will-navigate', (event) => blockForeign(event, event.url));
  contents.on('will-redirect', (event) => blockForeign(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    else log(`window.open denied: ${url}`);
    return { action: 'deny' };
  });
}
