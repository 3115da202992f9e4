/**
 * Labour time per visit (issue 22): engineers log visits on their tickets, refused in words when the finish is
 * not after the start, in the future or out of range; audited; the ticket shows the total; the statistics count
 * hours per engineer, per product line and per repair as a recount of the log says; the workbook's 工时 sheet
 * carries the same hours (read back with SheetJS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let h: Harness;
let roles: Record<Role, Client>;
let li: Client;
const engineers: Record<string, number> = {};
const tickets: Record<string, number> = {};

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

/** A ticket of the model dispatched to an engineer and in service. */
async function inService(modelId: number, engineer: Client, engineerId: number, phone: string, reportedAt = '2026-11-17T01:30:00.000Z'): Promise<number> {
  const { id } = await h.ok(roles.clerk, 'tickets.create', intake({ modelId, reportedAt, contactPhone: phone, newCustomer: { name: '陈先生', phone } }));
  await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '电容失效', repairPlan: '更换电容', estimateFen: 0 });
  await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId });
  await moveOk(engineer, id, { move: 'startService' });
  return id;
}

const log = (c: Client, input: Partial<InputOf<'tickets.logLabour'>> & { ticketId: number }) => h.call(c, 'tickets.logLabour', { workedOn: '2026-11-20', ...input });

beforeAll(async () => {
  h = await openHarness();
  h.clock.now = new Date('2026-11-20T10:00:00Z'); // 18:00 in Shanghai
  roles = await h.signedIn();
  await h.ok(roles.admin, 'users.create', { username: 'li', displayName: '李工', role: 'engineer', password: 'li-pass-123' });
  li = h.client();
  await h.ok(li, 'auth.login', { username: 'li', password: 'li-pass-123' });
  for (const e of await h.ok(roles.supervisor, 'users.engineers', {})) engineers[e.displayName] = e.id;
  const aircon = await h.ok(roles.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '空调', warrantyMonths: 12 });
  const phone = await h.ok(roles.admin, 'models.create', { code: 'P50', name: '手机', productLine: '手机', warrantyMonths: 12 });
  tickets.a = await inService(aircon.id, roles.engineer, engineers.engineer!, '13800000001');
  tickets.b = await inService(phone.id, li, engineers['李工']!, '13800000002');
  tickets.c = await inService(aircon.id, li, engineers['李工']!, '13800000003', '2026-10-30T01:30:00.000Z');
});
afterAll(() => h.close());

