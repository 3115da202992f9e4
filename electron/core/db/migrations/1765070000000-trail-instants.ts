/**
 * The audit trail's times as integers (issue 17, db/instants.ts): `ticket_events.at` and `audit_log.at` hold
 * milliseconds since 1970 UTC instead of 24 characters of ISO-8601. At a million tickets that is 5.4 million
 * events whose time sits in the row and in the trail's index on it: about 230 MB less. SQLite cannot change a
 * column's type, so each table is rebuilt (the documented way: a new table, the rows copied, the old one dropped,
 * the new one renamed, its indexes made again; TypeORM runs migrations with foreign keys off). Once, about 20 s on
 * the million-ticket desk, after the backup every upgrade takes first. SQLite dialect (unixepoch); a PostgreSQL
 * dialect would `ALTER COLUMN … TYPE bigint USING`.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['ticket_events', 'audit_log'];

/**
 * `table` rebuilt with its time `columns` as integers holding milliseconds (`to` 'ms'), or back as ISO-8601 text.
 * Its indexes are made again; its triggers too, unless `triggers` is false (the caller makes new ones).
 */
export async function retypeInstants(q: QueryRunner, table: string, columns: string[], to: 'ms' | 'text', triggers = true): Promise<void> {
  const [{ sql }] = (await q.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table])) as [{ sql: string }];
  const kinds = triggers ? "('index', 'trigger')" : "('index')";
  const rebuilt = (await q.query(`SELECT sql FROM sqlite_master WHERE type IN ${kinds} AND tbl_name = ? AND sql IS NOT NULL`, [table])) as { sql: string }[];
  const [from, into] = to === 'ms' ? ['varchar(24)', 'integer'] : ['integer', 'varchar(24)'];
  let next = sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}_next"`);
  for (const column of columns) {
    const declared = `"${column}" ${from}`;
    if (!next.includes(declared)) throw new Error(`${table}.${column} is not ${from}`);
    next = next.replace(declared, `"${column}" ${into}`);
  }
  await q.query(next);
  const all = ((await q.query(`PRAGMA table_info("${table}")`)) as { name: string }[]).map((c) => c.name);
  const converted = (c: string) =>
    to === 'ms' ? `CAST(round(unixepoch("${c}", 'subsec') * 1000) AS INTEGER)` : `strftime('%Y-%m-%dT%H:%M:%fZ', "${c}" / 1000.0, 'unixepoch')`;
  const select = all.map((c) => (columns.includes(c) ? converted(c) : `"${c}"`)).join(', ');
  await q.query(`INSERT INTO "${table}_next" (${all.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM "${table}" ORDER BY id`);
  await q.query(`DROP TABLE "${table}"`);
  await q.query(`ALTER TABLE "${table}_next" RENAME TO "${table}"`);
  for (const object of rebuilt) await q.query(object.sql);
}

export class TrailInstants1765070000000 implements MigrationInterface {
  name = 'TrailInstants1765070000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await retypeInstants(q, table, ['at'], 'ms');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await retypeInstants(q, table, ['at'], 'text');
  }
}
