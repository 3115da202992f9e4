/**
 * Opens the desk's database: checks it is a healthy SQLite file, refuses one written by newer code,
 * backs it up before pending migrations, then migrates (each migration in its own transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
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
    // quick_check at every start (it reads every page; the full integrity_check also cross-checks every
    // index, which on a desk with years of tickets costs seconds): a torn or damaged file stops here.
    const check = (await ds.query('PRAGMA quick_check')) as { quick_check: string }[];
    if (check[0]?.quick_check !== 'ok') throw new DatabaseOpenError('corrupt', file, JSON.stringify(check.slice(0, 5)));
    const applied = await appliedMigrations(ds);
    const unknown = applied.filter((name) => !knownMigrations.includes(name));
    if (unknown.length > 0) throw new DatabaseOpenError('too-new', file, unknown.join(', '));
    const pending = knownMigrations.filter((name) => !applied.includes(name));
    if (pending.length > 0 && applied.length > 0) {
      fs.mkdirSync(backupDir, { recursive: true });
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      await nativeHandle(ds).backup(path.join(backupDir, `before-migration-${stamp}.sqlite`));
    }
    await ds.runMigrations({ transaction: 'each' });
    return ds;
  } catch (error) {
    if (ds.isInitialized) await ds.destroy();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(classify(error), file, String(error));
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
