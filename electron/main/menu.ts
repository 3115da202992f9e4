/** The application menu, in the UI language; rebuilt when the renderer switches language. */
import { Menu, app, dialog, shell, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/domain/user';
import { menuLabels } from '../policy/shell-text';

export interface MenuPaths {
  dataDir: string;
  logsDir: string;
  /** Opens a page of the UI in the main window (the backups page, the audit trail: admin only there). */
  openPage: (page: 'backups' | 'audit') => void;
}

export function buildMenu(locale: Locale, paths: MenuPaths): Menu {
  const t = menuLabels(locale);
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { label: t.backups, click: () => paths.openPage('backups') },
        { label: t.auditTrail, click: () => paths.openPage('audit') },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    // Roles only: without an Edit menu, copy/paste shortcuts stop working on macOS.
    { label: t.edit, role: 'editMenu' },
    {
      label: t.help,
      submenu: [
        { label: t.about, click: () => void showAbout(t.appName) },
        { type: 'separator' },
        { label: t.openDataFolder, click: () => void shell.openPath(paths.dataDir) },
        { label: t.openLogsFolder, click: () => void shell.openPath(paths.logsDir) },
        // Developer tools only in an unpackaged build: on the desk PC they are a console anyone passing by could type into.
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

async function showAbout(appName: string): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: appName,
    message: `${appName} ${app.getVersion()}`,
    detail: `Electron ${process.versions.electron ?? ''} · Chromium ${process.versions.chrome ?? ''} · Node ${process.versions.node}`,
  });
}

export function applyMenu(locale: Locale, paths: MenuPaths): void {
  Menu.setApplicationMenu(buildMenu(locale, paths));
}
