/**
 * The core's composition root: opens the database in a data directory and returns the dispatcher.
 * Plain Node: the Electron shell and the browser-mode host both call this, tests too.
 */
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { openDatabase } from './db/open';
import type { Db } from './db/db';
import { Sessions } from './auth/sessions';
import { NameLockouts } from './auth/name-lockouts';
import { LOCKOUT_RULE } from './services/auth.service';
import { SettingsStore } from './services/settings.service';
import { createDispatch, type Dispatch } from './dispatch';
import { loadDemo } from './services/demo.service';
import { dailyBackup, quitBackup } from './backup/backups';
import { removeHalfWritten } from './backup/leftovers';
import { DATABASE_FILE } from './backup/restore';
import { generateDue } from './services/maintenance.service';
import type { CoreDeps } from './context';
import { systemClock, type Clock } from '../../shared/domain/clock';

export interface CoreOptions {
  dataDir: string;
  /** The desk clock (the system's time unless a test, the demo or `--now` sets it). */
  now?: Clock;
  log?: (message: string, error?: unknown) => void;
  /** How often the maintenance generator runs after the run at start (hourly); null: only when asked. */
  maintenanceEveryMs?: number | null;
}

export interface Core {
  dispatch: Dispatch;
  /** Change notifications ("tickets", ...) for open windows. */
  events: EventEmitter<{ change: [string] }>;
  db: Db;
  dataDir: string;
  /** Loads the demo dataset without a signed-in user (command line `--demo`). */
  loadDemo(): Promise<{ tickets: number }>;
  /** The first start of each desk day backs the database up (call once after opening). */
  dailyBackup(): Promise<string[]>;
  /** The backup taken when the app quits: call before `close` (Electron's will-quit, the host's SIGINT/SIGTERM). */
  quitBackup(): Promise<string>;
  /** Creates the maintenance tickets due by today (also run at start and then periodically). */
  generateMaintenance(): Promise<{ created: number }>;
  close(): Promise<void>;
}

export { DATABASE_FILE };

export const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

export async function openCore({ dataDir, now = systemClock, log = console.error, maintenanceEveryMs = MAINTENANCE_EVERY_MS }: CoreOptions): Promise<Core> {
  const db = await openDatabase({ file: path.join(dataDir, DATABASE_FILE), backupDir: path.join(dataDir, 'backups'), now });
  // A backup killed midway (forced quit, power cut) left its .partial files: never a usable backup.
  removeHalfWritten(path.join(dataDir, 'backups'));
  const events = new EventEmitter<{ change: [string] }>();
  const deps: CoreDeps = {
    db,
    now,
    dataDir,
    sessions: new Sessions(now),
    lockouts: new NameLockouts(LOCKOUT_RULE),
    settings: new SettingsStore(db),
    notify: (kind) => events.emit('change', kind),
  };
  // The maintenance generator: once at start (catching up on the days the app was closed), then periodically.
  let running: Promise<unknown> = Promise.resolve();
  const generateMaintenance = () => {
    const run = running.then(() => generateDue(deps));
    running = run.catch((error: unknown) => log('maintenance generator failed', error));
    return run;
  };
  void generateMaintenance().catch(() => undefined);
  const timer = maintenanceEveryMs === null ? null : setInterval(() => void generateMaintenance().catch(() => undefined), maintenanceEveryMs);
  timer?.unref();
  return {
    dispatch: createDispatch(deps, log),
    events,
    db,
    dataDir,
    loadDemo: () => loadDemo(deps, null),
    dailyBackup: async () => dailyBackup(db, dataDir, now(), (await deps.settings.get()).timeZone),
    quitBackup: () => quitBackup(db, dataDir, now()),
    generateMaintenance,
    close: async () => {
      if (timer) clearInterval(timer);
      await running;
      await db.close();
    },
  };
}