describe('logging a visit', () => {
  it('takes start and finish, or minutes; the ticket shows the visits and their total; each is audited', async () => {
    const first = await log(roles.engineer, { ticketId: tickets.a!, start: '09:00', finish: '10:30', note: '检测' });
    expect(first).toMatchObject({ ok: true, value: { totalMinutes: 90 } });
    await h.ok(roles.engineer, 'tickets.logLabour', { ticketId: tickets.a!, workedOn: '2026-11-19', minutes: 45 });
    const t = await h.ok(roles.clerk, 'tickets.get', { id: tickets.a! });
    expect(t.labour.totalMinutes).toBe(135);
    expect(t.labour.visits.map((v) => [v.workedOn, v.startedAt, v.finishedAt, v.minutes, v.engineer.name, v.note])).toEqual([
      ['2026-11-19', null, null, 45, 'engineer', ''],
      ['2026-11-20', '2026-11-20T01:00:00.000Z', '2026-11-20T02:30:00.000Z', 90, 'engineer', '检测'],
    ]);
    const trail = await h.ok(roles.admin, 'audit.list', { page: 1, pageSize: 10, actorId: null, entity: 'ticket_labour', entityId: null, action: 'create', from: null, to: null, q: null });
    expect(trail.total).toBe(2);
  });

  it.each([
    [{ start: '10:30', finish: '09:00' }, 'finish', '结束时间须晚于开始时间。'],
    [{ start: '17:00', finish: '19:00' }, 'finish', '工时不能登记在未来（以系统时钟为准）。'],
    [{ workedOn: '2026-11-21', minutes: 30 }, 'workedOn', '工时不能登记在未来（以系统时钟为准）。'],
    [{ minutes: 0 }, 'minutes', '分钟数须在 1 到 1440 之间。'],
    [{ minutes: 1441 }, 'minutes', '分钟数须在 1 到 1440 之间。'],
    [{}, 'minutes', '请填写开始和结束时间，或直接填写分钟数。'],
    [{ start: '09:00' }, 'finish', '请填写结束时间。'],
  ])('refuses %o on its field, in words', async (typed, field, message) => {
    const r = await log(roles.engineer, { ticketId: tickets.a!, ...typed });
    expect(r.ok === false && r.error.fields).toEqual({ [field]: message });
  });

  it('speaks English to an English desk', async () => {
    const en = h.client('en');
    await h.ok(en, 'auth.login', { username: 'engineer', password: 'engineer-pass-1' });
    const r = await log(en, { ticketId: tickets.a!, start: '10:30', finish: '09:00' });
    expect(r.ok === false && r.error.fields).toEqual({ finish: 'The finish must be after the start.' });
  });

  it('lets an engineer log only on a ticket assigned to them; a supervisor logs for the assignee', async () => {
    const r = await log(li, { ticketId: tickets.a!, minutes: 30 });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    const clerk = await log(roles.clerk, { ticketId: tickets.a!, minutes: 30 });
    expect(clerk.ok === false && clerk.error.code).toBe('FORBIDDEN');
    await h.ok(roles.supervisor, 'tickets.logLabour', { ticketId: tickets.b!, workedOn: '2026-11-20', minutes: 60 });
    expect((await h.ok(li, 'tickets.get', { id: tickets.b! })).labour.visits[0]?.engineer.name).toBe('李工');
  });

  it('refuses a ticket not yet dispatched', async () => {
    const { id } = await h.ok(roles.clerk, 'tickets.create', intake({ reportedAt: '2026-11-17T01:30:00.000Z', contactPhone: '13800000009', newCustomer: { name: '王女士', phone: '13800000009' } }));
    const r = await log(roles.supervisor, { ticketId: id, minutes: 30 });
    expect(r.ok === false && r.error.message).toBe('工单派工后、归档前才能登记工时。');
  });
});

describe('correcting a visit', () => {
  const visitOf = async (minutes: number) => (await h.ok(roles.clerk, 'tickets.get', { id: tickets.a! })).labour.visits.find((v) => v.minutes === minutes)!;
  const correct = (c: Client, input: Partial<InputOf<'tickets.correctLabour'>> & { id: number; version: number }) => h.call(c, 'tickets.correctLabour', { workedOn: '2026-11-19', ...input });

  it('lets the engineer correct their visit: the ticket shows it and its new total, and the trail both values', async () => {
    const visit = await visitOf(45);
    const r = await correct(roles.engineer, { id: visit.id, version: visit.version, start: '09:00', finish: '09:40', note: '记错了时长' });
    expect(r).toMatchObject({ ok: true, value: { id: visit.id, totalMinutes: 130 } });
    const t = await h.ok(roles.clerk, 'tickets.get', { id: tickets.a! });
    expect(t.labour.totalMinutes).toBe(130);
    expect(t.labour.visits[0]).toMatchObject({ id: visit.id, workedOn: '2026-11-19', startedAt: '2026-11-19T01:00:00.000Z', finishedAt: '2026-11-19T01:40:00.000Z', minutes: 40, note: '记错了时长' });
    const trail = await h.ok(roles.admin, 'audit.list', { page: 1, pageSize: 10, actorId: null, entity: 'ticket_labour', entityId: visit.id, action: 'update', from: null, to: null, q: null });
    expect(trail.rows.map((e) => e.changes.minutes)).toEqual([[45, 40]]);
  });

  it('refuses another engineer, a stale copy and a bad time, each in words', async () => {
    const visit = await visitOf(40);
    const other = await correct(li, { id: visit.id, version: visit.version, minutes: 30 });
    expect(other.ok === false && other.error.code).toBe('FORBIDDEN');
    const stale = await correct(roles.supervisor, { id: visit.id, version: visit.version - 1, minutes: 30 });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    const bad = await correct(roles.engineer, { id: visit.id, version: visit.version, start: '10:30', finish: '09:00' });
    expect(bad.ok === false && bad.error.fields).toEqual({ finish: '结束时间须晚于开始时间。' });
    const missing = await correct(roles.supervisor, { id: 999_999, version: 1, minutes: 30 });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
    expect((await visitOf(40)).version).toBe(visit.version);
  });
});

