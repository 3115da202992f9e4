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
import { ADDRESS_LOCKOUT_RULE, LOCKOUT_RULE } from './services/auth.service';
import { HostStore } from './services/lan.service';
import { Presence } from './presence';
import { SettingsStore } from './services/settings.service';
import { OfficialHolidays } from './services/official-holidays.service';
import { OFFICIAL_HOLIDAYS } from '../../shared/domain/official-holidays.data';
import type { OfficialData } from '../../shared/domain/official-calendar';
import { createDispatch, type Dispatch } from './dispatch';
import { loadDemo } from './services/demo.service';
import { noteQuit, startBackups } from './backup/backups';
import { BackupAbandoned } from './backup/snapshot';
import { Snapshots } from './backup/snapshot';
import { removeHalfWritten } from './backup/leftovers';
import { DATABASE_FILE } from './backup/restore';
import { generateDue } from './services/maintenance.service';
import type { CoreDeps } from './context';
import { systemClock, type Clock } from '../../shared/domain/clock';
import type { DatabaseHealth } from '../../shared/domain/data-safety';
import { MessagingStore } from './messaging/store';
import { keyFromFile, Secrets } from './messaging/secrets';
import { Sender } from './messaging/sender';
import { transportsOf } from './messaging/channels';
import { checkOverdue } from './messaging/team';
import { pruneOutbox } from './messaging/prune';

export interface CoreOptions {
  dataDir: string;
  /** The desk clock (the system's time unless a test, the demo or `--now` sets it). */
  now?: Clock;
  log?: (message: string, error?: unknown) => void;
  /** How often the maintenance generator runs after the run at start (hourly); null: only when asked. */
  maintenanceEveryMs?: number | null;
  /**
   * The desk's start (host, desktop app): the background check and the start's backups begin at once, from
   * the database as it was before this start's first write. Tests run them when they ask (`dailyBackup`).
   */
  backupsAtStart?: boolean;
  /** The official holidays this version carries (tests pass other data, as an app update would bring). */
  officialHolidays?: OfficialData;
  /** How often the outbox sender looks for due messages (besides right after one is queued); null: only when asked. */
  outboxEveryMs?: number | null;
  /** How often the check for newly overdue tickets runs after the run at start; null: only when asked. */
  overdueEveryMs?: number | null;
  /** The key credentials are sealed with (the desktop shell's, kept with safeStorage); default: `secret.key` in the data folder. */
  secretKey?: () => Buffer;
  /** Certificates outgoing TLS (SMTP, SMS providers) trusts besides the system's: a company's own mail server, tests. */
  trustedCa?: string[];
}

export interface Core {
  dispatch: Dispatch;
  /** Change notifications ("tickets", ...) for open windows. */
  events: EventEmitter<{ change: [string] }>;
  /** Whether a session is still signed in (signed out, idle, password changed): an event stream ends with it. */
  sessionAlive(sessionId: string | null): boolean;
  db: Db;
  dataDir: string;
  /** Host mode: the LAN switch and where the LAN listener answers (the host sets `endpoint`). */
  host: HostStore;
  /** Loads the demo dataset without a signed-in user (command line `--demo`). */
  loadDemo(): Promise<{ tickets: number }>;
  /** Runs the start's background job now: the check, the day's and month's backups if missing, the last quit's. Returns the files written. */
  dailyBackup(): Promise<string[]>;
  /** The start's background job when `backupsAtStart` began it (null otherwise); no files when a quit cut it off. */
  started: Promise<string[]> | null;
  /** What the background check found (the admin's banner). */
  health: DatabaseHealth;
  /** The backup worker's runner (one backup at a time). */
  snapshots: Snapshots;
  /** A quit notes its time (no copy: the next start writes that backup); returns the backup's name to be. Call before `close`. */
  noteQuit(): string;
  /** Creates the maintenance tickets due by today (also run at start and then periodically). */
  generateMaintenance(): Promise<{ created: number }>;
  /** Sends the outbox's due messages now (also right after one is queued and periodically); answers how many were sent. */
  sendOutbox(): Promise<number>;
  /** Announces the tickets that became overdue since the last check (also at start and periodically); answers how many. */
  checkOverdue(): Promise<number>;
  /** Deletes sent and cancelled messages past the retention (also with the maintenance run); answers how many. */
  pruneOutbox(): Promise<number>;
  close(): Promise<void>;
}

export { DATABASE_FILE };

export const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;
export const OUTBOX_EVERY_MS = 30 * 1000;
export const OVERDUE_EVERY_MS = 5 * 60 * 1000;

