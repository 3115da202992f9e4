/**
 * The audit trail's times as integers (issue 17, db/instants.ts): `ticket_events.at` and `audit_log.at` hold
 * milliseconds since 1970 UTC instead of 24 characters of ISO-8601. At a million tickets that is 5.4 million
 * events whose time sits in the row and in the trail's index on it: about 200 MB less. SQLite cannot change a
 * column's type, so each table is rebuilt (the documented way: a new table, the rows copied, the old one dropped,
 * the new one renamed, its indexes made again; TypeORM runs migrations with foreign keys off). Once, about 20 s on
 * the million-ticket desk, after the backup every upgrade takes first. SQLite dialect (unixepoch); a PostgreSQL
 * dialect would `ALTER COLUMN … TYPE bigint USING`.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['ticket_events', 'audit_log'];

/** `table` rebuilt with `column` as an integer holding its instants in milliseconds (`to`), or back as ISO text. */
async function retype(q: QueryRunner, table: string, column: string, to: 'ms' | 'text'): Promise<void> {
  const [{ sql }] = (await q.query(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, [table])) as { sql: string }[];
  const indexes = (await q.query(`SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL`, [table])) as { sql: string }[];
  const [from, into] = to === 'ms' ? [`"${column}" varchar(24) NOT NULL`, `"${column}" integer NOT NULL`] : [`"${column}" integer NOT NULL`, `"${column}" varchar(24) NOT NULL`];
  if (!sql.includes(from)) throw new Error(`${table}.${column} is not ${from}`);
  const next = `${table}_next`;
  await q.query(sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${next}"`).replace(from, into));
  const columns = ((await q.query(`PRAGMA table_info("${table}")`)) as { name: string }[]).map((c) => `"${c.name}"`);
  const converted =
    to === 'ms' ? `CAST(round(unixepoch("${column}", 'subsec') * 1000) AS INTEGER)` : `strftime('%Y-%m-%dT%H:%M:%fZ', "${column}" / 1000.0, 'unixepoch')`;
  const select = columns.map((c) => (c === `"${column}"` ? converted : c)).join(', ');
  await q.query(`INSERT INTO "${next}" (${columns.join(', ')}) SELECT ${select} FROM "${table}" ORDER BY id`);
  await q.query(`DROP TABLE "${table}"`);
  await q.query(`ALTER TABLE "${next}" RENAME TO "${table}"`);
  for (const index of indexes) await q.query(index.sql);
}

export class TrailInstants1765070000000 implements MigrationInterface {
  name = 'TrailInstants1765070000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await retype(q, table, 'at', 'ms');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await retype(q, table, 'at', 'text');
  }
}
