import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';

let h: Harness;
afterEach(() => h?.close());

// A 1×1 PNG, as the signature canvas would export (much smaller, same format).
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function move(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.call(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const r = await move(c, id, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const plan = { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '制冷剂泄漏', repairPlan: '补焊并加注制冷剂', estimateFen: 350_00 };

describe('four eyes on a plan', () => {
  it('a supervisor may not approve the plan they submitted; another supervisor or an admin may', async () => {
    h = await openHarness();
    const { admin, clerk, supervisor } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    await moveOk(clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
    await moveOk(supervisor, id, { ...plan, touchesCoreParts: true });
    const mine = await h.ok(supervisor, 'tickets.get', { id });
    expect(mine.progress.moves).not.toContain('approvePlan');
    const refused = await move(supervisor, id, { move: 'approvePlan' });
    expect(refused.ok === false && [refused.error.code, refused.error.message]).toEqual(['FORBIDDEN', '方案由您本人提交，须由另一位主管或管理员审批。']);
    expect((await h.ok(admin, 'tickets.get', { id })).progress.moves).toContain('approvePlan');
    await moveOk(admin, id, { move: 'approvePlan' });
    expect((await h.ok(admin, 'tickets.get', { id })).status).toBe('planning');
  });
});

describe('a ticket from intake to archive', () => {
  it('goes through every stage with the right people, and the timeline shows each step', async () => {
    h = await openHarness();
    const { clerk, engineer, supervisor } = await h.signedIn();
    const engineerId = (await h.ok(supervisor, 'users.engineers', {}))[0]!.id;
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    await moveOk(clerk, id, { move: 'startDiagnosis', remoteGuidance: '已指导客户清洗滤网，无改善' });
    // A plan touching core parts needs the supervisor, then the customer.
    expect((await moveOk(engineer, id, { ...plan, touchesCoreParts: true })).status).toBe('awaiting_approval');
    const early = await move(supervisor, id, { move: 'dispatch', engineerId });
    expect(early.ok === false && early.error.message).toBe('工单当前为「待审批」状态，不能执行此操作。');
    await moveOk(supervisor, id, { move: 'approvePlan' });
    const refused = await move(supervisor, id, { move: 'dispatch', engineerId });
    expect(refused.ok === false && refused.error.message).toBe('方案已审批，须先记录客户确认才能派工。');
    const t = await h.ok(clerk, 'tickets.get', { id });
    // Dispatch is not offered before the customer's consent: the supervisor sees only what can happen now.
    expect((await h.ok(supervisor, 'tickets.get', { id })).progress.moves).not.toContain('dispatch');
    await h.ok(clerk, 'tickets.consent', { id, version: t.version, channel: 'onsite', signature: SIGNATURE });
    await moveOk(supervisor, id, { move: 'dispatch', engineerId });
    const dispatched = await h.ok(engineer, 'tickets.get', { id });
    expect(dispatched.progress.contactDueAt).toBe('2026-11-24T11:00:00.000Z');
    expect(dispatched.progress.moves).toEqual(['startService']);
    await h.ok(engineer, 'tickets.contact', { id, version: dispatched.version, note: '约定明天 14:00 上门' });
    await moveOk(engineer, id, { move: 'startService' });
    await moveOk(engineer, id, { move: 'failAcceptance', reason: '试机 10 分钟后仍不制冷' });
    await moveOk(engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '师傅很专业', signature: SIGNATURE });
    const accepted = await h.ok(clerk, 'tickets.get', { id });
    expect(accepted.progress).toMatchObject({ functionTest: 'normal', satisfaction: 'satisfied', resolvedAt: '2026-11-24T10:00:00.000Z', followUpDueAt: '2026-11-25T10:00:00.000Z' });
    expect(accepted.progress.attachments.map((s) => s.kind)).toEqual(['signature', 'signature']);
    // After acceptance the clocks have stopped: there is nothing to pause.
    const pause = await h.call(clerk, 'tickets.pause', { id, version: accepted.version, reason: 'customer', note: '' });
    expect(pause.ok === false && pause.error.message).toBe('工单已验收，计时已停止，无需暂停。');
    // The follow-up call finds the fault back: the ticket reopens to diagnosis.
    await moveOk(clerk, id, { move: 'followUpUnsolved', reason: '客户反映又不制冷了' });
    await moveOk(engineer, id, { ...plan, estimateFen: 0 });
    await moveOk(supervisor, id, { move: 'dispatch', engineerId });
    await moveOk(engineer, id, { move: 'startService' });
    await moveOk(engineer, id, { move: 'accept', satisfaction: 'very_satisfied', comments: '', signature: SIGNATURE });
    await moveOk(clerk, id, { move: 'followUpSolved', attitudeOk: true, satisfaction: 'very_satisfied', notes: '已解决' });
    expect((await moveOk(clerk, id, { move: 'archive' })).status).toBe('closed');
    const done = await h.ok(supervisor, 'tickets.get', { id });
    expect(done.events.map((e) => `${e.kind}:${e.actorName}`)).toEqual([
      'created:clerk', 'startDiagnosis:clerk', 'submitPlan:engineer', 'approvePlan:supervisor', 'consent:clerk', 'dispatch:supervisor',
      'contacted:engineer', 'startService:engineer', 'failAcceptance:engineer', 'accept:engineer', 'followUpUnsolved:clerk',
      'submitPlan:engineer', 'dispatch:supervisor', 'startService:engineer', 'accept:engineer', 'followUpSolved:clerk', 'archive:clerk',
    ]);
    expect(done.progress).toMatchObject({ visits: 2, reopenCount: 1, closedAt: '2026-11-24T10:00:00.000Z' });
    const stored = await h.core.db.query<{ stored_path: string }>('SELECT stored_path FROM attachments');
    for (const s of stored) expect(fs.existsSync(path.join(h.dir, s.stored_path))).toBe(true);
  });

  it('refuses moves with a clear message: wrong state, wrong role, not the assignee (FORBIDDEN, as the service record)', async () => {
    h = await openHarness();
    const { clerk, engineer, supervisor, admin } = await h.signedIn();
    await h.ok(admin, 'users.create', { username: 'eng2', displayName: '李工', role: 'engineer', password: 'eng2-pass-1' });
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    const early = await move(supervisor, id, { move: 'archive' });
    expect(early.ok === false && early.error).toMatchObject({ code: 'CONFLICT', message: '工单当前为「登记」状态，不能执行此操作。' });
    const wrongRole = await move(clerk, id, { move: 'dispatch', engineerId: 1 });
    expect(wrongRole.ok === false && wrongRole.error.code).toBe('FORBIDDEN');
    await moveOk(clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
    await moveOk(engineer, id, plan);
    const other = (await h.ok(supervisor, 'users.engineers', {})).find((e) => e.displayName === '李工')!;
    await moveOk(supervisor, id, { move: 'dispatch', engineerId: other.id });
    const notMine = await move(engineer, id, { move: 'startService' });
    expect(notMine.ok === false && notMine.error).toMatchObject({ code: 'FORBIDDEN', message: '该工单未指派给您。' });
    // The same case through the service record answers alike.
    await moveOk(supervisor, id, { move: 'startService' });
    const t = await h.ok(engineer, 'tickets.get', { id });
    const record = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: 'x', problems: '', parts: [] });
    expect(record.ok === false && record.error).toMatchObject({ code: 'FORBIDDEN', message: '该工单未指派给您。' });
    const noReason = await move(supervisor, id, { move: 'cancel', reason: ' ' });
    expect(noReason.ok === false && noReason.error.fields).toEqual({ reason: '必填' });
  });
});

describe('the clock', () => {
  it('pauses while waiting for parts and moves the deadlines by the pause', async () => {
    h = await openHarness();
    const { clerk } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T10:00:00.000Z', urgency: 'urgent' }));
    const before = await h.ok(clerk, 'tickets.get', { id });
    await h.ok(clerk, 'tickets.pause', { id, version: before.version, reason: 'parts', note: '等待压缩机到货' });
    const paused = await h.ok(clerk, 'tickets.get', { id });
    expect(paused.progress).toMatchObject({ pausedSince: '2026-11-24T10:00:00.000Z', pauseReason: 'parts', moves: [] });
    h.clock.now = new Date('2026-11-24T13:00:00Z');
    await h.ok(clerk, 'tickets.resume', { id, version: paused.version });
    const after = await h.ok(clerk, 'tickets.get', { id });
    expect([before.resolveDueAt, after.resolveDueAt]).toEqual(['2026-11-24T14:00:00.000Z', '2026-11-24T17:00:00.000Z']);
    expect(after.events.map((e) => e.kind)).toEqual(['created', 'paused', 'resumed']);
  });

  it('escalates L1 → L2 → L3 and no further', async () => {
    h = await openHarness();
    const { clerk, supervisor } = await h.signedIn();
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    for (const level of [2, 3]) {
      const t = await h.ok(supervisor, 'tickets.get', { id });
      await h.ok(supervisor, 'tickets.escalate', { id, version: t.version, reason: '超时未解决' });
      expect((await h.ok(supervisor, 'tickets.get', { id })).progress.level).toBe(level);
    }
    const t = await h.ok(supervisor, 'tickets.get', { id });
    const r = await h.call(supervisor, 'tickets.escalate', { id, version: t.version, reason: '再升级' });
    expect(r.ok === false && r.error.code).toBe('CONFLICT');
  });
});

describe('archive', () => {
  it('closed tickets are read-only except for supervisor corrections on the timeline; cancelled ones stay findable', async () => {
    h = await openHarness();
    const { clerk, supervisor } = await h.signedIn();
    const { id, number } = await h.ok(clerk, 'tickets.create', intake());
    await moveOk(clerk, id, { move: 'cancel', reason: '客户重复报修' });
    const t = await h.ok(clerk, 'tickets.get', { id });
    const edit = await h.call(clerk, 'tickets.update', {
      id, version: t.version, channel: t.channel, reportedAt: t.reportedAt, contactName: '改名', contactPhone: t.contactPhone,
      urgency: t.urgency, problemType: t.problemType, faultDescription: t.faultDescription,
    });
    expect(edit.ok === false && edit.error.code).toBe('CONFLICT');
    const clerkNote = await h.call(clerk, 'tickets.note', { id, version: t.version, note: '补充' });
    expect(clerkNote.ok === false && clerkNote.error.code).toBe('FORBIDDEN');
    await h.ok(supervisor, 'tickets.note', { id, version: t.version, note: '更正：客户实为首次报修' });
    expect((await h.ok(clerk, 'tickets.list', { q: number })).rows.map((r) => r.status)).toEqual(['cancelled']);
    expect((await h.ok(clerk, 'tickets.get', { id })).events.map((e) => e.kind)).toEqual(['created', 'cancel', 'correction']);
  });
});

describe('queues', () => {
  it("the engineer's own tickets, the supervisor's overdue view, and the follow-up queue", async () => {
    h = await openHarness();
    const { clerk, engineer, supervisor } = await h.signedIn();
    const engineerId = (await h.ok(supervisor, 'users.engineers', {}))[0]!.id;
    const urgent = await h.ok(clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T02:00:00.000Z', urgency: 'urgent' }));
    const normal = await h.ok(clerk, 'tickets.create', intake({ reportedAt: '2026-11-24T09:00:00.000Z', urgency: 'normal', newCustomer: undefined, customerId: 1 }));
    const done = await h.ok(clerk, 'tickets.create', intake({ newCustomer: undefined, customerId: 1 }));
    for (const id of [normal.id, done.id]) {
      await moveOk(clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
      await moveOk(engineer, id, plan);
      await moveOk(supervisor, id, { move: 'dispatch', engineerId });
    }
    await moveOk(engineer, done.id, { move: 'startService' });
    await moveOk(engineer, done.id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
    const numbers = async (c: Client, input: InputOf<'tickets.list'>) => (await h.ok(c, 'tickets.list', input)).rows.map((r) => r.number);
    expect(await numbers(engineer, { mine: true })).toEqual([normal.number]);
    expect(await numbers(supervisor, { overdue: true })).toEqual([urgent.number]);
    expect(await numbers(clerk, { followUpDue: true })).toEqual([done.number]);
    expect((await h.ok(engineer, 'tickets.list', { mine: true })).total).toBe(1);
    expect(await numbers(supervisor, { sort: 'deadline' })).toEqual([urgent.number, done.number, normal.number]);
    const load = await h.ok(supervisor, 'users.engineers', {});
    expect(load.map((e) => e.openTickets)).toEqual([1]);
  });
});
