/**
 * The benchmark: opens the generated database through the real core (openCore + a signed-in session) and
 * times each case p50/p95/max over many runs with varying inputs drawn from the data; search cases also run
 * their SQL on the raw better-sqlite3 handle (same statements, same indexes) to show the core's overhead.
 *   npm run bench -- --data-dir .data/bench [--runs 200] [--creates 2000] [--lan-seconds 60]
 * Writes bench-results.json in the working directory.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core';
import { nativeHandle } from '../../electron/core/db/data-source';
import type { Client } from '../../electron/core/context';
import { listQueries } from '../../electron/core/services/tickets.query';
import { relatedQuery } from '../../electron/core/services/related.service';
import { ticketListInput, ticketRelatedInput } from '../../shared/api/tickets.schema';
import type { InputOf } from '../../shared/api/contract';
import { previousPeriod } from '../../shared/domain/statistics';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/time';
import { firstScreen, HOST } from './first-screen';
import { lanLoad } from './lan-load';
import { arg, BENCH_ADMIN, CANDIDATES_FILE, dataDirArg, FAULT_QUERIES, words } from './common';
import { Rng } from './prng';

interface Result {
  name: string;
  unit: 'ms' | 'per_s' | 'MB' | 'count';
  p50: number;
  p95: number;
  max: number;
  raw_p95?: number;
}

const RUNS = Number(arg('runs', '200'));
const CREATES = Number(arg('creates', '2000'));
const dataDir = dataDirArg();
const results: Result[] = [];
const notBuilt: string[] = [];
/** The generator's peak month (100,000 tickets in the 1,000,000): the monthly statistics and workbook run on it. */
const PEAK_MONTH = arg('peak-month', '2026-10');
const STAT_RUNS = Number(arg('stat-runs', '10'));
const WORKBOOK_RUNS = Number(arg('workbook-runs', '4'));
/** `--only reports,create`: run only these groups (search, list, detail, reports, slip, create, first-screen, lan). */
const ONLY = arg('only', '').split(',').filter(Boolean);
const wanted = (group: string) => ONLY.length === 0 || ONLY.includes(group);
const rng = new Rng(42);

