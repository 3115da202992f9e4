/**
 * The desk's backups, kept in the backup store (store.ts: each backup a manifest of 64 KiB chunks of the
 * database file, chunks shared between backups, so a day costs only what changed) and written by the
 * backup worker in its own thread (snapshot-worker.ts) while the desk works:
 * - at start, in the background: the check of the whole database (`PRAGMA quick_check`), and from the same
 *   snapshot the day's backup (14 kept), the month's (12 kept), and the backup of the last quit (7 kept:
 *   a quit writes no copy, it only notes its time; the database is closed until this start, so the snapshot
 *   the start takes before its first write is exactly what the quit left);
 * - manual ones on demand (into the store, or as a whole `.sqlite` file into a folder the admin names);
 * - a safety copy before every restore (10 kept).
 * Each backup has the attachments beside it: `aftercare-<stamp>.backup` + `aftercare-<stamp>.attachments/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { localDate } from '../../../shared/domain/time';
import type { BackupInfo, BackupKind, BackupList } from '../../../shared/domain/data-safety';
import { attachmentsBeside, isBackupName, PREFIX } from './files';
import { MANIFEST_EXT, isManifest, readManifest, storeDir, storeUsage } from './store';
import type { Snapshots, SnapshotJob, SnapshotResult } from './snapshot';

export { ATTACHMENTS, attachmentsBeside, countFiles, linkTree } from './files';

export const KEEP = { daily: 14, monthly: 12, quit: 7, safety: 10 } as const;

export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'monthly', 'quit', 'manual', 'safety'];
export type { BackupKind };
export type BackupFile = BackupInfo;

export class BackupCheckError extends Error {}

/** A quit notes its time here; the next start turns it into that quit's backup. */
const QUIT_NOTE = '.quit-pending';

export function backupDir(dataDir: string, kind: BackupKind): string {
  return path.join(dataDir, 'backups', kind);
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
const liveFile = (dataDir: string) => path.join(dataDir, 'aftercare.sqlite');

function job(dataDir: string, takenAt: Date, manifests: string[], copies: string[], rotations: SnapshotJob['rotations']): SnapshotJob {
  return { dbFile: liveFile(dataDir), dataDir, takenAt: takenAt.toISOString(), manifests, copies, rotations };
}

/** What the start's background job found and wrote. */
export interface StartBackups {
  written: string[];
  result: SnapshotResult;
}

/**
 * The start's background job: checks the whole database and, from the same snapshot, writes the day's and
 * the month's backups if they are missing and the backup of the last quit. A damaged database writes none.
 */
export async function startBackups(snapshots: Snapshots, dataDir: string, now: Date, timeZone: string, paused?: Promise<() => void>): Promise<StartBackups> {
  const day = localDate(now, timeZone);
  const targets: string[] = [];
  const rotations: SnapshotJob['rotations'] = [];
  const add = (kind: 'daily' | 'monthly' | 'quit', name: string) => {
    const file = path.join(backupDir(dataDir, kind), `${PREFIX}${name}${MANIFEST_EXT}`);
    if (fs.existsSync(file) || fs.existsSync(file.replace(MANIFEST_EXT, '.sqlite'))) return;
    targets.push(file);
    rotations.push({ dir: backupDir(dataDir, kind), keep: KEEP[kind] });
  };
  add('daily', day);
  add('monthly', day.slice(0, 7));
  const note = path.join(dataDir, 'backups', QUIT_NOTE);
  const quitAt = fs.existsSync(note) ? fs.readFileSync(note, 'utf8').trim() : '';
  if (quitAt) add('quit', quitAt);
  const result = await snapshots.take(job(dataDir, now, targets, [], rotations), paused);
  if (result.facts.integrity !== 'ok') return { written: [], result };
  if (quitAt) fs.rmSync(note, { force: true });
  return { written: targets, result };
}

/** A quit copies nothing: it notes when it happened (the next start writes that backup from the closed file). */
export function noteQuit(dataDir: string, now: Date): string {
  const note = path.join(dataDir, 'backups', QUIT_NOTE);
  fs.mkdirSync(path.dirname(note), { recursive: true });
  fs.writeFileSync(note, stampOf(now));
  return path.join(backupDir(dataDir, 'quit'), `${PREFIX}${stampOf(now)}${MANIFEST_EXT}`);
}

function checked(result: SnapshotResult): SnapshotResult {
  if (result.facts.integrity !== 'ok') throw new BackupCheckError(`the database failed its check: ${result.facts.integrity}`);
  return result;
}

/** The copy of the current database and attachments a restore takes (inside its exclusive section) before it replaces anything. */
export async function safetyBackup(snapshots: Snapshots, ds: DataSource, dataDir: string, now: Date): Promise<string> {
  const file = path.join(backupDir(dataDir, 'safety'), `${PREFIX}before-restore-${stampOf(now)}${MANIFEST_EXT}`);
  checked(await snapshots.takeExclusive(ds, job(dataDir, now, [file], [], [{ dir: backupDir(dataDir, 'safety'), keep: KEEP.safety }])));
  return file;
}

/** A backup taken now: into the store's manual backups, or as a whole `.sqlite` file into a folder the admin names (a USB disk). */
export async function manualBackup(snapshots: Snapshots, dataDir: string, now: Date, targetDir: string | null): Promise<BackupFile> {
  const file = targetDir ? path.join(targetDir, `${PREFIX}${stampOf(now)}.sqlite`) : path.join(backupDir(dataDir, 'manual'), `${PREFIX}${stampOf(now)}${MANIFEST_EXT}`);
  checked(await snapshots.take(targetDir ? job(dataDir, now, [], [file], []) : job(dataDir, now, [file], [], [])));
  return describe('manual', file, new Map(), now.toISOString());
}

function describe(kind: BackupKind, file: string, own: Map<string, number>, createdAt?: string): BackupFile {
  const stat = fs.statSync(file);
  const files = attachmentsBeside(file);
  let sizeBytes = stat.size;
  let takenAt = createdAt ?? stat.mtime.toISOString();
  if (isManifest(file)) {
    try {
      const manifest = readManifest(file);
      sizeBytes = manifest.sizeBytes;
      takenAt = createdAt ?? manifest.takenAt;
    } catch {
      // shown with its file's size; its preview says what is wrong
    }
  }
  return { kind, file, sizeBytes, storedBytes: own.get(file) ?? stat.size, createdAt: takenAt, attachmentsDir: fs.existsSync(files) ? files : null };
}

export function listBackups(dataDir: string): BackupList {
  const found: { kind: BackupKind; file: string }[] = [];
  for (const kind of BACKUP_KINDS) {
    const dir = backupDir(dataDir, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter(isBackupName)) found.push({ kind, file: path.join(dir, name) });
  }
  const backupsDir = path.join(dataDir, 'backups');
  const { storeBytes, own } = storeUsage(backupsDir, found.map((f) => f.file).filter(isManifest));
  const backups = found.map(({ kind, file }) => describe(kind, file, own));
  const plainBytes = backups.filter((b) => !isManifest(b.file)).reduce((sum, b) => sum + b.storedBytes, 0);
  const manifestBytes = backups.filter((b) => isManifest(b.file)).reduce((sum, b) => sum + fs.statSync(b.file).size, 0);
  const live = liveFile(dataDir);
  return {
    backups: backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file)),
    totalBytes: storeBytes + plainBytes + manifestBytes,
    databaseBytes: fs.existsSync(live) ? fs.statSync(live).size : 0,
    storeDir: storeDir(backupsDir),
  };
}
