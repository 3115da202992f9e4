/**
 * Restore: what a backup holds (read before the admin confirms), and replacing the live database
 * with it while the app runs.
 *
 * How the swap stays safe:
 * - The backup is first copied (or, from the store, put together from its checked chunks) beside the
 *   live file (`aftercare.sqlite.restoring`) and everything is
 *   checked on that copy (integrity, schema not newer): a USB disk pulled out half-way, or a file
 *   that changes under us, cannot reach the live database.
 * - A safety copy of the current database (online backup API, integrity-checked) and its attachments
 *   is taken before anything is replaced.
 * - The swap runs inside `Db.exclusive`: every queued write has finished, no read is in flight and
 *   new calls wait. The WAL is checkpointed and the connection closed, so the live file is complete
 *   and nobody holds it; leftover -wal/-shm files (they would belong to the old file and corrupt the
 *   new one) are removed; the staged copy is renamed over the live file (atomic on one disk: a crash
 *   leaves either the old or the restored database, never a mix). Copying the backup *into* the live
 *   file through SQLite's backup API would also be safe, but it needs the same page size and keeps
 *   the old connection's caches; closing and reopening also runs the checks and migrations of a
 *   normal start (a backup from an older version is migrated like any older database).
 * - After reopening, `PRAGMA integrity_check` runs on the live file. If opening or the check fails,
 *   the safety copy is put back and reopened the same way, and the admin gets a clear message.
 * - Sessions name users of the replaced database (and the restored file has its own kept ones): everyone is signed out.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { BackupPreview, RestoreResult } from '../../../shared/domain/data-safety';
import { knownMigrations, openDataSource } from '../db/open';
import type { Db } from '../db/db';
import { ATTACHMENTS, attachmentsBeside, countFiles, linkTree, safetyBackup } from './backups';
import type { Snapshots } from './snapshot';
import { isManifest, materialize, missingChunks, readManifest, type Manifest } from './store';
import { newestTicketAt } from '../db/instants';

export const DATABASE_FILE = 'aftercare.sqlite';

/** Why a restore was refused or undone; the service words it for the admin. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'live' | 'corrupt' | 'notAftercare' | 'tooNew' | 'failedAfter',
    detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

const versionOf = (name: string): number => Number(/(\d{13})$/.exec(name)?.[1] ?? 0);
export const APP_SCHEMA_VERSION = Math.max(...knownMigrations.map(versionOf));

function count(db: Database.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
}

/** The store a manifest's chunks are in: `backups/store` beside its kind's folder (also on a copied backups folder). */
const storeOf = (manifest: string) => path.join(path.dirname(path.dirname(manifest)), 'store');

function schemaFit(names: string[]): { schemaVersion: number; schema: BackupPreview['schema'] } {
  const schemaVersion = Math.max(...names.map(versionOf));
  const unknown = names.some((n) => !knownMigrations.includes(n));
  return { schemaVersion, schema: unknown || schemaVersion > APP_SCHEMA_VERSION ? 'newer' : schemaVersion < APP_SCHEMA_VERSION ? 'older' : 'same' };
}

/** A backup of the store, previewed from what its snapshot held (read when it was taken) and the presence of its chunks. */
function previewManifest(file: string): BackupPreview {
  const preview: BackupPreview = {
    file, sizeBytes: fs.statSync(file).size, takenAt: fs.statSync(file).mtime.toISOString(), integrity: '', schemaVersion: null,
    appSchemaVersion: APP_SCHEMA_VERSION, schema: 'unknown', tickets: 0, customers: 0, returnedDevices: 0, newestTicketAt: null,
    attachments: countFiles(attachmentsBeside(file)), restorable: false,
  };
  let manifest: Manifest;
  try {
    manifest = readManifest(file);
  } catch (error) {
    preview.integrity = error instanceof Error ? error.message : String(error);
    return preview;
  }
  const { facts } = manifest;
  const missing = missingChunks(storeOf(file), manifest);
  Object.assign(preview, {
    sizeBytes: manifest.sizeBytes, takenAt: manifest.takenAt, tickets: facts.tickets, customers: facts.customers,
    returnedDevices: facts.returnedDevices, newestTicketAt: facts.newestTicketAt,
    integrity: missing > 0 ? `${missing} parts of this backup are missing from ${storeOf(file)}` : facts.integrity,
  });
  if (facts.migrations.length > 0) Object.assign(preview, schemaFit(facts.migrations));
  preview.restorable = preview.integrity === 'ok' && (preview.schema === 'same' || preview.schema === 'older');
  return preview;
}

