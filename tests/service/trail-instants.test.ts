/**
 * The audit trail's times stored as milliseconds (issue 17, db/instants.ts, migration 1765070000000): an upgraded
 * desk keeps every event's and audit row's time to the millisecond, the services still read ISO-8601, new rows
 * are written as numbers, and the viewer's date filter and order work on them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { entities } from '../../electron/core/db/entities';
import { migrations } from '../../electron/core/db/migrations';
import { compactAfterUpgrade, openDatabase } from '../../electron/core/db/open';
import { instantParam, instantText, storedValues } from '../../electron/core/db/instants';
import { intake, openHarness, tempDir, type Harness } from './harness';
import type { InputOf } from '../../shared/api/contract';

const EDGES = [
  '2000-01-01T00:00:00.000Z',
  '2024-02-29T15:59:59.999Z', // 29 February, one millisecond before midnight in Asia/Shanghai
  '2026-12-31T16:00:00.000Z', // midnight of 1 January in Asia/Shanghai
  '2026-11-24T02:00:00.001Z',
  '2038-01-19T03:14:08.500Z', // past 32-bit seconds
];

describe('instants as numbers', () => {
  it.each(EDGES)('%s goes to a number and back unchanged', (iso) => {
    expect(instantText(instantParam(iso))).toBe(iso);
    expect(storedValues('ticket_events', { at: iso, note: iso })).toEqual({ at: Date.parse(iso), note: iso });
  });

  it.each(['', 'yesterday', '2026-13-01T00:00:00.000Z', '\u0000'])('refuses %j as an instant', (text) => {
    expect(() => instantParam(text)).toThrow(RangeError);
  });

  it('leaves other tables and other columns as they are', () => {
    expect(storedValues('bills', { created_at: EDGES[0] })).toEqual({ created_at: EDGES[0] });
    expect(storedValues('tickets', { reported_at: EDGES[0], eta: EDGES[0], contacted_at: EDGES[0] })).toEqual({ reported_at: Date.parse(EDGES[0]!), eta: EDGES[0], contacted_at: EDGES[0] });
  });
});

describe('migration 1765070000000-trail-instants', () => {
  it('carries every event and audit row to the millisecond, keeps ids counting on, and the indexes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const index = migrations.findIndex((m) => m.name === 'TrailInstants1765070000000');
    const old = new DataSource({ type: 'better-sqlite3', database: file, entities, migrations: migrations.slice(0, index) });
    await old.initialize();
    await old.runMigrations();
    const tracked = `'${EDGES[0]}', '${EDGES[0]}', NULL, NULL, 1`;
    await old.query(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, created_by, updated_by, version) VALUES ('admin', '管理员', 'admin', 'x', ${tracked})`);
    await old.query(`INSERT INTO customers (kind, name, phone, phone_norm, created_at, updated_at, created_by, updated_by, version) VALUES ('individual', '陈先生', '13800135678', '13800135678', ${tracked})`);
    await old.query(`INSERT INTO tickets (number, status, channel, reported_at, received_by, customer_id, contact_name, contact_phone, contact_phone_norm, urgency, problem_type, warranty_status, fault_description, response_due_at, resolve_due_at, created_at, updated_at, created_by, updated_by, version)
      VALUES ('TS202405120001', 'registered', 'phone', '${EDGES[0]}', 1, 1, '陈先生', '13800135678', '13800135678', 'important', 'hardware', 'in', '制冷效果差', '${EDGES[0]}', '${EDGES[0]}', ${tracked})`);
    for (const [i, at] of EDGES.entries()) {
      await old.query(`INSERT INTO ticket_events (id, ticket_id, at, actor_id, kind, changes, client) VALUES (?, 1, ?, 1, 'updated', ?, 'desk')`, [10 + i * 7, at, `{"n":${i}}`]);
      await old.query(`INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, changes) VALUES (?, ?, 1, 'customers', 1, 'update', '{}')`, [20 + i * 3, at]);
    }
    const schemaBefore = await old.query("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('ticket_events', 'audit_log') ORDER BY name");
    await old.destroy();

    const db = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT typeof(at) AS t, at FROM ticket_events ORDER BY id').all()).toEqual(EDGES.map((at) => ({ t: 'integer', at: Date.parse(at) })));
    expect(raw.prepare('SELECT typeof(at) AS t, at FROM audit_log ORDER BY id').all()).toEqual(EDGES.map((at) => ({ t: 'integer', at: Date.parse(at) })));
    expect(raw.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('ticket_events', 'audit_log') ORDER BY name").all()).toEqual(schemaBefore);
    expect(raw.prepare('SELECT changes, client FROM ticket_events ORDER BY id').all().map((r) => r)).toEqual(EDGES.map((_, i) => ({ changes: `{"n":${i}}`, client: 'desk' })));
    raw.close();

    // Read back through the one handle as ISO-8601 text, aliased or not, in a write's transaction too.
    expect((await db.query<{ at: string }>('SELECT at FROM ticket_events ORDER BY id')).map((r) => r.at)).toEqual(EDGES);
    expect((await db.query<{ when: string }>('SELECT e.at AS "when" FROM ticket_events e ORDER BY e.id')).map((r) => r.when)).toEqual(EDGES);
    // Rows as arrays are the reports' stored values: the numbers themselves.
    expect((await db.arrays<[number]>('SELECT at FROM audit_log ORDER BY id')).map((r) => r[0])).toEqual(EDGES.map((at) => Date.parse(at)));
    const next = await db.write(async (tx) => {
      const id = await tx.insert('ticket_events', { ticket_id: 1, at: '2026-12-06T08:00:00.123Z', actor_id: 1, kind: 'updated' });
      const [row] = await tx.query<{ id: number; at: string }>('SELECT id, at FROM ticket_events WHERE id = ?', [id]);
      return row!;
    });
    expect(next).toEqual({ id: 10 + (EDGES.length - 1) * 7 + 1, at: '2026-12-06T08:00:00.123Z' });
    // A computed column is not an instant column: it stays what SQL made of it.
    expect(await db.get('SELECT max(at) AS newest FROM audit_log')).toEqual({ newest: Date.parse(EDGES[4]!) });
    await db.close();
  });
});

describe('the audit viewer on stored numbers', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('filters by the desk day at the Shanghai midnight and lists newest first across both parts of the trail', async () => {
    h = await openHarness();
    h.clock.now = new Date('2026-12-06T08:00:00.000Z');
    const { admin, clerk } = await h.signedIn();
    const ticket = (await h.ok(clerk, 'tickets.create', intake())).id;
    await h.core.db.write(async (tx) => {
      await tx.insert('ticket_events', { ticket_id: ticket, at: '2026-12-05T15:59:59.999Z', actor_id: 1, kind: 'updated', changes: '{"note":"before midnight"}' });
      await tx.insert('ticket_events', { ticket_id: ticket, at: '2026-12-05T16:00:00.000Z', actor_id: 1, kind: 'updated', changes: '{"note":"after midnight"}' });
      await tx.insert('audit_log', { at: '2026-12-05T17:00:00.000Z', actor_id: 1, entity: 'customers', entity_id: 1, action: 'update', changes: '{"name":["a","b"]}' });
    });
    const page = await h.ok(admin, 'audit.list', { from: '2026-12-06', to: '2026-12-06', page: 1, pageSize: 50 } as InputOf<'audit.list'>);
    const ats = page.rows.map((r) => r.at);
    expect(ats).toContain('2026-12-06T08:00:00.000Z'); // the ticket's creation, written through the service
    expect(ats).toContain('2026-12-05T16:00:00.000Z');
    expect(ats).toContain('2026-12-05T17:00:00.000Z');
    expect(ats).not.toContain('2026-12-05T15:59:59.999Z');
    expect([...ats].sort().reverse()).toEqual(ats);
  });
});

describe('after an upgrade that rebuilt big tables', () => {
  it('rewrites a file more than a quarter free, and leaves a compact one alone', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE kept (x); INSERT INTO kept VALUES (zeroblob(100000)); CREATE TABLE old (x)");
    db.prepare('INSERT INTO old VALUES (zeroblob(4000))').run();
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO old VALUES (zeroblob(4000))').run();
    db.exec('DROP TABLE old');
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(150);
    expect(compactAfterUpgrade(db)).toBe(true);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(db.prepare('SELECT length(x) AS n FROM kept').get()).toEqual({ n: 100000 });
    expect(compactAfterUpgrade(db)).toBe(false);
    db.close();
  });
});
