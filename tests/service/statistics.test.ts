/**
 * Statistics against an independent computation: a dataset is driven through the API with a moving clock,
 * then every figure is recomputed here by a plain loop over the stored rows and compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { PeriodStats } from '../../shared/domain/statistics';
import { DEFAULT_CALENDAR, workingMinutesBetween } from '../../shared/domain/calendar';

const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
let h: Harness;
let stats: { current: PeriodStats; previous: PeriodStats };
type Row = Record<string, string | number | null>;
let rows: Row[];
let depot: Row[];
let bills: Row[];
let payments: Row[];

let clients: Record<string, Client> = {};

/** Moves the clock; sessions idle for 12 hours end, so everyone signs in again at the new time. */
async function at(iso: string, work: () => Promise<unknown>) {
  h.clock.now = new Date(iso);
  for (const [role, c] of Object.entries(clients)) await h.ok(c, 'auth.login', { username: role, password: `${role}-pass-1` });
  await work();
}

beforeAll(async () => {
  h = await openHarness();
  const { admin, clerk, engineer, supervisor } = await h.signedIn();
  clients = { clerk, engineer, supervisor };
  const model = await h.ok(admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
  const engineerId = (await h.ok(supervisor, 'users.engineers', {}))[0]!.id;
  const move = async (c: Client, id: number, input: Record<string, unknown>) => {
    const t = await h.ok(c, 'tickets.get', { id });
    await h.ok(c, 'tickets.move', { id, version: t.version, ...input } as InputOf<'tickets.move'>);
  };
  const finish = async (id: number, day: string, satisfaction: string, reopen = false) => {
    await at(`${day}T02:00:00Z`, () => move(clerk, id, { move: 'startDiagnosis', remoteGuidance: '' }));
    await at(`${day}T03:00:00Z`, () => move(engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: 'd', repairPlan: 'p' }));
    await at(`${day}T03:10:00Z`, () => move(supervisor, id, { move: 'dispatch', engineerId }));
    await at(`${day}T04:00:00Z`, () => move(engineer, id, { move: 'startService' }));
    await at(`${day}T06:00:00Z`, () => move(engineer, id, { move: 'accept', satisfaction, comments: '', signature: SIGNATURE }));
    if (reopen) {
      await at(`${day}T08:00:00Z`, () => move(clerk, id, { move: 'followUpUnsolved', reason: '又坏了' }));
      await at(`${day}T09:00:00Z`, () => move(engineer, id, { move: 'submitPlan', serviceMode: 'onsite', diagnosis: 'd', repairPlan: 'p' }));
      await at(`${day}T09:10:00Z`, () => move(supervisor, id, { move: 'dispatch', engineerId }));
      await at(`${day}T09:20:00Z`, () => move(engineer, id, { move: 'startService' }));
      await at(`${day}T10:00:00Z`, () => move(engineer, id, { move: 'accept', satisfaction, comments: '', signature: SIGNATURE }));
    }
    await at(`${day}T11:00:00Z`, () => move(clerk, id, { move: 'followUpSolved', attitudeOk: true, satisfaction, notes: '' }));
    await at(`${day}T11:30:00Z`, () => move(clerk, id, { move: 'archive' }));
  };
  const create = async (reportedAt: string, extra: Partial<InputOf<'tickets.create'>>) => {
    let id = 0;
    await at(reportedAt, async () => (id = (await h.ok(clerk, 'tickets.create', intake({ reportedAt, ...extra }))).id));
    return id;
  };
  // October: the first repair of device KF2410A001.
  const oct = await create('2026-10-20T01:00:00.000Z', { newDevice: { serial: 'KF2410A001', modelId: model.id }, channel: 'phone' });
  await finish(oct, '2026-10-21', 'satisfied');
  // November: a repeat on the same device, and others.
  const repeat = await create('2026-11-03T01:00:00.000Z', { newCustomer: undefined, customerId: 1, deviceId: 1, channel: 'online', urgency: 'urgent' });
  await finish(repeat, '2026-11-03', 'dissatisfied', true);
  const b = await create('2026-11-06T10:00:00.000Z', { newDevice: { serial: 'KF2410A002', modelId: model.id }, channel: 'walk_in', problemType: 'complaint' });
  await finish(b, '2026-11-09', 'very_satisfied');
  await create('2026-11-12T02:00:00.000Z', { newDevice: { serial: 'KF2411B001', modelId: model.id }, channel: 'phone', urgency: 'normal' });
  const cancelled = await create('2026-11-20T02:00:00.000Z', { channel: 'email' });
  await at('2026-11-20T03:00:00Z', () => move(clerk, cancelled, { move: 'cancel', reason: '重复报修' }));
  await create('2026-12-02T02:00:00.000Z', { channel: 'phone' });

  // Three September tickets, still open, for the depot and the bills (an archived ticket takes neither).
  const sep = [];
  for (const serial of ['KF2409C001', 'KF2409C002', 'KF2409C003']) sep.push(await create('2026-09-20T02:00:00.000Z', { newDevice: { serial, modelId: model.id }, channel: 'phone' }));
  const [s1, s2, s3] = sep as [number, number, number];

  // The depot: one device in since October (overdue), one handed back and one scrapped in November,
  // one checked in at the end of November (a clerk's expected date still ahead).
  const checkIn = async (day: string, ticketId: number, serial: string, expectedDate: string) => {
    let id = 0;
    await at(`${day}T02:00:00Z`, async () => (id = (await h.ok(clerk, 'returns.checkIn', { ticketId, modelId: model.id, serial, faultStated: '不制冷', expectedDate })).id));
    return id;
  };
  const returnMove = async (c: Client, day: string, id: number, m: string, reason = '') =>
    at(`${day}T03:00:00Z`, async () => {
      const { version } = await h.ok(c, 'returns.get', { id });
      await h.ok(c, 'returns.move', { id, version, move: m as 'startInspection', reason });
    });
  await checkIn('2026-10-25', s1, 'KF2409C001', '2026-10-30');
  const handedBack = await checkIn('2026-11-04', s2, 'KF2409C002', '2026-11-11');
  await returnMove(engineer, '2026-11-05', handedBack, 'startInspection');
  await returnMove(engineer, '2026-11-06', handedBack, 'startRepair');
  await returnMove(engineer, '2026-11-10', handedBack, 'finishRepair');
  await at('2026-11-12T05:00:00Z', async () => {
    const r = await h.ok(clerk, 'returns.get', { id: handedBack });
    await h.ok(clerk, 'returns.handBack', { id: handedBack, version: r.version, pickedUpBy: '陈先生', accessoriesBack: r.accessories, signature: SIGNATURE, satisfaction: 'satisfied' });
  });
  const scrapped = await checkIn('2026-11-05', s3, 'KF2409C003', '2026-11-20');
  await returnMove(engineer, '2026-11-06', scrapped, 'startInspection');
  await returnMove(engineer, '2026-11-07', scrapped, 'declareUnrepairable', '主板烧毁');
  await returnMove(clerk, '2026-11-15', scrapped, 'scrap', '客户电话同意报废');
  await checkIn('2026-11-26', s2, 'KF2409C002', '2026-12-05');

  // Fees: an October bill paid partly in October and partly in November, a November bill paid partly.
  const LABOUR = [{ kind: 'labour' as const, productLine: '家电', difficulty: 'standard' as const, unit: 'visit' as const, quantity: 1 }];
  await at('2026-10-20T00:30:00Z', () =>
    h.ok(admin, 'fees.standard.publish', { effectiveFrom: '2026-10-20', rules: { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 12_000, perHourFen: 6_000 }] } }),
  );
  const bill = async (day: string, ticketId: number) => {
    let id = 0;
    const consent = { channel: 'phone' as const, signature: null, note: '', informed: true as const };
    await at(`${day}T04:00:00Z`, async () => (id = (await h.ok(clerk, 'bills.create', { ticketId, lines: LABOUR, consent })).id));
    return id;
  };
  const pay = (iso: string, billId: number, method: 'cash' | 'wechat', amountFen: number) => at(iso, () => h.ok(clerk, 'payments.record', { billId, method, amountFen }));
  const octBill = await bill('2026-10-22', s1);
  await pay('2026-10-22T05:00:00Z', octBill, 'cash', 5_000);
  await pay('2026-10-31T17:00:00Z', octBill, 'wechat', 3_000); // already November 1st in Shanghai
  const novBill = await bill('2026-11-10', s2);
  await pay('2026-11-10T05:00:00Z', novBill, 'cash', 2_000);
  await at('2026-12-05T00:00:00Z', async () => undefined);
  stats = await h.ok(supervisor, 'reports.statistics', { from: '2026-11-01', to: '2026-11-30' });
  rows = await h.core.db.query<Row>('SELECT * FROM tickets ORDER BY id');
  depot = await h.core.db.query<Row>('SELECT * FROM returned_devices ORDER BY id');
  bills = await h.core.db.query<Row>('SELECT * FROM bills ORDER BY id');
  payments = await h.core.db.query<Row>('SELECT * FROM payments ORDER BY id');
}, 60_000);
afterAll(() => h.close());

