/**
 * The ticket list as clerks and supervisors use it (issue 21): what a clerk types finds its tickets (last four
 * digits, phone prefix, serial prefix, model code), SQL-looking and wildcard text is only text, the filters,
 * queues and sorts, and the query plans read an index (no full scan, no sort of the whole table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import { nativeHandle } from '../../electron/core/db/data-source';
import { listQueries } from '../../electron/core/services/tickets.query';
import { ticketListInput } from '../../shared/api/tickets.schema';
import { instantParam } from '../../electron/core/db/instants';

let h: Harness;
let clerk: Client;
let supervisor: Client;
let db: Database.Database;
let engineerId: number;
const ids: Record<string, number> = {};
const models: Record<string, number> = {};

/** Desk clock of the harness: 2026-11-24T10:00Z (18:00 in Shanghai). */
const NOW = '2026-11-24T10:00:00.000Z';

const TICKETS = {
  aircon: { phone: '139 1234 5678', serial: '202403A0001', model: 'KFR-35GW', reportedAt: '2026-11-20T02:00:00.000Z', fault: '制冷效果差' },
  aircon2: { phone: '13955550000', serial: '202403A0002', model: 'KFR-35GW', reportedAt: '2026-11-22T02:00:00.000Z', fault: '外机噪音大' },
  phone: { phone: '138-0000-5678', serial: 'P50X0001', model: 'P50', reportedAt: '2026-11-23T02:00:00.000Z', fault: '屏幕偶尔失灵' },
  washer: { phone: '15012340000', serial: '202405W0001', model: 'XQB80', reportedAt: '2026-11-24T01:00:00.000Z', fault: '脱水时异响 100%_done' },
} as const;
type Key = keyof typeof TICKETS;

const found = async (q: string, more: Partial<InputOf<'tickets.list'>> = {}) =>
  (await h.ok(clerk, 'tickets.list', { q, ...more })).rows.map((r) => r.id).sort((a, b) => a - b);
const idsOf = (...keys: Key[]) => keys.map((k) => ids[k]!).sort((a, b) => a - b);

beforeAll(async () => {
  h = await openHarness();
  const staff = await h.signedIn();
  clerk = staff.clerk;
  supervisor = staff.supervisor;
  db = nativeHandle(h.core.db.ds);
  for (const code of ['KFR-35GW', 'KFR-50LW', 'P50', 'XQB80']) {
    models[code] = (await h.ok(staff.admin, 'models.create', { code, name: `型号 ${code}`, productLine: 'line', warrantyMonths: 12 })).id;
  }
  engineerId = (db.prepare("SELECT id FROM users WHERE username = 'engineer'").get() as { id: number }).id;
  for (const [i, [key, t]] of Object.entries(TICKETS).entries()) {
    ids[key] = (
      await h.ok(clerk, 'tickets.create', intake({
        contactPhone: t.phone, reportedAt: t.reportedAt, faultDescription: t.fault, modelId: models[t.model]!, serial: t.serial,
        newCustomer: { name: `客户${'甲乙丙丁'[i]}先生`, phone: `1770000000${i}` },
      }))
    ).id;
  }
});
afterAll(() => h.close());

