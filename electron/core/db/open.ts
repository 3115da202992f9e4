/**
 * Opens the desk's database: checks it is a healthy SQLite file, refuses one written by newer code,
 * backs it up before pending migrations, then migrates (each migration in its own transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { systemClock } from '../../../shared/domain/clock';
import { createDataSource, nativeHandle } from './data-source';
import { migrations } from './migrations';
import { Db } from './db';

export type OpenFailure = 'corrupt' | 'too-new' | 'unreadable';

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    readonly file: string,
    detail: string,
  ) {
    super(`${reason}: ${file}: ${detail}`);
  }
}

export interface OpenOptions {
  file: string;
  backupDir: string;
  now?: () => Date;
}

export const knownMigrations = migrations.map((m) => m.name);

export async function openDatabase(options: OpenOptions): Promise<Db> {
  return new Db(await openDataSource(options));
}

/**
 * The checks and migrations of `openDatabase`, returning the bare data source: a restore reopens the
 * swapped file through here and hands the result to the running `Db`.
 */
export async function openDataSource({ file, backupDir, now = systemClock }: OpenOptions): Promise<DataSource> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const ds = createDataSource(file);
  try {
    await ds.initialize();
  } catch (error) {
    throw new DatabaseOpenError(classify(error), file, String(error));
  }
  try {
    // A plainly damaged file stops the start here; the check of every page runs after the start, in the
    // backup worker (backup/snapshot-worker.ts), and a damage only it finds raises the admin's banner.
    const damage = plainDamage(nativeHandle(ds), file);
    if (damage) throw new DatabaseOpenError('corrupt', file, damage);
    const applied = await appliedMigrations(ds);
    const unknown = applied.filter((name) => !knownMigrations.includes(name));
    if (unknown.length > 0) throw new DatabaseOpenError('too-new', file, unknown.join(', '));
    const pending = knownMigrations.filter((name) => !applied.includes(name));
    const upgrade = pending.length > 0 && applied.length > 0;
    if (upgrade) {
      fs.mkdirSync(backupDir, { recursive: true });
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      await nativeHandle(ds).backup(path.join(backupDir, `${UPGRADE_COPY}${stamp}.sqlite`));
    }
    await ds.runMigrations({ transaction: 'each' });
    if (upgrade) {
      pruneUpgradeCopies(backupDir);
      compactAfterUpgrade(nativeHandle(ds));
    }
    return ds;
  } catch (error) {
    if (ds.isInitialized) await ds.destroy();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(classify(error), file, String(error));
  }
}

/**
 * An upgrade that rebuilt big tables (1765080000000-ticket-instants: a million tickets' times as numbers) leaves
 * their old pages free inside the file. More than a quarter free: the file is rewritten once, there and then,
 * so the disk and every later backup get the space back. Never on an ordinary start (the start answers at once).
 */
export function compactAfterUpgrade(handle: Database.Database): boolean {
  const pages = handle.pragma('page_count', { simple: true }) as number;
  const free = handle.pragma('freelist_count', { simple: true }) as number;
  if (free * 4 <= pages) return false;
  handle.exec('VACUUM');
  return true;
}

const UPGRADE_COPY = 'before-migration-';
/** Full copies taken before an upgrade changed the schema; the older ones go once an upgrade succeeded. */
export const UPGRADE_COPIES_KEPT = 2;

/** Keeps the newest upgrade copies (their names sort by time): each is a whole database, and upgrades add up over years. */
export function pruneUpgradeCopies(backupDir: string): void {
  const copies = fs
    .readdirSync(backupDir)
    .filter((name) => name.startsWith(UPGRADE_COPY) && name.endsWith('.sqlite'))
    .sort();
  for (const name of copies.slice(0, -UPGRADE_COPIES_KEPT)) fs.rmSync(path.join(backupDir, name), { force: true });
}

/**
 * What a start can see in milliseconds on a database of any size: a file shorter than its header says (cut
 * off by a copy or a full disk), a schema that does not read, a table whose first pages do not read.
 */
export function plainDamage(handle: Database.Database, file: string): string | null {
  try {
    const pageSize = handle.pragma('page_size', { simple: true }) as number;
    const pages = handle.pragma('page_count', { simple: true }) as number;
    const wal = `${file}-wal`;
    const walBytes = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
    if (walBytes === 0 && fs.statSync(file).size < pageSize * pages) return `the file is shorter than its ${pages} pages of ${pageSize} bytes`;
    const tables = handle.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string; sql: string }[];
    for (const { name, sql } of tables) {
      const table = `"${name.replace(/"/g, '""')}"`;
      handle.prepare(`SELECT * FROM ${table} LIMIT 1`).all();
      if (!/WITHOUT\s+ROWID/i.test(sql)) handle.prepare(`SELECT * FROM ${table} ORDER BY rowid DESC LIMIT 1`).all();
    }
    return null;
  } catch (error) {
    return String(error);
  }
}

function classify(error: unknown): OpenFailure {
  return /not a database|malformed|SQLITE_CORRUPT|SQLITE_NOTADB/i.test(String(error)) ? 'corrupt' : 'unreadable';
}

async function appliedMigrations(ds: DataSource): Promise<string[]> {
  const table: unknown[] = await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'");
  if (table.length === 0) return [];
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
  return rows.map((r) => r.name);
}
