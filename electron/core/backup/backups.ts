/**
 * Backups of the desk's database through SQLite's online backup API (never a file copy of a live
 * database): one on the first start of each day, kept with rotation (14 daily, 12 monthly), and manual
 * ones on demand, each checked with `PRAGMA integrity_check` after it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { localDate } from '../../../shared/domain/time';
import { nativeHandle } from '../db/data-source';
import type { Db } from '../db/db';

export const KEEP = { daily: 14, monthly: 12 } as const;

export type BackupKind = 'daily' | 'monthly' | 'manual';

export interface BackupFile {
  kind: BackupKind;
  file: string;
  sizeBytes: number;
  createdAt: string;
}

export class BackupCheckError extends Error {}

const PREFIX = 'aftercare-';

export function backupDir(dataDir: string, kind: BackupKind): string {
  return path.join(dataDir, 'backups', kind);
}

/** Writes a consistent copy of the live database to `file`, then proves the copy is sound. */
export async function backupTo(db: Db, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  await nativeHandle(db.ds).backup(temp);
  // A backup is one self-contained file: switch the copy out of WAL so no -wal/-shm files travel with it.
  const copy = new Database(temp);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupCheckError(`backup failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
  fs.renameSync(temp, file);
}

/** Keeps the newest `keep` backups of a kind (names sort by date). */
function rotate(dir: string, keep: number): void {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite')).sort() : [];
  for (const old of files.slice(0, Math.max(0, files.length - keep))) fs.rmSync(path.join(dir, old));
}

/**
 * The first start of a desk day takes the daily backup (and the month's first, the monthly one).
 * Returns the files written; nothing when today's backup exists.
 */
export async function dailyBackup(db: Db, dataDir: string, now: Date, timeZone: string): Promise<string[]> {
  const day = localDate(now, timeZone);
  const written: string[] = [];
  const daily = path.join(backupDir(dataDir, 'daily'), `${PREFIX}${day}.sqlite`);
  if (!fs.existsSync(daily)) {
    await backupTo(db, daily);
    written.push(daily);
    rotate(backupDir(dataDir, 'daily'), KEEP.daily);
  }
  const monthly = path.join(backupDir(dataDir, 'monthly'), `${PREFIX}${day.slice(0, 7)}.sqlite`);
  if (!fs.existsSync(monthly)) {
    fs.mkdirSync(path.dirname(monthly), { recursive: true });
    fs.copyFileSync(daily, monthly); // a finished backup file, not the live database
    written.push(monthly);
    rotate(backupDir(dataDir, 'monthly'), KEEP.monthly);
  }
  return written;
}

/** A backup taken now, into the data folder's manual backups or a folder the admin names (a USB disk). */
export async function manualBackup(db: Db, dataDir: string, now: Date, targetDir: string | null): Promise<BackupFile> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = path.join(targetDir ?? backupDir(dataDir, 'manual'), `${PREFIX}${stamp}.sqlite`);
  await backupTo(db, file);
  return { kind: 'manual', file, sizeBytes: fs.statSync(file).size, createdAt: now.toISOString() };
}

export function listBackups(dataDir: string): BackupFile[] {
  const out: BackupFile[] = [];
  for (const kind of ['daily', 'monthly', 'manual'] as const) {
    const dir = backupDir(dataDir, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))) {
      const stat = fs.statSync(path.join(dir, name));
      out.push({ kind, file: path.join(dir, name), sizeBytes: stat.size, createdAt: stat.mtime.toISOString() });
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}
