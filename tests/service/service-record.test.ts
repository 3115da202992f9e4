import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';

let h: Harness;
afterEach(() => h?.close());

async function moveOk(c: Client, id: number, input: Record<string, unknown>) {
  const t = await h.ok(c, 'tickets.get', { id });
  return h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
}

async function inService() {
  h = await openHarness();
  const roles = await h.signedIn();
  const engineerId = (await h.ok(roles.supervisor, 'users.engineers', {}))[0]!.id;
  const { id } = await h.ok(roles.clerk, 'tickets.create', intake());
  await moveOk(roles.clerk, id, { move: 'startDiagnosis', remoteGuidance: '' });
  await moveOk(roles.engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: '压缩机故障', repairPlan: '更换压缩机', estimateFen: 0 });
  await moveOk(roles.supervisor, id, { move: 'dispatch', engineerId });
  await moveOk(roles.engineer, id, { move: 'startService' });
  return { ...roles, id, engineerId };
}

describe('service record', () => {
  it('records steps, problems and parts; later visits add parts without losing earlier ones', async () => {
    const { engineer, clerk, id } = await inService();
    let t = await h.ok(engineer, 'tickets.get', { id });
    await h.ok(engineer, 'tickets.recordService', {
      id, version: t.version, steps: '检测压缩机，更换启动电容', problems: '客户家中电压不稳',
      parts: [{ partName: '启动电容', partModel: 'CBB65-35uF', quantity: 1, serial: 'C-001', oldPartRecovered: true }],
    });
    t = await h.ok(engineer, 'tickets.get', { id });
    await h.ok(engineer, 'tickets.recordService', { id, version: t.version, steps: '补加制冷剂', problems: '', parts: [{ partName: '制冷剂 R32', partModel: '', quantity: 2, serial: '' }] });
    const after = await h.ok(clerk, 'tickets.get', { id });
    expect(after.progress.serviceSteps).toBe('补加制冷剂');
    expect(after.progress.parts.map((p) => [p.partName, p.quantity, p.serial, p.oldPartRecovered])).toEqual([
      ['启动电容', 1, 'C-001', true],
      ['制冷剂 R32', 2, '', false],
    ]);
    const refused = await h.call(clerk, 'tickets.recordService', { id, version: after.version, steps: 'x', problems: '', parts: [] });
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
  });

  it('refuses a record outside the service stage and zero or huge quantities', async () => {
    const { engineer, id } = await inService();
    const t = await h.ok(engineer, 'tickets.get', { id });
    const zero = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: 'x', parts: [{ partName: '电容', quantity: 0 }] });
    expect(zero.ok === false && zero.error.fields).toEqual({ 'parts.0.quantity': '数量须大于 0' });
    const huge = await h.call(engineer, 'tickets.recordService', { id, version: t.version, steps: 'x', parts: [{ partName: '电容', quantity: 1000 }] });
    expect(huge.ok === false && huge.error.fields).toEqual({ 'parts.0.quantity': '不能大于 999' });
  });

  it('keeps photos in the data folder and gives them back byte for byte', async () => {
    const { engineer, clerk, id } = await inService();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    const { id: attachmentId } = await h.ok(engineer, 'tickets.attach', { id, kind: 'photo', fileName: '现场照片.jpg', mime: 'image/jpeg', dataBase64: bytes.toString('base64') });
    const back = await h.ok(clerk, 'attachments.get', { id: attachmentId });
    expect([back.fileName, Buffer.from(back.dataBase64, 'base64').equals(bytes)]).toEqual(['现场照片.jpg', true]);
    const t = await h.ok(clerk, 'tickets.get', { id });
    expect(t.progress.attachments.map((a) => [a.kind, a.fileName, a.size])).toEqual([['photo', '现场照片.jpg', 9]]);
    expect(t.events.at(-1)?.kind).toBe('attached');
  });

  it.each([
    ['a path in the file name', { fileName: '../../etc/passwd' }, 'fileName'],
    ['an executable type', { mime: 'application/x-msdownload' }, 'mime'],
    ['content that is not base64', { dataBase64: '<script>' }, 'dataBase64'],
  ])('refuses %s', async (_name, change, field) => {
    const { engineer, id } = await inService();
    const r = await h.call(engineer, 'tickets.attach', { id, kind: 'file', fileName: 'a.txt', mime: 'text/plain', dataBase64: 'aGVsbG8=', ...change } as InputOf<'tickets.attach'>);
    expect(r.ok === false && Object.keys(r.error.fields ?? {})).toEqual([field]);
  });
});

describe('engineer schedule', () => {
  it('books engineers, refuses a double booking, lists by day, keeps cancelled bookings out of the list', async () => {
    const { supervisor, engineer, engineerId, id } = await inService();
    const first = await h.ok(supervisor, 'schedule.book', { engineerId, ticketId: id, startsAt: '2026-11-25T06:00:00Z', endsAt: '2026-11-25T08:00:00Z', place: '浦东新区张江路 88 号' });
    const clash = await h.call(supervisor, 'schedule.book', { engineerId, startsAt: '2026-11-25T07:00:00Z', endsAt: '2026-11-25T09:00:00Z' });
    expect(clash.ok === false && clash.error.message).toBe('该工程师在此时段已有安排。');
    await h.ok(engineer, 'schedule.book', { engineerId, startsAt: '2026-11-25T08:00:00Z', endsAt: '2026-11-25T09:00:00Z', note: '回公司取备件' });
    const day = await h.ok(engineer, 'schedule.list', { from: '2026-11-25', to: '2026-11-25' });
    expect(day.map((b) => [b.engineer.id, b.ticket?.id ?? null, b.place || b.note])).toEqual([
      [engineerId, id, '浦东新区张江路 88 号'],
      [engineerId, null, '回公司取备件'],
    ]);
    await h.ok(supervisor, 'schedule.cancel', { id: first.id, version: 1 });
    expect((await h.ok(engineer, 'schedule.list', { from: '2026-11-25', to: '2026-11-25' })).length).toBe(1);
    expect((await h.ok(engineer, 'schedule.list', { from: '2026-11-26', to: '2026-11-30' })).length).toBe(0);
  });

  it('an engineer books only themselves; an hour that ends before it starts is refused', async () => {
    const { engineer, admin } = await inService();
    const other = await h.ok(admin, 'users.create', { username: 'eng2', displayName: '李工', role: 'engineer', password: 'eng2-pass-1' });
    const r = await h.call(engineer, 'schedule.book', { engineerId: other.id, startsAt: '2026-11-25T06:00:00Z', endsAt: '2026-11-25T08:00:00Z' });
    expect(r.ok === false && r.error.code).toBe('FORBIDDEN');
    const backwards = await h.call(admin, 'schedule.book', { engineerId: other.id, startsAt: '2026-11-25T08:00:00Z', endsAt: '2026-11-25T06:00:00Z' });
    expect(backwards.ok === false && Object.keys(backwards.error.fields ?? {})).toEqual(['endsAt']);
  });
});