/** Reads a backup without changing it: counts, newest ticket, schema, integrity. */
export function previewBackup(file: string, takenAt?: string): BackupPreview {
  if (isManifest(file)) return previewManifest(file);
  const stat = fs.statSync(file);
  const preview: BackupPreview = {
    file,
    sizeBytes: stat.size,
    takenAt: takenAt ?? stat.mtime.toISOString(),
    integrity: '',
    schemaVersion: null,
    appSchemaVersion: APP_SCHEMA_VERSION,
    schema: 'unknown',
    tickets: 0,
    customers: 0,
    returnedDevices: 0,
    newestTicketAt: null,
    attachments: countFiles(attachmentsBeside(file)),
    restorable: false,
  };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    preview.integrity = problems.slice(0, 3).map((p) => p.integrity_check).join('; ');
    if (preview.integrity !== 'ok') return preview;
    if (count(db, 'migrations') > 0) {
      Object.assign(preview, schemaFit((db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name)));
    }
    preview.tickets = count(db, 'tickets');
    preview.customers = count(db, 'customers');
    preview.returnedDevices = count(db, 'returned_devices');
    if (preview.tickets > 0) preview.newestTicketAt = newestTicketAt(db);
  } catch (error) {
    // Not a database at all ("file is not a database"), or damaged beyond the check.
    preview.integrity = error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
  preview.restorable = preview.integrity === 'ok' && (preview.schema === 'same' || preview.schema === 'older');
  return preview;
}

function refusal(preview: BackupPreview): RestoreRefused | null {
  if (preview.integrity !== 'ok') return new RestoreRefused('corrupt', preview.integrity);
  if (preview.schema === 'newer') return new RestoreRefused('tooNew', String(preview.schemaVersion));
  if (preview.schema === 'unknown') return new RestoreRefused('notAftercare');
  return null;
}

/** Where a backup named by the admin really is; never the live database itself (that would be a file copy of it). */
export function resolveBackupFile(dataDir: string, file: string): string {
  const resolved = path.resolve(dataDir, file);
  const live = path.resolve(dataDir, DATABASE_FILE);
  if (resolved === live || resolved.startsWith(`${live}-`) || resolved.startsWith(`${live}.`)) throw new RestoreRefused('live');
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) throw new RestoreRefused('missing');
  return resolved;
}

function removeCompanions(live: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${live}${suffix}`, { force: true });
}

/** Copies a closed file and flushes it to disk before it is renamed into place. */
function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function integrityOf(ds: DataSource): Promise<string> {
  const rows = (await ds.query('PRAGMA integrity_check')) as { integrity_check: string }[];
  return rows.slice(0, 3).map((r) => r.integrity_check).join('; ');
}

export interface RestoreOptions {
  db: Db;
  snapshots: Snapshots;
  dataDir: string;
  /** The backup file, already resolved (see `resolveBackupFile`). */
  source: string;
  now: Date;
  /** Test seam: runs on the staged copy just before it replaces the live file. */
  beforeSwap?: (staged: string) => void;
}

export async function restoreBackup({ db, snapshots, dataDir, source, now, beforeSwap }: RestoreOptions): Promise<RestoreResult> {
  const live = path.join(dataDir, DATABASE_FILE);
  const staged = `${live}.restoring`;
  try {
    // A backup of the store is put together from its chunks, each checked against its hash.
    let takenAt = fs.statSync(source).mtime.toISOString();
    if (isManifest(source)) {
      try {
        const manifest = readManifest(source);
        materialize(storeOf(source), manifest, staged);
        takenAt = manifest.takenAt;
      } catch (error) {
        throw new RestoreRefused('corrupt', error instanceof Error ? error.message : String(error));
      }
    } else copyDurably(source, staged);
    const restored = { ...previewBackup(staged, takenAt), file: source, attachments: countFiles(attachmentsBeside(source)) };
    const refused = refusal(restored);
    if (refused) throw refused;
    // Attachments are content-addressed (the name is the SHA-256): adding the backup's files to the
    // live folder gives every restored row its file and overwrites nothing; files only the replaced
    // database used stay (unreferenced) and are in the safety copy's folder anyway.
    linkTree(attachmentsBeside(source), path.join(dataDir, ATTACHMENTS));
    beforeSwap?.(staged);
    let safetyCopy = '';
    const failure = await db.exclusive(async (ds) => {
      // Inside the exclusive section, so no write can land between the safety copy and the swap.
      safetyCopy = await safetyBackup(snapshots, ds, dataDir, now);
      const checkpoint = (await ds.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number }[];
      if (checkpoint[0]?.busy) return { ds, value: new RestoreRefused('failedAfter', 'the database is busy') };
      await ds.destroy();
      removeCompanions(live);
      fs.renameSync(staged, live);
      const reopen = () => openDataSource({ file: live, backupDir: path.join(dataDir, 'backups'), now: () => now });
      let problem: string;
      try {
        const next = await reopen();
        problem = await integrityOf(next);
        if (problem === 'ok') return { ds: next, value: null };
        await next.destroy();
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      // The restored file failed: the safety copy goes back, and the desk keeps its data.
      removeCompanions(live);
      materialize(storeOf(safetyCopy), readManifest(safetyCopy), `${live}.undo`);
      fs.renameSync(`${live}.undo`, live);
      return { ds: await reopen(), value: new RestoreRefused('failedAfter', problem) };
    });
    if (failure) throw failure;
    return { restored, safetyCopy };
  } finally {
    fs.rmSync(staged, { force: true });
  }
}