describe('what a clerk types finds its tickets', () => {
  it.each<[string, Key[], string]>([
    ['5678', ['aircon', 'phone'], 'last four digits of the contact phone'],
    ['139', ['aircon', 'aircon2'], 'phone prefix'],
    ['1391234', ['aircon'], 'longer phone prefix'],
    ['13912345678', ['aircon'], 'whole phone'],
    ['139 1234 5678', ['aircon'], 'whole phone as written'],
    ['202403', ['aircon', 'aircon2'], 'serial prefix'],
    ['202403a', ['aircon', 'aircon2'], 'serial prefix in lower case'],
    ['202403A0002', ['aircon2'], 'whole serial'],
    ['KFR-35', ['aircon', 'aircon2'], 'model code prefix'],
    ['kfr-35gw', ['aircon', 'aircon2'], 'whole model code in lower case'],
    ['P50', ['phone'], 'short model code'],
    ['KFR-50', [], 'a model without tickets'],
    ['9999', [], 'last four digits nobody has'],
    ['噪音', ['aircon2'], 'a fault word still'],
    ['丙先生', ['phone'], 'a customer name still'],
  ])('%s finds %j (%s)', async (q, keys) => {
    expect(await found(q)).toEqual(idsOf(...keys));
  });

  it('finds the last four digits of the customer phone too', async () => {
    expect(await found('0002')).toEqual(idsOf('phone'));
  });

  it('finds a ticket by its number', async () => {
    const number = (db.prepare('SELECT number FROM tickets WHERE id = ?').get(ids.washer) as { number: string }).number;
    expect(await found(number)).toEqual(idsOf('washer'));
    expect(await found(number.toLowerCase())).toEqual(idsOf('washer'));
  });

  it.each([
    ['%', []],
    ['_', []],
    ['%5678', []],
    ['2024%', []],
    ['____', []],
    ['100%_done', ['washer']],
    ["' OR 1=1 --", []],
    ["5678' OR '1'='1", []],
    ['"; DROP TABLE tickets; --', []],
    ['x'.repeat(64), []],
  ] as const)('takes %s as plain text', async (q, keys) => {
    expect(await found(q)).toEqual(idsOf(...keys));
    expect((db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n).toBe(4);
  });

  it('refuses text longer than the box allows, on the field', async () => {
    const r = await h.call(clerk, 'tickets.list', { q: '5'.repeat(65) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.q).toBeTruthy();
  });
});

describe('filters, queues and sorts of the supervisor', () => {
  beforeAll(() => {
    // The lifecycle's own moves are tested in lifecycle.test.ts; here only the states the queues read (deadlines as stored: milliseconds).
    const set = db.prepare('UPDATE tickets SET status = ?, assigned_to = ?, resolve_due_at = ? WHERE id = ?');
    set.run('awaiting_approval', null, instantParam('2026-11-25T10:00:00.000Z'), ids.aircon);
    set.run('dispatched', engineerId, instantParam('2026-11-24T10:30:00.000Z'), ids.aircon2);
    set.run('in_service', engineerId, instantParam('2026-11-24T09:00:00.000Z'), ids.phone);
    set.run('registered', null, instantParam('2026-11-24T10:59:00.000Z'), ids.washer);
  });

  it.each([
    [{ queue: 'awaitingApproval' }, ['aircon']],
    [{ queue: 'dueSoon' }, ['aircon2', 'washer']],
    [{ queue: 'undispatched' }, ['aircon', 'washer']],
    [{ engineerId: 0 }, null],
    [{ engineerId: 99999 }, []],
    [{ modelId: 'KFR-35GW' }, ['aircon', 'aircon2']],
    [{ from: '2026-11-22', to: '2026-11-23' }, ['aircon2', 'phone']],
    [{ from: '2026-11-24' }, ['washer']],
    [{ to: '2026-11-20' }, ['aircon']],
    [{ from: '2026-11-25', to: '2026-11-20' }, []],
    [{ queue: 'undispatched', q: 'KFR-35' }, ['aircon']],
  ] as const)('%j lists %j', async (filter, keys) => {
    const input = { ...filter } as Record<string, unknown>;
    if (input.engineerId === 0) input.engineerId = engineerId;
    if (typeof input.modelId === 'string') input.modelId = models[input.modelId];
    const page = await h.ok(supervisor, 'tickets.list', input as InputOf<'tickets.list'>);
    const want: readonly Key[] = keys ?? ['aircon2', 'phone'];
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(idsOf(...want));
    expect(page.total).toBe(want.length);
  });

  it('shows the engineer and the deadline on each row', async () => {
    const { rows } = await h.ok(supervisor, 'tickets.list', { engineerId });
    expect(rows.map((r) => r.engineerName)).toEqual(['engineer', 'engineer']);
    expect(rows.find((r) => r.id === ids.phone)?.resolveDueAt).toBe('2026-11-24T09:00:00.000Z');
  });

  it.each([
    ['newest', ['washer', 'phone', 'aircon2', 'aircon']],
    ['oldest', ['aircon', 'aircon2', 'phone', 'washer']],
    ['deadline', ['phone', 'aircon2', 'washer', 'aircon']],
    ['deadlineLast', ['aircon', 'washer', 'aircon2', 'phone']],
    ['number', ['aircon', 'aircon2', 'phone', 'washer']],
    ['numberDesc', ['washer', 'phone', 'aircon2', 'aircon']],
  ] as const)('sorts by %s', async (sort, keys) => {
    expect((await h.ok(supervisor, 'tickets.list', { sort })).rows.map((r) => r.id)).toEqual(keys.map((k) => ids[k]));
    expect((await h.ok(supervisor, 'tickets.list', { sort, q: '2024' })).rows.map((r) => r.id)).toEqual(keys.filter((k) => k !== 'phone').map((k) => ids[k]));
  });

  it('pages with the page size asked for', async () => {
    const first = await h.ok(supervisor, 'tickets.list', { pageSize: 3, sort: 'oldest' });
    const second = await h.ok(supervisor, 'tickets.list', { pageSize: 3, sort: 'oldest', page: 2 });
    expect([first.rows.length, second.rows.length, first.total]).toEqual([3, 1, 4]);
    expect(second.rows[0]?.id).toBe(ids.washer);
  });

  it.each([
    [{ queue: 'soon' }, 'queue'],
    [{ sort: 'customer' }, 'sort'],
    [{ from: '2026-13-01' }, 'from'],
    [{ engineerId: -1 }, 'engineerId'],
  ])('refuses %j on its field', async (input, field) => {
    const r = await h.call(supervisor, 'tickets.list', input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
  });
});

/** The plan SQLite chooses for the list's statements, one line per step. */
function plan(input: Partial<InputOf<'tickets.list'>>, which: 'page' | 'count' = 'page'): string {
  const q = listQueries(ticketListInput.parse(input), { userId: 1, now: NOW, timeZone: 'Asia/Shanghai' })[which];
  return (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** A full pass over tickets: "SCAN t" / "SCAN tickets" without an index (a covering-index scan names it). */
const fullScan = /SCAN (t|tickets)\b(?! USING)/;

describe('query plans read an index (the million-ticket desk cannot be run here)', () => {
  it.each([
    ['5678', 'ix_tickets_phone_last4'],
    ['5678', 'ix_customers_phone_last4'],
    ['139', 'ix_tickets_phone'],
    ['202403', 'ix_tickets_serial'],
    ['KFR-35', 'ix_tickets_model_reported'],
  ])('search %s uses %s', (q, index) => {
    const p = plan({ q });
    expect(p).toContain(index);
    expect(p).not.toMatch(fullScan);
  });

  it.each([
    [{}, 'ix_tickets_reported'],
    [{ sort: 'oldest' }, 'ix_tickets_reported'],
    [{ sort: 'deadline' }, 'ix_tickets_resolve_due'],
    [{ sort: 'deadlineLast' }, 'ix_tickets_resolve_due'],
    [{ sort: 'number' }, 'sqlite_autoindex_tickets'],
    [{ sort: 'numberDesc' }, 'sqlite_autoindex_tickets'],
    [{ from: '2026-11-01', to: '2026-11-30' }, 'ix_tickets_reported'],
    [{ engineerId: 2 }, 'ix_tickets_assignee_reported'],
    [{ modelId: 1 }, 'ix_tickets_model_reported'],
    [{ queue: 'dueSoon', sort: 'deadline' }, 'ix_tickets_resolve_due'],
  ] as const)('list %j walks %s in order, without sorting', (input, index) => {
    const p = plan(input);
    expect(p).toContain(index);
    expect(p).not.toMatch(fullScan);
    // Only the page's ids are sorted after the walk (the outer ORDER BY over at most a page of rows).
    const walk = p.slice(0, p.indexOf('SCAN p'));
    expect(walk).not.toContain('TEMP B-TREE');
  });

  it.each([
    [{ queue: 'awaitingApproval' }, 'ticket_counts'],
    [{ queue: 'undispatched' }, 'ticket_counts'],
    [{ queue: 'dueSoon' }, 'ix_tickets_resolve_due'],
    [{ engineerId: 2 }, 'ix_tickets_assign'],
    [{ modelId: 1 }, 'ix_tickets_model_reported'],
  ] as const)('counts %j through %s', (input, index) => {
    const p = plan(input, 'count');
    expect(p).toContain(index);
    expect(p).not.toMatch(fullScan);
  });
});
