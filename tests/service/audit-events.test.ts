/**
 * Ticket creations and changes kept on their timeline events (issue 17) show in the admin's audit viewer exactly
 * as the trail rows written before did: the same entries, fields before and after, names, filters and text search.
 * A change's entry holds only what it altered. Entries written by older versions (audit_log rows) read as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { changesOfEvent } from '../../electron/core/services/audit';
import { intake, openHarness, type Harness } from './harness';

let h: Harness;
let c: Record<Role, Client>;
let ids: number[];

async function move(client: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(client, 'tickets.get', { id });
  await h.ok(client, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  const engineerId = (await h.ok(c.supervisor, 'users.engineers', {}))[0]!.id;
  const a = await h.ok(c.clerk, 'tickets.create', intake());
  const b = await h.ok(c.clerk, 'tickets.create', intake({ contactName: '王女士' }));
  ids = [a.id, b.id];
  h.clock.now = new Date('2026-11-24T11:00:00Z');
  await move(c.clerk, a.id, { move: 'startDiagnosis', remoteGuidance: '指导客户清洗滤网 "无改善"\\' });
  await move(c.engineer, a.id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '冷媒压力偏低', repairPlan: '补焊并加注制冷剂', estimateFen: 0 });
  h.clock.now = new Date('2026-11-24T12:00:00Z');
  await move(c.supervisor, a.id, { move: 'dispatch', engineerId });
  const t = await h.ok(c.engineer, 'tickets.get', { id: a.id });
  await h.ok(c.engineer, 'tickets.contact', { id: a.id, version: t.version, note: '约定明天上门' });
  await move(c.supervisor, b.id, { move: 'cancel', reason: '客户重复报修' });
});
afterAll(() => h.close());

const list = (input: Partial<InputOf<'audit.list'>>) => h.ok(c.admin, 'audit.list', { pageSize: 200, ...input } as InputOf<'audit.list'>);

/** The same desk as an older version wrote it: each event's entry as an audit_log row of its own. */
async function asWrittenBefore(): Promise<void> {
  await h.core.db.write(async (tx) => {
    const events = await tx.query<{ id: number; ticket_id: number; at: string; actor_id: number; kind: string; changes: string; from_status: string | null; to_status: string | null }>(
      'SELECT id, ticket_id, at, actor_id, kind, changes, from_status, to_status FROM ticket_events WHERE changes IS NOT NULL ORDER BY id',
    );
    for (const e of events) {
      const action = e.kind === 'created' ? 'create' : 'update';
      await tx.insert('audit_log', { at: e.at, actor_id: e.actor_id, entity: 'tickets', entity_id: e.ticket_id, action, changes: JSON.stringify(changesOfEvent(e.changes, e.from_status, e.to_status)) });
    }
    await tx.run('UPDATE ticket_events SET changes = NULL');
  });
}

/**
 * What the viewer shows, without the row ids (an event's entry has its own). Entries of one instant (one save)
 * come in the order of their table's rows, so they are compared as a set.
 */
const shown = async (input: Partial<InputOf<'audit.list'>>) => {
  const page = await list(input);
  const rows = page.rows.map(({ id: _id, ...rest }) => rest);
  const key = (r: (typeof rows)[number]) => `${r.at} ${r.entity} ${r.entityId} ${r.action}`;
  return { total: page.total, rows: rows.sort((a, b) => b.at.localeCompare(a.at) || key(a).localeCompare(key(b))) };
};

const VIEWS: Partial<InputOf<'audit.list'>>[] = [
  {},
  { entity: 'tickets' },
  { action: 'update' },
  { entity: 'tickets', action: 'create' },
  { q: 'cancelled' },
  { q: 'status' },
  { q: '冷媒' },
  { q: '\\"无改善\\"' },
  { q: '\\' },
  { q: 'dispatched_at' },
  { q: 'nothing like this' },
  // Searches that reach the punctuation of the trail's text, read in the rebuilt text.
  { q: 'NULL' },
  { q: 'ul' },
  { q: '[null,"指导' },
  { q: '无改善\\"\\\\"]' },
  { q: '"status":["registered","cancelled"]}' },
  { q: '{"status"' },
  { q: '"dispatched_at":[null,"2026' },
  { q: '"assigned_to":[null,' },
  { q: '}' },
  { from: '2026-11-24', to: '2026-11-24', actorId: null },
  { from: '2026-11-25', to: '2026-11-25' },
];

describe('ticket changes on their timeline events', () => {
  it('are in the viewer, with the engineer named, and take no audit_log row', async () => {
    const rows = (await list({ entity: 'tickets', entityId: ids[0]! })).rows;
    expect(rows.map((r) => [r.action, r.actorName, r.changes.status ?? null])).toEqual([
      ['update', 'engineer', null],
      ['update', 'supervisor', ['planning', 'dispatched']],
      ['update', 'engineer', ['diagnosing', 'planning']],
      ['update', 'clerk', ['registered', 'diagnosing']],
      ['create', 'clerk', null],
    ]);
    // Only what a move altered: the first response, written by the diagnosis, is not repeated by the plan,
    // nor are the plan's values that equal the new ticket's (no core parts, no estimate).
    const [plan, diagnosis] = [rows[2]!.changes, rows[3]!.changes];
    expect(diagnosis.responded_at?.[1]).toBe('2026-11-24T11:00:00.000Z');
    expect(Object.keys(plan).sort()).toEqual(['diagnosis', 'remote_guidance', 'repair_plan', 'service_mode', 'status']);
    const dispatch = rows[1]!;
    expect(Object.values(dispatch.names)).toContain('engineer');
    expect(dispatch.changes.assigned_to?.[0]).toBeNull();
    const updates = await h.core.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'tickets' AND action = 'update'");
    expect(updates?.n).toBe(0);
  });

  it('show exactly what rows written before this change show, in every view and text search', async () => {
    const now = await Promise.all(VIEWS.map(shown));
    expect(now[4]!.rows.map((r) => r.entityId)).toEqual([ids[1]]);
    expect(now[6]!.total).toBe(1);
    // Every view finds something but the text that is nowhere and the day without changes.
    expect(now.filter((v) => v.total === 0).length).toBe(2);
    await asWrittenBefore();
    expect(await Promise.all(VIEWS.map(shown))).toEqual(now);
  });
});