// November at the desk (UTC+8) is [2026-10-31T16:00Z, 2026-11-30T16:00Z).
const START = '2026-10-31T16:00:00.000Z';
const END = '2026-11-30T16:00:00.000Z';
const NOW = '2026-12-05T00:00:00.000Z';
const inNov = (v: unknown) => typeof v === 'string' && v >= START && v < END;

describe('period statistics equal a plain loop over the rows', () => {
  it('counts received, closed, cancelled, open at the end, complaints', () => {
    const received = rows.filter((r) => inNov(r.reported_at));
    const closed = rows.filter((r) => inNov(r.closed_at) && r.status === 'closed');
    const open = rows.filter((r) => (r.reported_at as string) < END && !['closed', 'cancelled'].includes(r.status as string));
    expect(stats.current).toMatchObject({
      received: received.length,
      closed: closed.length,
      cancelled: received.filter((r) => r.status === 'cancelled').length,
      openAtEnd: open.length,
      complaints: received.filter((r) => r.problem_type === 'complaint').length,
    });
    // The Nov 12 ticket and the three September tickets kept open for the depot and the bills.
    expect([stats.current.received, stats.current.closed, stats.current.openAtEnd]).toEqual([4, 2, 4]);
  });

  it('breaks down by channel with received and closed', () => {
    const expected = new Map<string, { received: number; closed: number }>();
    for (const r of rows) {
      const k = r.channel as string;
      const e = expected.get(k) ?? { received: 0, closed: 0 };
      if (inNov(r.reported_at)) e.received++;
      if (inNov(r.closed_at) && r.status === 'closed') e.closed++;
      if (e.received || e.closed) expected.set(k, e);
    }
    expect(Object.fromEntries(stats.current.byChannel.map((b) => [b.key, { received: b.received, closed: b.closed }]))).toEqual(Object.fromEntries(expected));
  });

  it('response and resolution times, elapsed and on the working calendar, and the share within deadline', () => {
    const measured = rows.filter((r) => inNov(r.reported_at) && r.status !== 'cancelled' && r.resolved_at);
    const elapsed = measured.map((r) => Math.round((Date.parse(r.resolved_at as string) - Date.parse(r.reported_at as string)) / 60_000));
    const working = measured.map((r) => workingMinutesBetween(DEFAULT_CALENDAR, Date.parse(r.reported_at as string), Date.parse(r.resolved_at as string)));
    const avg = (v: number[]) => Math.round(v.reduce((a, b) => a + b, 0) / v.length);
    expect(stats.current.resolution).toMatchObject({ count: measured.length, avgMinutes: avg(elapsed), avgWorkingMinutes: avg(working), p90Minutes: Math.max(...elapsed) });
    // Decided at the desk clock's now (2026-12-05): resolved, or past the deadline undone.
    const judged = rows.filter((r) => inNov(r.reported_at) && r.status !== 'cancelled' && (r.resolved_at || (r.resolve_due_at as string) < NOW));
    const onTime = judged.filter((r) => r.resolved_at && (r.resolved_at as string) <= (r.resolve_due_at as string));
    expect(stats.current.resolution.withinTargetRate).toBe(onTime.length / judged.length);
    const responded = rows.filter((r) => inNov(r.reported_at) && r.responded_at);
    expect(stats.current.response.count).toBe(responded.length);
  });

  it('first-time fix, satisfaction, follow-ups', () => {
    const closed = rows.filter((r) => inNov(r.closed_at) && r.status === 'closed');
    const firstTime = closed.filter((r) => r.reopen_count === 0 && (r.visits as number) <= 1);
    expect(stats.current.firstTimeFix).toEqual({ closed: closed.length, firstTime: firstTime.length, rate: firstTime.length / closed.length });
    const rated = rows.filter((r) => inNov(r.resolved_at) && r.satisfaction);
    const good = rated.filter((r) => r.satisfaction === 'very_satisfied' || r.satisfaction === 'satisfied');
    expect(stats.current.satisfaction.rate).toBe(good.length / rated.length);
    expect(stats.current.followUps.done).toBe(rows.filter((r) => inNov(r.followed_up_at)).length);
  });

  it('repeat faults by device and model, and tickets per serial batch', () => {
    expect(stats.current.repeatFaults).toMatchObject({ tickets: 1, devices: [{ serial: 'KF2410A001', model: 'KFR-35', tickets: 2 }], byModel: [{ key: 'KFR-35', n: 1 }] });
    const batches = new Map<string, number>();
    for (const r of rows) if (inNov(r.reported_at) && r.serial) batches.set((r.serial as string).slice(0, 6), (batches.get((r.serial as string).slice(0, 6)) ?? 0) + 1);
    expect(Object.fromEntries(stats.current.repeatFaults.byBatch.map((x) => [x.key, x.n]))).toEqual(Object.fromEntries(batches));
  });

  it('returned devices received, handed back, scrapped, and still in the depot at the end by age', () => {
    const inDepot = depot.filter((r) => (r.received_at as string) < END && (r.closed_at === null || (r.closed_at as string) >= END));
    // Ages counted by hand from the check-in dates: 2026-10-25 → 36 days, 2026-11-26 → 4 days.
    expect(stats.current.returns).toEqual({
      received: depot.filter((r) => inNov(r.received_at)).length,
      returned: depot.filter((r) => inNov(r.closed_at) && r.state === 'returned').length,
      scrapped: depot.filter((r) => inNov(r.closed_at) && r.state === 'scrapped').length,
      inDepotAtEnd: inDepot.length,
      ageing: { d0_7: 1, d8_14: 0, d15_30: 0, over30: 1 },
      overdueAtEnd: inDepot.filter((r) => r.expected_date !== null && (r.expected_date as string) <= '2026-11-30').length,
    });
    expect([stats.current.returns.received, stats.current.returns.returned, stats.current.returns.scrapped, stats.current.returns.overdueAtEnd]).toEqual([3, 1, 1, 1]);
    expect(stats.previous.returns).toMatchObject({ received: 1, inDepotAtEnd: 1, ageing: { d0_7: 1, d8_14: 0, d15_30: 0, over30: 0 } });
  });

  it('fees billed and collected in the period, and what was still owed at its end', () => {
    const novBills = bills.filter((r) => (r.billed_on as string) >= '2026-11-01' && (r.billed_on as string) <= '2026-11-30');
    const novPayments = payments.filter((p) => inNov(p.paid_at));
    const owed = bills
      .filter((r) => (r.billed_on as string) <= '2026-11-30')
      .reduce((n, r) => n + (r.total_fen as number) - payments.filter((p) => p.bill_id === r.id && (p.paid_at as string) < END).reduce((m, p) => m + (p.amount_fen as number), 0), 0);
    expect(stats.current.fees).toEqual({
      bills: novBills.length,
      billedFen: novBills.reduce((n, r) => n + (r.total_fen as number), 0),
      collectedFen: novPayments.reduce((n, p) => n + (p.amount_fen as number), 0),
      collectedByMethod: { cash: 2_000, wechat: 3_000 },
      outstandingFen: owed,
    });
    expect(stats.current.fees.billedFen).toBeGreaterThan(0);
    expect(stats.previous.fees).toMatchObject({ bills: 1, collectedFen: 5_000, collectedByMethod: { cash: 5_000 } });
    // October's bill was paid 5,000 in October and 3,000 on November 1st (Shanghai): at October's end 3,000 more was owed than now.
    const octBill = bills.find((r) => (r.billed_on as string) <= '2026-10-31')!;
    expect(stats.previous.fees.outstandingFen).toBe((octBill.total_fen as number) - 5_000);
    expect(stats.previous.fees.outstandingFen).toBe((octBill.balance_fen as number) + 3_000);
  });

  it('the trend counts each month as the statistics do', async () => {
    const trend = await h.ok(clients.supervisor!, 'reports.trend', { month: '2026-11', months: 3 });
    expect(trend).toEqual([
      { month: '2026-09', received: 3, closed: 0 },
      { month: '2026-10', received: stats.previous.received, closed: stats.previous.closed },
      { month: '2026-11', received: stats.current.received, closed: stats.current.closed },
    ]);
    const bad = await h.call(clients.supervisor!, 'reports.trend', { month: '2026-13' });
    expect(bad.ok === false && bad.error.fields?.month).toBe('月份格式应为 YYYY-MM');
  });

  it('compares with the previous month', () => {
    expect([stats.previous.from, stats.previous.to, stats.previous.received, stats.previous.closed]).toEqual(['2026-10-01', '2026-10-31', 1, 1]);
  });
});
