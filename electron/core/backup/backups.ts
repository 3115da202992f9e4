/**
 * Backups of the desk's database through SQLite's online backup API (never a file copy of a live
 * database): one on the first start of each day, kept with rotation (14 daily, 12 monthly), one at
 * every quit (7 kept), manual ones on demand, and a safety copy before every restore (10 kept). Each
 * database copy is checked with `PRAGMA integrity_check` after it is written, and carries the
 * attachments beside it: `aftercare-<stamp>.sqlite` + `aftercare-<stamp>.attachments/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { localDate } from '../../../shared/domain/time';
import type { BackupInfo, BackupKind } from '../../../shared/domain/data-safety';
import { nativeHandle } from '../db/data-source';
import type { Db } from '../db/db';
import { removePartial } from './leftovers';

export const KEEP = { daily: 14, monthly: 12, quit: 7, safety: 10 } as const;

export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'monthly', 'quit', 'manual', 'safety'];
export type { BackupKind };
export type BackupFile = BackupInfo;

export class BackupCheckError extends Error {}

const PREFIX = 'aftercare-';
export const ATTACHMENTS = 'attachments';

export function backupDir(dataDir: string, kind: BackupKind): string {
  return path.join(dataDir, 'backups', kind);
}

/** `x/aftercare-2026-11-24.sqlite` keeps its attachments in `x/aftercare-2026-11-24.attachments/`. */
export function attachmentsBeside(file: string): string {
  return `${file.replace(/\.sqlite$/i, '')}.attachments`;
}

/**
 * Copies a folder tree as hard links where the file system allows it (same disk), else as copies (a
 * USB disk). Attachments are content-addressed and written once (see services/attachments.ts), so a
 * link never sees a later change; half-written `.tmp` files are skipped.
 */
export function linkTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let count = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) count += linkTree(source, target);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
      if (!fs.existsSync(target)) {
        try {
          fs.linkSync(source, target);
        } catch {
          fs.copyFileSync(source, target);
        }
      }
      count += 1;
    }
  }
  return count;
}

export function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(path.join(dir, entry.name));
    else if (entry.isFile()) count += 1;
  }
  return count;
}

/** Writes a consistent copy of the live database to `file`, proves it sound, then adds the attachments. */
export async function backupTo(db: Db, file: string, dataDir: string): Promise<void> {
  // Counted as a read: a restore waits for it, and it never sees a half-swapped file.
  await writeBackup((temp) => db.read((ds) => nativeHandle(ds).backup(temp)), file, dataDir);
}

/** The same from a data source held directly (inside `Db.exclusive`, where `db.read` would wait for itself). */
export async function backupOf(ds: DataSource, file: string, dataDir: string): Promise<void> {
  await writeBackup((temp) => nativeHandle(ds).backup(temp), file, dataDir);
}

async function writeBackup(take: (temp: string) => Promise<unknown>, file: string, dataDir: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  const files = attachmentsBeside(file);
  const staging = `${files}.partial`;
  try {
    await take(temp);
    checkCopy(temp);
    fs.renameSync(temp, file);
    // After the database: every attachment the copy refers to was written before its row was committed.
    fs.rmSync(staging, { recursive: true, force: true });
    linkTree(path.join(dataDir, ATTACHMENTS), staging);
    fs.rmSync(files, { recursive: true, force: true });
    if (fs.existsSync(staging)) fs.renameSync(staging, files);
  } catch (error) {
    removePartial(file, staging); // a failed backup leaves nothing half-written (a killed one: removed at start)
    throw error;
  }
}

/** A backup is one self-contained file: the copy is switched out of WAL (no -wal/-shm travel with it) and checked. */
function checkCopy(temp: string): void {
  const copy = new Database(temp);
  try {
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupCheckError(`backup failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

function removeBackup(file: string): void {
  fs.rmSync(file, { force: true });
  fs.rmSync(attachmentsBeside(file), { recursive: true, force: true });
}

/** Keeps the newest `keep` backups of a kind (names sort by date), each with its attachments. */
function rotate(dir: string, keep: number): void {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite')).sort() : [];
  for (const old of files.slice(0, Math.max(0, files.length - keep))) removeBackup(path.join(dir, old));
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/**
 * The first start of a desk day takes the daily backup (and the month's first, the monthly one).
 * Returns the files written; nothing when today's backup exists.
 */
export async function dailyBackup(db: Db, dataDir: string, now: Date, timeZone: string): Promise<string[]> {
  const day = localDate(now, timeZone);
  const written: string[] = [];
  const daily = path.join(backupDir(dataDir, 'daily'), `${PREFIX}${day}.sqlite`);
  if (!fs.existsSync(daily)) {
    await backupTo(db, daily, dataDir);
    written.push(daily);
    rotate(backupDir(dataDir, 'daily'), KEEP.daily);
  }
  const monthly = path.join(backupDir(dataDir, 'monthly'), `${PREFIX}${day.slice(0, 7)}.sqlite`);
  if (!fs.existsSync(monthly)) {
    fs.mkdirSync(path.dirname(monthly), { recursive: true });
    fs.copyFileSync(daily, monthly); // a finished backup file, not the live database
    linkTree(attachmentsBeside(daily), attachmentsBeside(monthly));
    written.push(monthly);
    rotate(backupDir(dataDir, 'monthly'), KEEP.monthly);
  }
  return written;
}

/** The backup taken when the app quits (Electron's will-quit, the host's SIGINT/SIGTERM), before the database closes. */
export async function quitBackup(db: Db, dataDir: string, now: Date): Promise<string> {
  const file = path.join(backupDir(dataDir, 'quit'), `${PREFIX}${stampOf(now)}.sqlite`);
  await backupTo(db, file, dataDir);
  rotate(backupDir(dataDir, 'quit'), KEEP.quit);
  return file;
}

/** The copy of the current database and attachments a restore takes (inside its exclusive section) before it replaces anything. */
export async function safetyBackup(ds: DataSource, dataDir: string, now: Date): Promise<string> {
  const file = path.join(backupDir(dataDir, 'safety'), `${PREFIX}before-restore-${stampOf(now)}.sqlite`);
  await backupOf(ds, file, dataDir);
  rotate(backupDir(dataDir, 'safety'), KEEP.safety);
  return file;
}

function describe(kind: BackupKind, file: string, createdAt?: string): BackupFile {
  const stat = fs.statSync(file);
  const files = attachmentsBeside(file);
  return { kind, file, sizeBytes: stat.size, createdAt: createdAt ?? stat.mtime.toISOString(), attachmentsDir: fs.existsSync(files) ? files : null };
}

/** A backup taken now, into the data folder's manual backups or a folder the admin names (a USB disk). */
export async function manualBackup(db: Db, dataDir: string, now: Date, targetDir: string | null): Promise<BackupFile> {
  const file = path.join(targetDir ?? backupDir(dataDir, 'manual'), `${PREFIX}${stampOf(now)}.sqlite`);
  await backupTo(db, file, dataDir);
  return describe('manual', file, now.toISOString());
}

export function listBackups(dataDir: string): BackupFile[] {
  const out: BackupFile[] = [];
  for (const kind of BACKUP_KINDS) {
    const dir = backupDir(dataDir, kind);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith('.sqlite'))) {
      out.push(describe(kind, path.join(dir, name)));
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}