function stats(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function time<T>(inputs: T[], run: (input: T) => Promise<unknown> | unknown): Promise<number[]> {
  for (const input of inputs.slice(0, 20)) await run(input); // warm-up: statement caches, pages in memory
  const out: number[] = [];
  for (const input of inputs) {
    const t = process.hrtime.bigint();
    await run(input);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function record(name: string, samples: number[], raw?: number[]): void {
  const s = stats(samples);
  const r: Result = { name, unit: 'ms', p50: round(s.p50), p95: round(s.p95), max: round(s.max) };
  if (raw) r.raw_p95 = round(stats(raw).p95);
  results.push(r);
}

async function call<M extends Parameters<Core['dispatch']>[0]>(core: Core, client: Client, method: M, input: unknown): Promise<unknown> {
  const r = await core.dispatch(method, input, client);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** The raw twin of tickets.list: the same two statements, prepared once, on the better-sqlite3 handle. */
function rawList(db: Database.Database, now: string) {
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = db.prepare(sql)));
    return st;
  };
  return (input: InputOf<'tickets.list'>) => {
    const q = listQueries(ticketListInput.parse(input), { userId: 0, now, timeZone: DEFAULT_TIME_ZONE });
    prep(q.page.sql).all(...q.page.params);
    prep(q.count.sql).get(...q.count.params);
  };
}

function sample<T>(db: Database.Database, sql: string, n = RUNS): T[] {
  const max = (db.prepare('SELECT MAX(id) AS m FROM tickets').get() as { m: number }).m;
  const out: T[] = [];
  const st = db.prepare(sql);
  while (out.length < n) {
    const row = st.get(1 + rng.int(max)) as T | undefined;
    if (row !== undefined) out.push(row);
  }
  return out;
}

async function main(): Promise<void> {
  const file = path.join(dataDir, 'aftercare.sqlite');
  if (!fs.existsSync(file)) throw new Error(`no database in ${dataDir}: run npm run bench:data first`);
  // A fresh day per run after the data's last day, so repeated runs never exhaust a daily number sequence.
  const probe = await openCore({ dataDir, log: () => undefined });
  const lastScope = (nativeHandle(probe.db.ds).prepare('SELECT MAX(scope) AS s FROM number_sequences').get() as { s: string }).s;
  await probe.close();
  const d = lastScope.slice(2, 10);
  const day = new Date(Date.parse(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T02:00:00Z`) + 86_400_000);
  let clock = day.getTime();
  const core = await openCore({ dataDir, now: () => new Date(clock), log: console.error });
  const client: Client = { sessionId: null, locale: 'zh-CN' };
  await call(core, client, 'auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
  const db = nativeHandle(core.db.ds);
  const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
  console.log(`${tickets} tickets in ${file}; ${RUNS} runs per case`);
  const list = rawList(db, new Date(clock).toISOString());

  const searchCase = async (name: string, inputs: InputOf<'tickets.list'>[]) => {
    const api = await time(inputs, (i) => call(core, client, 'tickets.list', i));
    record(name, api, await time(inputs, list));
  };
  const byTicket = sample<{ number: string; contact_phone: string; serial: string | null; name: string; model_code: string }>(
    db, `SELECT t.number, t.contact_phone, t.serial, c.name, m.code AS model_code FROM tickets t JOIN customers c ON c.id = t.customer_id
      JOIN product_models m ON m.id = t.model_id WHERE t.id = ? AND t.serial IS NOT NULL AND c.kind = 'individual'`);
  if (wanted('search')) {
    await searchCase('search: ticket number (tickets.list q)', byTicket.map((r) => ({ q: r.number })));
    await searchCase('search: phone (tickets.list q)', byTicket.map((r) => ({ q: r.contact_phone })));
    await searchCase('search: serial (tickets.list q)', byTicket.map((r) => ({ q: r.serial! })));
    await searchCase('search: full name, 3 chars, trigram (tickets.list q)', byTicket.filter((r) => [...r.name].length >= 3).map((r) => ({ q: r.name })));
    await searchCase('search: name fragment, 2 chars, grams (tickets.list q)', byTicket.map((r) => ({ q: [...r.name].slice(-2).join('') })));
    // Issue 21: what clerks type as they go (the broad ones take the newest SEARCH_HITS hits of their index).
    await searchCase('search: phone last 4 digits (tickets.list q)', byTicket.map((r) => ({ q: r.contact_phone.slice(-4) })));
    await searchCase('search: phone prefix, 3 digits (tickets.list q)', byTicket.map((r) => ({ q: r.contact_phone.slice(0, 3) })));
    await searchCase('search: serial prefix, 6 chars (tickets.list q)', byTicket.map((r) => ({ q: r.serial!.slice(0, 6) })));
    await searchCase('search: model code prefix (tickets.list q)', byTicket.map((r) => ({ q: r.model_code.slice(0, 6) })));
    const faults = Array.from({ length: RUNS }, (_, i) => ({ q: FAULT_QUERIES[i % FAULT_QUERIES.length]! }));
    await searchCase('search: fault word, Chinese (tickets.list q)', faults);
    await customerSearches(core, client, db, byTicket);
    await faultSearches(db);
  }
  if (wanted('list')) await listCases(core, client, list);
  if (wanted('detail')) await detailCase(core, client, db);
  if (wanted('intake')) await intakeCases(core, client, db, new Date(clock));
  if (wanted('reports')) await reportCases(core, client, db);
  if (wanted('slip')) await slipCase(core, client, db);
  if (wanted('create')) await createCases(core, client, db, () => new Date((clock += 1000)));
  await core.close();
  if (wanted('first-screen')) await firstScreenCase();
  if (wanted('lan')) await lanCase();
  const size = fs.statSync(file).size / 1e6;
  const perMillion = (size * 1e6) / tickets;
  results.push({ name: 'database file size per million tickets', unit: 'MB', p50: Math.round(perMillion), p95: Math.round(perMillion), max: Math.round(perMillion) });
  print();
}

/** A receipt slip (the acceptance slip, 80 mm) rendered to HTML by the core: layout, codes, embedded font. */
async function slipCase(core: Core, client: Client, db: Database.Database) {
  const ids = sample<{ id: number }>(db, 'SELECT id FROM tickets WHERE id = ?', 50).map((r) => r.id);
  record('receipt slip rendering to HTML (slips.render)', await time(ids, (id) => call(core, client, 'slips.render', { document: 'ticketAcceptance', id, paper: '80mm' })));
}

/** Browser mode's first screen after start, and its initial JavaScript gzipped (needs the built app). */
async function firstScreenCase() {
  if (!fs.existsSync(HOST)) {
    notBuilt.push('browser-mode first screen (run npm run build first)');
    return;
  }
  const { samples, jsGzipKB } = await firstScreen(5);
  record('browser-mode first screen: host start to page and initial assets served', samples);
  const mb = Math.round((jsGzipKB / 1024) * 1000) / 1000;
  results.push({ name: 'browser-mode first screen: initial JavaScript, gzipped', unit: 'MB', p50: mb, p95: mb, max: mb });
}

/** customers.search and devices.search against their raw twins (same SQL text as the services). */
async function customerSearches(core: Core, client: Client, db: Database.Database, rows: { contact_phone: string; serial: string | null; name: string }[]) {
  const fields = 'id, name, salutation, phone, contact_person, key_account';
  const byName = db.prepare(`SELECT ${fields} FROM customers WHERE id IN (
         SELECT id FROM (SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT ?)
         UNION SELECT id FROM (SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ? LIMIT ?)) LIMIT ?`);
  const byGram = db.prepare(`SELECT ${fields} FROM customers WHERE id IN (
         SELECT id FROM (SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT ?)
         UNION SELECT id FROM (SELECT customer_id AS id FROM customer_grams WHERE gram = ? LIMIT ?)) LIMIT ?`);
  const byPhone = db.prepare(`SELECT ${fields} FROM customers WHERE phone_norm >= ? AND phone_norm < ?
       UNION SELECT ${fields} FROM customers WHERE phone2_norm >= ? AND phone2_norm < ? LIMIT ?`);
  const bySerial = db.prepare(`SELECT d.*, m.code, m.name AS model_name, m.warranty_months, c.name AS customer_name
     FROM devices d JOIN product_models m ON m.id = d.model_id LEFT JOIN customers c ON c.id = d.customer_id
     WHERE d.serial >= ? AND d.serial < ? ORDER BY d.serial LIMIT ?`);
  const full = rows.filter((r) => [...r.name].length >= 3).map((r) => r.name);
  record('search: full name, trigram (customers.search)', await time(full, (q) => call(core, client, 'customers.search', { q })),
    await time(full, (q) => byName.all(q, `${q}\uffff`, 10, `"${q}"`, 10, 10)));
  const two = rows.map((r) => [...r.name].slice(-2).join(''));
  record('search: name fragment, 2 chars, grams (customers.search)', await time(two, (q) => call(core, client, 'customers.search', { q })),
    await time(two, (q) => byGram.all(q, `${q}\uffff`, 10, q, 10, 10)));
  const phones = rows.map((r) => r.contact_phone.slice(0, 7));
  record('search: phone prefix, 7 digits (customers.search)', await time(phones, (q) => call(core, client, 'customers.search', { q })),
    await time(phones, (q) => byPhone.all(q, `${q}\uffff`, q, `${q}\uffff`, 10)));
  const serials = rows.map((r) => r.serial!);
  record('search: serial (devices.search)', await time(serials, (q) => call(core, client, 'devices.search', { q })),
    await time(serials, (q) => bySerial.all(q, `${q}\uffff`, 10)));
}

/** The index designs measured before choosing character pairs (search/fault-words.ts): trigram, Intl.Segmenter words and a LIKE scan, raw. */
async function faultSearches(db: Database.Database) {
  db.exec(`ATTACH '${path.join(dataDir, CANDIDATES_FILE)}' AS cand`);
  const cols = 'SELECT t.id, t.number, t.status, t.reported_at, substr(t.fault_description, 1, 80) FROM tickets t WHERE t.id IN';
  const tri = db.prepare(`${cols} (SELECT rowid FROM cand.desc_trigram WHERE desc_trigram MATCH ? ORDER BY rowid DESC LIMIT 50) ORDER BY t.id DESC`);
  const triLike = db.prepare(`${cols} (SELECT rowid FROM cand.desc_trigram WHERE fault_description LIKE ? ORDER BY rowid DESC LIMIT 50) ORDER BY t.id DESC`);
  const seg = db.prepare(`${cols} (SELECT rowid FROM cand.desc_words WHERE desc_words MATCH ? ORDER BY rowid DESC LIMIT 50) ORDER BY t.id DESC`);
  const scan = db.prepare(`${cols} (SELECT id FROM tickets WHERE fault_description LIKE ? ORDER BY id DESC LIMIT 50) ORDER BY t.id DESC`);
  const countTri = db.prepare('SELECT COUNT(*) AS n FROM cand.desc_trigram WHERE desc_trigram MATCH ?');
  const countSeg = db.prepare('SELECT COUNT(*) AS n FROM cand.desc_words WHERE desc_words MATCH ?');
  const qs = Array.from({ length: RUNS }, (_, i) => FAULT_QUERIES[i % FAULT_QUERIES.length]!);
  const long = qs.filter((q) => [...q].length >= 3);
  const short = qs.filter((q) => [...q].length < 3);
  const phrase = (q: string) => `"${words(q).join(' ')}"`;
  record('fault word ≥3 chars: FTS5 trigram MATCH, newest 50 (raw only)', await time(long, (q) => tri.all(`"${q}"`)));
  record('fault word 2 chars: FTS5 trigram LIKE fallback, newest 50 (raw only)', await time(short, (q) => triLike.all(`%${q}%`)));
  record('fault word (any): FTS5 Intl.Segmenter words, newest 50 (raw only)', await time(qs, (q) => seg.all(phrase(q))));
  record('fault word (any): LIKE scan of tickets, newest 50 (raw only)', await time(qs, (q) => scan.all(`%${q}%`)));
  record('fault word ≥3 chars: trigram hit count (raw only)', await time(long.slice(0, 40), (q) => countTri.get(`"${q}"`)));
  record('fault word (any): Segmenter hit count (raw only)', await time(qs.slice(0, 40), (q) => countSeg.get(phrase(q))));
  for (const q of FAULT_QUERIES) {
    const t = [...q].length >= 3 ? (countTri.get(`"${q}"`) as { n: number }).n : NaN;
    const s = (countSeg.get(phrase(q)) as { n: number }).n;
    console.log(`  recall ${q}: trigram ${Number.isNaN(t) ? 'n/a (<3 chars)' : t}, segmenter ${s}`);
  }
  db.exec('DETACH cand');
}

async function listCases(core: Core, client: Client, list: (i: InputOf<'tickets.list'>) => void) {
  const combos: InputOf<'tickets.list'>[] = [];
  for (let i = 0; i < RUNS; i++) combos.push({ status: ['closed'], urgency: [rng.pick(['normal', 'important', 'urgent'] as const)], pageSize: 50 });
  const at = (page: number) => combos.map((c) => ({ ...c, page }));
  for (const page of [1, 1000]) {
    const inputs = at(page);
    record(`list: status+urgency, newest first, 50 rows, page ${page}`, await time(inputs, (i) => call(core, client, 'tickets.list', i)), await time(inputs, list));
  }
  const open = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service', 'accepted', 'follow_up'] as const;
  const openInputs = combos.map(() => ({ status: [...open], urgency: [rng.pick(['normal', 'important', 'urgent'] as const)], pageSize: 50 }));
  record('list: 8 open statuses + urgency, page 1', await time(openInputs, (i) => call(core, client, 'tickets.list', i)), await time(openInputs, list));
  const all = combos.map(() => ({ pageSize: 50, page: 1 + rng.int(1000) }));
  record('list: unfiltered, random page 1..1000', await time(all, (i) => call(core, client, 'tickets.list', i)), await time(all, list));
  await supervisorCases(core, client, list);
}

/** Issue 21: the supervisor's sorts, filters and queues, each on its own index. */
async function supervisorCases(core: Core, client: Client, list: (i: InputOf<'tickets.list'>) => void) {
  const db = nativeHandle(core.db.ds);
  const engineers = (db.prepare("SELECT id FROM users WHERE role = 'engineer'").all() as { id: number }[]).map((r) => r.id);
  const models = (db.prepare('SELECT id FROM product_models').all() as { id: number }[]).map((r) => r.id);
  const cases: [string, () => InputOf<'tickets.list'>][] = [
    ['list: sort by deadline, random page 1..1000', () => ({ sort: 'deadline', page: 1 + rng.int(1000) })],
    ['list: sort by number, descending, random page 1..1000', () => ({ sort: 'numberDesc', page: 1 + rng.int(1000) })],
    [`list: the peak month ${PEAK_MONTH} (date filter), page 1`, () => ({ from: `${PEAK_MONTH}-01`, to: `${PEAK_MONTH}-28` })],
    ['list: one engineer, page 1', () => ({ engineerId: rng.pick(engineers) })],
    ['list: one model, page 1', () => ({ modelId: rng.pick(models) })],
    ['list: queue 待审批 (awaiting approval)', () => ({ queue: 'awaitingApproval' })],
    ['list: queue 一小时内到期 (due within the hour), by deadline', () => ({ queue: 'dueSoon', sort: 'deadline' })],
    ['list: queue 未派工 (not yet dispatched)', () => ({ queue: 'undispatched' })],
  ];
  for (const [name, make] of cases) {
    const inputs = Array.from({ length: RUNS }, () => ({ ...make(), pageSize: 50 }));
    record(name, await time(inputs, (i) => call(core, client, 'tickets.list', i)), await time(inputs, list));
  }
}

async function detailCase(core: Core, client: Client, db: Database.Database) {
  const ids = sample<{ id: number }>(db, 'SELECT id FROM tickets WHERE id = ?').map((r) => r.id);
  record('ticket detail with timeline (tickets.get)', await time(ids, (id) => call(core, client, 'tickets.get', { id })));
}

/**
 * Issue 22, at intake: the related-ticket lookup as the form asks it (phone, serial and picked device of a
 * ticket drawn from the data; raw: the same statement on the better-sqlite3 handle), and the history panel.
 */
async function intakeCases(core: Core, client: Client, db: Database.Database, now: Date) {
  const rows = sample<{ contact_phone: string; serial: string | null; device_id: number | null; customer_id: number; id: number }>(
    db, 'SELECT id, contact_phone, serial, device_id, customer_id FROM tickets WHERE id = ?');
  const inputs = rows.map((r) => ({ phone: r.contact_phone, serial: r.serial ?? '', deviceId: r.device_id }));
  const raw = (input: (typeof inputs)[number]) => {
    const q = relatedQuery(ticketRelatedInput.parse(input), now)!;
    return db.prepare(q.sql).all(...q.params);
  };
  record('intake: related tickets by phone, serial and device (tickets.related)', await time(inputs, (i) => call(core, client, 'tickets.related', i)), await time(inputs, raw));
  const history = rows.map((r) => ({ customerId: r.customer_id, deviceId: r.device_id, exceptTicketId: r.id }));
  record('intake: customer history panel (tickets.history)', await time(history, (i) => call(core, client, 'tickets.history', i)));
}

/** `tick` moves the desk clock on a second and returns the new time (a ticket is reported at it). */
async function createCases(core: Core, client: Client, db: Database.Database, tick: () => Date) {
  const pool = sample<{ customer_id: number; device_id: number; name: string; phone: string }>(
    db, 'SELECT t.customer_id, t.device_id, c.name, c.phone FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ? AND t.device_id IS NOT NULL', 100);
  let n = 0;
  const create = async () => {
    const at = tick();
    const p = pool[n++ % pool.length]!;
    await call(core, client, 'tickets.create', {
      channel: 'phone', reportedAt: at.toISOString(), customerId: p.customer_id, deviceId: p.device_id, contactName: p.name,
      contactPhone: p.phone, urgency: 'important', problemType: 'hardware', faultDescription: '制冷效果差，出风温度高于设定温度5℃',
      // The same device again within the run: the clerk gives the reason the intake asks for.
      duplicateReason: '客户来电：上次的故障又出现',
    });
  };
  record('create a ticket (tickets.create)', await time(Array.from({ length: RUNS }, () => 0), create));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CREATES; i++) await create();
  const perSec = CREATES / (Number(process.hrtime.bigint() - t0) / 1e9);
  results.push({ name: `sustained creates (${CREATES} in a row)`, unit: 'per_s', p50: Math.round(perSec), p95: Math.round(perSec), max: Math.round(perSec) });
}

function monthOf(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The monthly statistics (the dashboard's call: the month and the month before) and the monthly workbook
 * for the peak month, through the API; the workbook's peak memory in child processes, one build each.
 */
async function reportCases(core: Core, client: Client, db: Database.Database) {
  const period = monthOf(PEAK_MONTH);
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE reported_at >= ? AND reported_at < ?').get(Date.parse(`${period.from}T00:00:00Z`), Date.parse(`${period.to}T23:59:59.999Z`)) as { n: number };
  console.log(`report month ${PEAK_MONTH}: about ${n} tickets`);
  const runs = (k: number) => Array.from({ length: k }, () => period);
  // The first call after a month's times changed computes and keeps the response and resolution minutes
  // its statistics read (reports/clocks.ts); later calls only read. Measured apart, once, from none kept.
  const previous = previousPeriod(period.from, period.to);
  const dayBefore = Date.parse(`${previous.from}T00:00:00Z`) - 86_400_000; // the tickets' times are milliseconds (db/instants.ts)
  db.prepare('UPDATE tickets SET clock_version = NULL WHERE reported_at >= ? AND reported_at < ?').run(dayBefore, Date.parse(`${period.to}T23:59:59.999Z`));
  const first = process.hrtime.bigint();
  await call(core, client, 'reports.statistics', period);
  record(`monthly statistics, ${PEAK_MONTH} + previous, first call: no times kept yet`, [Number(process.hrtime.bigint() - first) / 1e6]);
  const statSamples: number[] = [];
  for (const p of runs(STAT_RUNS)) {
    const t = process.hrtime.bigint();
    await call(core, client, 'reports.statistics', p);
    statSamples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  record(`monthly statistics, ${PEAK_MONTH} + previous (reports.statistics)`, statSamples);
  const trendSamples: number[] = [];
  for (let i = 0; i < STAT_RUNS; i++) {
    const t = process.hrtime.bigint();
    await call(core, client, 'reports.trend', { month: PEAK_MONTH, months: 12 });
    trendSamples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  record(`dashboard trend, 12 months to ${PEAK_MONTH} (reports.trend)`, trendSamples);
  const wbSamples: number[] = [];
  for (const p of runs(WORKBOOK_RUNS)) {
    const t = process.hrtime.bigint();
    await call(core, client, 'reports.monthlyWorkbook', p);
    wbSamples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  record(`monthly workbook, ${PEAK_MONTH} (reports.monthlyWorkbook)`, wbSamples);
  const child = path.resolve('tests/bench/workbook-child.ts'); // npm run bench runs from the repository root
  const rss: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, '--data-dir', dataDir, '--from', period.from, '--to', period.to], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssMB: number; rssBeforeMB: number; bytes: number };
    console.log(`  workbook child: ${r.ms.toFixed(0)} ms, peak RSS ${r.maxRssMB.toFixed(0)} MB (${r.rssBeforeMB.toFixed(0)} MB before the build), ${(r.bytes / 1e6).toFixed(1)} MB file`);
    rss.push(r.maxRssMB);
    cold.push(r.ms);
  }
  record(`monthly workbook, ${PEAK_MONTH}, fresh process, one build`, cold);
  const s = stats(rss);
  results.push({ name: `monthly workbook, ${PEAK_MONTH}: peak RSS of the process`, unit: 'MB', p50: Math.round(s.p50), p95: Math.round(s.p95), max: Math.round(s.max) });
}

/** Host mode: desks and phones over HTTPS on loopback for a fixed time (`--lan-seconds`, 60 by default). */
async function lanCase() {
  if (!fs.existsSync(HOST)) return void notBuilt.push('host mode load (needs npm run build)');
  const r = await lanLoad(dataDir);
  let calls = 0;
  for (const [method, samples] of [...r.samples].sort(([a], [b]) => a.localeCompare(b))) {
    const errors = r.errors.get(method) ?? 0;
    calls += samples.length;
    record(`lan: ${method}, ${r.clients.desks} desks + ${r.clients.phones} phones, ${r.seconds} s (${samples.length} calls, ${errors} errors)`, samples);
  }
  const errors = [...r.errors.values()].reduce((a, b) => a + b, 0);
  console.log(`host mode load: ${calls} calls in ${r.seconds} s, ${errors} errors`);
  results.push({ name: `lan: errors in ${calls} calls`, unit: 'count', p50: errors, p95: errors, max: errors });
}

function print(): void {
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length * 1));
  console.log(`\n${pad('case', 72)} ${'unit'.padEnd(6)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)} ${'raw p95'.padStart(9)} ${'ratio'.padStart(6)}`);
  for (const r of results) {
    const ratio = r.raw_p95 ? (r.p95 / r.raw_p95).toFixed(1) + '×' : '';
    console.log(`${pad(r.name, 72)} ${r.unit.padEnd(6)} ${String(r.p50).padStart(9)} ${String(r.p95).padStart(9)} ${String(r.max).padStart(9)} ${String(r.raw_p95 ?? '').padStart(9)} ${ratio.padStart(6)}`);
  }
  for (const name of notBuilt) console.log(`${pad(name, 72)} not yet built`);
  fs.writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten bench-results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
