/**
 * Benchmark data: a fresh database through the real schema (openCore runs the migrations), then bulk
 * inserts with prepared statements in large transactions. Seeded, so every run builds the same desk.
 *   npm run bench:data -- --tickets 1000000 --data-dir .data/bench [--seed 7] [--peak-month 2026-10 --peak-tickets 100000]
 * Counts scale from --tickets: 0.3 customers and 0.4 devices per ticket, 60 models, 5 years of tickets.
 * The peak month (default 2026-10, min(100,000, tickets / 10) tickets; `--peak-month none` for none) feeds
 * the monthly statistics and workbook cases. Tickets carry their lifecycle columns (response, resolution,
 * satisfaction, visits, reopens, follow-up, service mode) so the statistics have something to count.
 * After the tickets (generate-service.ts): a spare-parts catalogue (325 parts) with the parts used on about a
 * third of resolved tickets and their stock movements, two fee standards with a bill for each paid repair
 * (about 30 % of tickets) and its payments, and returned devices (about 5 % of tickets, most depot repairs).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openCore } from '../../electron/core';
import { nativeHandle } from '../../electron/core/db/data-source';
import { statisticsBackfill, statisticsTriggers } from '../../electron/core/db/migrations/1764870000000-statistics-upkeep';
import { MS_TIMES } from '../../electron/core/db/migrations/1765080000000-ticket-instants';

const STATISTICS_TRIGGERS = statisticsTriggers(MS_TIMES);
import { Rng } from './prng';
import { arg, BENCH_ADMIN, CANDIDATES_FILE, dataDirArg } from './common';
import { insertPeople } from './generate-people';
import { insertTickets } from './generate-tickets';
import { insertService } from './generate-service';
import { indexFaults } from './generate-fault-terms';

const tickets = Number(arg('tickets', '1000000'));
const seed = Number(arg('seed', '7'));
// One month of the five years holds a fixed number of tickets so the monthly reports run on a 100k-ticket month.
const peakMonth = arg('peak-month', '2026-10');
const peakTickets = Number(arg('peak-tickets', String(Math.min(100_000, Math.round(tickets / 10)))));
const peak = peakMonth === 'none' || peakTickets <= 0 ? null : { month: peakMonth, tickets: peakTickets };
const dataDir = dataDirArg();
const started = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

async function main(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  for (const f of fs.readdirSync(dataDir)) if (/\.sqlite(-wal|-shm)?$/.test(f)) fs.rmSync(path.join(dataDir, f));
  const core = await openCore({ dataDir, log: () => undefined });
  const client = { sessionId: null, locale: 'zh-CN' as const };
  const setup = await core.dispatch('auth.setup', BENCH_ADMIN, client);
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  log(`schema migrated, admin created in ${dataDir}`);
  const db = nativeHandle(core.db.ds);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  db.exec(`ATTACH '${path.join(dataDir, CANDIDATES_FILE)}' AS cand`);
  db.exec(`CREATE VIRTUAL TABLE cand.desc_trigram USING fts5(fault_description, content='', tokenize='trigram');
    CREATE VIRTUAL TABLE cand.desc_words USING fts5(words, content='', tokenize='unicode61');`);
  const indexes = dropIndexes(db);
  // The statistics triggers look tickets up by index: without indexes they scan. Off for the load, then
  // what they keep is computed once, as the migration does.
  for (const [name] of STATISTICS_TRIGGERS) db.exec(`DROP TRIGGER "${name}"`);
  const rng = new Rng(seed);
  const people = insertPeople(db, rng, tickets, log);
  insertTickets(db, rng, tickets, people, log, peak);
  insertService(db, rng, people, dataDir, log);
  indexFaults(db, log);
  log(`recreating ${indexes.length} indexes`);
  for (const sql of indexes) db.exec(sql);
  log('indexes built');
  for (const sql of statisticsBackfill(MS_TIMES)) db.exec(sql);
  for (const [, sql] of STATISTICS_TRIGGERS) db.exec(sql);
  log('statistics counts and repeat flags built');
  db.exec('DETACH cand');
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  await core.close();
  const size = fs.statSync(path.join(dataDir, 'aftercare.sqlite')).size / 1e6;
  const cand = fs.statSync(path.join(dataDir, CANDIDATES_FILE)).size / 1e6;
  log(`done: ${tickets} tickets, database ${size.toFixed(0)} MB, FTS candidates ${cand.toFixed(0)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Secondary indexes are rebuilt once after the load (same SQL as the migrations): much faster than per row. */
const LOADED_TABLES = ['customers', 'devices', 'tickets', 'ticket_events', 'audit_log', 'ticket_parts', 'ticket_labour', 'stock_movements', 'bills', 'payments', 'returned_devices', 'returned_device_events', 'attachments'];
function dropIndexes(db: Database.Database): string[] {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')})`)
    .all() as { name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