export async function openCore({ dataDir, now = systemClock, log = console.error, maintenanceEveryMs = MAINTENANCE_EVERY_MS, backupsAtStart = false, officialHolidays = OFFICIAL_HOLIDAYS, outboxEveryMs = OUTBOX_EVERY_MS, overdueEveryMs = OVERDUE_EVERY_MS, secretKey, trustedCa }: CoreOptions): Promise<Core> {
  const db = await openDatabase({ file: path.join(dataDir, DATABASE_FILE), backupDir: path.join(dataDir, 'backups'), now });
  // Held from before the first write of this start (the maintenance generator's) until the start's snapshot began.
  const paused = backupsAtStart ? db.pauseWrites() : undefined;
  // A backup killed midway (forced quit, power cut) left its .partial files: never a usable backup.
  removeHalfWritten(path.join(dataDir, 'backups'));
  const events = new EventEmitter<{ change: [string] }>();
  const snapshots = new Snapshots(db);
  const health: DatabaseHealth = { state: 'unchecked', detail: '', checkedAt: null };
  const messaging = new MessagingStore(db);
  const secrets = new Secrets(db, secretKey ?? (() => keyFromFile(dataDir)));
  const outbox = new Sender(db, now, transportsOf(messaging, secrets, now, trustedCa), log, () => events.emit('change', 'outbox'));
  const host = new HostStore(db, now);
  await host.get();
  const deps: CoreDeps = {
    db,
    now,
    dataDir,
    sessions: new Sessions(now, () => host.idleMs, db, log),
    lockouts: new NameLockouts(LOCKOUT_RULE),
    addressLockouts: new NameLockouts(ADDRESS_LOCKOUT_RULE),
    host,
    presence: new Presence(now),
    settings: new SettingsStore(db),
    official: new OfficialHolidays(db, officialHolidays),
    snapshots,
    health,
    notify: (kind) => events.emit('change', kind),
    messaging,
    secrets,
    outbox,
    trustedCa,
  };
  await deps.sessions.load();
  const runStartJob = async (held?: Promise<() => void>): Promise<string[]> => {
    health.state = 'checking';
    try {
      const { written, result } = await startBackups(snapshots, dataDir, now(), (await deps.settings.get()).timeZone, held);
      const sound = result.facts.integrity === 'ok';
      Object.assign(health, { state: sound ? 'ok' : 'damaged', detail: result.facts.integrity, checkedAt: now().toISOString() });
      if (!sound) events.emit('change', 'health');
      return written;
    } catch (error) {
      Object.assign(health, { state: 'failed', detail: error instanceof Error ? error.message : String(error), checkedAt: now().toISOString() });
      throw error;
    }
  };
  // A start job cut off by a quit wrote nothing and failed nothing: it ends with no files, noted once here.
  const started = paused
    ? runStartJob(paused).catch((error: unknown) => {
        if (!(error instanceof BackupAbandoned)) throw error;
        log(error.message);
        return [];
      })
    : null;
  started?.catch((error: unknown) => log('the check and backups at start failed', error));
  // The background jobs, one at a time: the maintenance generator (with the outbox's pruning) and the overdue check,
  // each once at start (catching up on the days the app was closed), then periodically.
  let running: Promise<unknown> = Promise.resolve();
  const job = <T,>(what: string, work: () => Promise<T>) => () => {
    const run = running.then(work);
    running = run.catch((error: unknown) => log(`${what} failed`, error));
    return run;
  };
  const generateMaintenance = job('maintenance generator', () => generateDue(deps));
  const prune = job('outbox pruning', () => pruneOutbox(deps));
  const overdue = job('overdue check', () => checkOverdue(deps));
  const maintain = () => {
    void generateMaintenance().catch(() => undefined);
    void prune().catch(() => undefined);
  };
  maintain();
  void overdue().catch(() => undefined);
  const timers = [
    maintenanceEveryMs === null ? null : setInterval(maintain, maintenanceEveryMs),
    overdueEveryMs === null ? null : setInterval(() => void overdue().catch(() => undefined), overdueEveryMs),
  ];
  for (const timer of timers) timer?.unref();
  // What a killed process left mid-send is marked for a look, never sent again; then what is due goes out.
  outbox.start(outboxEveryMs);
  return {
    dispatch: createDispatch(deps, log),
    events,
    sessionAlive: (sessionId) => deps.sessions.alive(sessionId),
    db,
    dataDir,
    host,
    loadDemo: () => loadDemo(deps, null),
    dailyBackup: () => runStartJob(),
    started,
    health,
    snapshots,
    noteQuit: () => noteQuit(dataDir, now()),
    generateMaintenance,
    sendOutbox: () => outbox.sendDue(),
    checkOverdue: overdue,
    pruneOutbox: prune,
    close: async () => {
      for (const timer of timers) if (timer) clearInterval(timer);
      await outbox.stop();
      await snapshots.stop();
      await running;
      await db.close();
    },
  };
}
