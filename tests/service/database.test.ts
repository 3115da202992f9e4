import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../electron/core/db/data-source';
import { DatabaseOpenError, openDatabase, UPGRADE_COPIES_KEPT } from '../../electron/core/db/open';
import { entities } from '../../electron/core/db/entities';
import { migrations } from '../../electron/core/db/migrations';
import { tempDir } from './harness';

const at = '2026-11-24T02:00:00.000Z';
const tracked = `'${at}', '${at}', NULL, NULL, 1`;

/** Rows written with the first schema's columns; later migrations must carry them along. */
async function seedFirstSchema(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, created_by, updated_by, version) VALUES ('admin', '管理员', 'admin', 'x', ${tracked})`);
  await ds.query(`INSERT INTO customers (kind, name, phone, phone_norm, created_at, updated_at, created_by, updated_by, version) VALUES ('individual', '陈先生', '13800135678', '13800135678', ${tracked})`);
  await ds.query(`INSERT INTO product_models (code, name, product_line, warranty_months, created_at, updated_at, created_by, updated_by, version) VALUES ('KFR-35', '智能空调', '家电', 12, ${tracked})`);
  await ds.query(`INSERT INTO tickets (number, status, channel, reported_at, received_by, customer_id, contact_name, contact_phone, contact_phone_norm, model_id, urgency, problem_type, warranty_status, fault_description, response_due_at, resolve_due_at, created_at, updated_at, created_by, updated_by, version)
    VALUES ('TS202405120001', 'registered', 'phone', '${at}', 1, 1, '陈先生', '13800135678', '13800135678', 1, 'important', 'hardware', 'in', '制冷效果差', '${at}', '${at}', ${tracked})`);
}

describe('migrations', () => {
  it('build exactly the TypeORM model on an empty file (no drift between entities and migrations)', async () => {
    const dir = tempDir();
    const db = await openDatabase({ file: path.join(dir, 'a.sqlite'), backupDir: path.join(dir, 'backups') });
    const pending = await db.ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    const pragmas = await db.query<{ journal_mode: string }>('PRAGMA journal_mode');
    expect(pragmas[0]?.journal_mode).toBe('wal');
    expect((await db.query<{ foreign_keys: number }>('PRAGMA foreign_keys'))[0]?.foreign_keys).toBe(1);
    await db.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it.each(migrations.map((m, i) => [m.name, i] as const).filter(([, i]) => i > 0))(
    '%s runs on a copy of the previous schema with data, after taking a backup',
    async (_name, index) => {
      const dir = tempDir();
      const file = path.join(dir, 'a.sqlite');
      const old = new DataSource({ type: 'better-sqlite3', database: file, entities, migrations: migrations.slice(0, index) });
      await old.initialize();
      await old.runMigrations();
      await seedFirstSchema(old);
      await old.destroy();
      const db = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
      expect((await db.get<{ number: string }>('SELECT number FROM tickets'))?.number).toBe('TS202405120001');
      await db.close();
      expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
    },
  );

  it('keeps only the newest upgrade copies once an upgrade succeeded (each is a whole database)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const backups = path.join(dir, 'backups');
    const old = new DataSource({ type: 'better-sqlite3', database: file, entities, migrations: migrations.slice(0, -1) });
    await old.initialize();
    await old.runMigrations();
    await old.destroy();
    fs.mkdirSync(backups);
    const earlier = ['2025-03-01T08-00-00-000Z', '2025-09-01T08-00-00-000Z', '2026-02-01T08-00-00-000Z'].map((stamp) => `before-migration-${stamp}.sqlite`);
    for (const name of earlier) fs.writeFileSync(path.join(backups, name), 'an earlier upgrade copy');
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'not a copy');
    const db = await openDatabase({ file, backupDir: backups, now: () => new Date(at) });
    await db.close();
    expect(fs.readdirSync(backups).sort()).toEqual([earlier[2], 'before-migration-2026-11-24T02-00-00-000Z.sqlite', 'notes.txt']);
    expect(UPGRADE_COPIES_KEPT).toBe(2);
  });

  it('keeps data when reopened with nothing pending, and takes no backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const first = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    await seedFirstSchema(first.ds);
    await first.close();
    const again = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    expect((await again.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets'))?.n).toBe(1);
    await again.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database written by newer code', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const db = await openDatabase({ file, backupDir: dir });
    await db.query("INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')");
    await db.close();
    await expect(openDatabase({ file, backupDir: dir })).rejects.toMatchObject({ reason: 'too-new' });
  });

  it('reports a file that is not a database clearly instead of crashing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    fs.writeFileSync(file, 'this is not a database, just text '.repeat(200));
    const error = await openDatabase({ file, backupDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('corrupt');
    expect((error as DatabaseOpenError).file).toBe(file);
  });

  it('never synchronises the schema from the model', () => {
    expect(createDataSource(':memory:').options.synchronize).toBe(false);
  });
});
