/**
 * Follow-up attempts (issue 21): 未接通 and 改约 are recorded on the ticket's timeline and follow-up history;
 * a reschedule moves the follow-up's due time (and its place in the queue); only accepted tickets take them,
 * and a reschedule needs a time later than now, refused on its field in words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let h: Harness;
afterEach(() => h?.close());

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function accepted() {
  h = await openHarness();
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  const tickets: number[] = [];
  for (const phone of ['13800135678', '13900001111']) {
    const { id } = await h.ok(roles.clerk, 'tickets.create', intake({ contactPhone: phone, newCustomer: { name: '陈先生', salutation: 'mr', phone, address: '广州市天河区科韵路 88 号' } }));
    await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
    await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '电容失效', repairPlan: '更换电容', estimateFen: 0 });
    await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId });
    await moveOk(roles.engineer, id, { move: 'startService' });
    await moveOk(roles.engineer, id, { move: 'accept', satisfaction: 'satisfied', comments: '', signature: SIGNATURE });
    tickets.push(id);
  }
  return { ...roles, tickets };
}

async function attempt(c: Client, id: number, input: Omit<InputOf<'tickets.followUpAttempt'>, 'id' | 'version'>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.call(c, 'tickets.followUpAttempt', { id, version: t.version, ...input });
}

describe('follow-up attempts', () => {
  it('records no answer and a reschedule; the new time becomes the due time and orders the queue; the reached call ends the history', async () => {
    const { clerk, tickets } = await accepted();
    const [first, second] = tickets as [number, number];
    const queue = async () => (await h.ok(clerk, 'tickets.list', { followUpDue: true })).rows.map((r) => [r.id, r.contactPhone]);
    expect(await queue()).toEqual([[first, '13800135678'], [second, '13900001111']]);

    expect((await attempt(clerk, first, { outcome: 'noAnswer', note: '响铃无人接' })).ok).toBe(true);
    h.clock.now = new Date('2026-11-24T11:00:00Z');
    expect((await attempt(clerk, first, { outcome: 'rescheduled', nextAt: '2026-11-26T14:00:00+08:00', note: '客户出差，周四下午再打' })).ok).toBe(true);
    let t = await h.ok(clerk, 'tickets.get', { id: first });
    expect(t.status).toBe('accepted');
    expect(t.progress.followUpDueAt).toBe('2026-11-26T06:00:00.000Z');
    expect(t.progress.followUpAttempts.map((a) => [a.kind, a.actorName, a.nextAt, a.note])).toEqual([
      ['followUpNoAnswer', 'clerk', null, '响铃无人接'],
      ['followUpRescheduled', 'clerk', '2026-11-26T06:00:00.000Z', '客户出差，周四下午再打'],
    ]);
    expect(t.events.filter((e) => e.kind.startsWith('followUp')).map((e) => e.kind)).toEqual(['followUpNoAnswer', 'followUpRescheduled']);
    expect(await queue()).toEqual([[second, '13900001111'], [first, '13800135678']]);

    await moveOk(clerk, first, { move: 'followUpSolved', attitudeOk: true, satisfaction: 'very_satisfied', notes: '已解决' });
    t = await h.ok(clerk, 'tickets.get', { id: first });
    expect(t.progress.followUpAttempts.map((a) => a.kind)).toEqual(['followUpNoAnswer', 'followUpRescheduled', 'followUpSolved']);
  });

  it('refuses a reschedule without a time or to a time already past, on the field in words; only accepted tickets; not engineers', async () => {
    const { clerk, engineer, supervisor, tickets } = await accepted();
    const id = tickets[0]!;
    const missing = await attempt(clerk, id, { outcome: 'rescheduled', note: '' });
    expect(missing.ok === false && missing.error.fields).toEqual({ nextAt: '请填写改约后的回访时间' });
    const past = await attempt(clerk, id, { outcome: 'rescheduled', nextAt: '2026-11-24T09:00:00Z', note: '' });
    expect(past.ok === false && past.error.fields).toEqual({ nextAt: '改约的回访时间须晚于现在' });
    const byEngineer = await attempt(engineer, id, { outcome: 'noAnswer', note: '' });
    expect(byEngineer.ok === false && byEngineer.error.code).toBe('FORBIDDEN');
    await moveOk(supervisor, id, { move: 'followUpSolved', attitudeOk: true, satisfaction: 'satisfied', notes: '' });
    const late = await attempt(clerk, id, { outcome: 'noAnswer', note: '' });
    expect(late.ok === false && [late.error.code, late.error.message]).toEqual(['CONFLICT', '工单当前为「回访」状态，不能执行此操作。']);
  });
});