describe('labour in the statistics and the workbook', () => {
  beforeAll(async () => {
    // 李工: 2 h 10 on the phone ticket b (besides the supervisor's hour), 50 min on the air conditioner c; c is resolved.
    await h.ok(li, 'tickets.logLabour', { ticketId: tickets.b!, workedOn: '2026-11-18', start: '14:00', finish: '16:10' });
    await h.ok(li, 'tickets.logLabour', { ticketId: tickets.c!, workedOn: '2026-11-20', minutes: 50 });
    await moveOk(li, tickets.c!, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
    // Work of October is not November's.
    await h.ok(li, 'tickets.logLabour', { ticketId: tickets.c!, workedOn: '2026-10-31', minutes: 500 });
  });

  /** The recount: every logged visit of the period, read straight from the table. */
  async function recount(from: string, to: string) {
    const rows = await h.core.db.query<{ engineer: string; line: string; minutes: number }>(
      `SELECT u.display_name AS engineer, m.product_line AS line, l.minutes FROM ticket_labour l JOIN users u ON u.id = l.engineer_id
       JOIN tickets t ON t.id = l.ticket_id JOIN product_models m ON m.id = t.model_id WHERE l.worked_on BETWEEN ? AND ?`,
      [from, to],
    );
    const sum = (pick: (r: (typeof rows)[number]) => string) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [pick(r)]: (acc[pick(r)] ?? 0) + r.minutes }), {});
    return { total: rows.reduce((n, r) => n + r.minutes, 0), byEngineer: sum((r) => r.engineer), byLine: sum((r) => r.line) };
  }

  it('counts hours per engineer and per product line, and the average per repair', async () => {
    const { current } = await h.ok(roles.supervisor, 'reports.statistics', { from: '2026-11-01', to: '2026-11-30' });
    const expected = await recount('2026-11-01', '2026-11-30');
    expect(current.labour.minutes).toBe(expected.total);
    expect(Object.fromEntries(current.labour.byEngineer.map((r) => [r.key, r.minutes]))).toEqual(expected.byEngineer);
    expect(Object.fromEntries(current.labour.byProductLine.map((r) => [r.key, r.minutes]))).toEqual(expected.byLine);
    expect(current.labour.byEngineer.find((r) => r.key === '李工')).toEqual({ key: '李工', minutes: 60 + 130 + 50, visits: 3, tickets: 2 });
    // Only c was resolved in November: all of its logged time (October's too) over one repair.
    expect(current.labour.repairs).toEqual({ tickets: 1, minutes: 550, avgMinutes: 550 });
  });

  it('puts the same hours in the workbook', async () => {
    const file = await h.ok(roles.supervisor, 'reports.monthlyWorkbook', { from: '2026-11-01', to: '2026-11-30' });
    const book = XLSX.read(Buffer.from(file.dataBase64, 'base64'), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<(string | number | undefined)[]>(book.Sheets['工时']!, { header: 1, blankrows: false });
    expect(rows[1]).toEqual(['统计维度', '类别', '工时（小时）', '上门次数', '工单数']);
    const expected = await recount('2026-11-01', '2026-11-30');
    const engineerRows = rows.filter((r) => r[0] === '工程师');
    const lineRows = rows.filter((r) => r[0] === '产品线');
    const hoursOf = (list: typeof rows) => Object.fromEntries(list.map((r) => [r[1], r[2]]));
    const inHours = (minutes: Record<string, number>) => Object.fromEntries(Object.entries(minutes).map(([k, m]) => [k, m / 60]));
    expect(hoursOf(engineerRows)).toEqual(inHours(expected.byEngineer));
    expect(hoursOf(lineRows)).toEqual(inHours(expected.byLine));
    expect(rows.find((r) => r[0] === '工时合计')?.[2]).toBe(expected.total / 60);
    expect(rows.find((r) => r[0] === '平均每次维修工时')?.slice(2)).toEqual([550 / 60, undefined, 1]);
    expect(rows.at(-1)?.[0]).toMatch(/^工时按工程师登记/);
  });
});
