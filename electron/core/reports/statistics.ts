/**
 * Period statistics (SPEC "Monthly statistics"): what came in and went out by channel, urgency, type,
 * model and engineer; response and resolution times (elapsed and on the working calendar) and the share
 * within deadline; first-time fix; satisfaction; follow-ups; repeat faults; the depot; fees. Counts are
 * SQL aggregations over covering indexes; the period's own tickets are read once, as arrays, and grouped
 * here (the working-calendar clock needs code anyway). The ISO date arithmetic (strftime) is SQLite's:
 * a PostgreSQL dialect would say `- interval '90 days'`.
 */
import { WorkingTimeIndex } from '../../../shared/domain/calendar';
import { calendarOf } from '../../../shared/domain/settings';
import { DEPOT_AGE_BANDS, average, depotAgeBand, percentile, rate, type Breakdown, type FeeFigures, type PeriodStats, type ReturnFigures, type TimeFigures } from '../../../shared/domain/statistics';
import { zonedInstant } from '../../../shared/domain/calendar';
import { localDate } from '../../../shared/domain/time';
import type { CallContext } from '../context';

type Deps = Pick<CallContext, 'db' | 'settings'>;

interface Bounds {
  from: string;
  to: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;
const REPEAT_DAYS = 90;

function boundsOf(from: string, to: string, timeZone: string): Bounds {
  const start = new Date(zonedInstant(from, '00:00', timeZone)).toISOString();
  const end = new Date(zonedInstant(to, '00:00', timeZone) + DAY).toISOString();
  return { from, to, start, end };
}

interface GroupRow {
  channel: string;
  urgency: string;
  problem_type: string;
  model: string;
  engineer: string;
  n: number;
}

/** channel, urgency, problem type, model id, engineer id, count. */
type GroupLine = [string, string, string, number | null, number | null, number];

/** A ticket received in the period, as the one-pass query reads it. */
type MonthLine = [string, string, string, number | null, number | null, string, string | null, string, string | null, string, string | null, string];

function breakdown(received: GroupRow[], closed: GroupRow[], key: keyof Omit<GroupRow, 'n'>): Breakdown[] {
  const map = new Map<string, Breakdown>();
  const row = (k: string) => map.get(k) ?? map.set(k, { key: k, received: 0, closed: 0 }).get(k)!;
  for (const r of received) row(r[key]).received += r.n;
  for (const r of closed) row(r[key]).closed += r.n;
  return [...map.values()].sort((a, b) => b.received - a.received || b.closed - a.closed || a.key.localeCompare(b.key));
}

/**
 * Times of tickets received in the period (the one-pass rows: which column is done, which is due); a
 * ticket not yet done counts as late once its deadline passed. Minutes go into typed arrays, whose
 * numeric sort is several times faster than sorting 100,000 numbers with a comparator.
 */
function timeFigures(rows: MonthLine[], done: 8 | 10, due: 9 | 11, reported: Float64Array, index: WorkingTimeIndex, end: string): TimeFigures {
  const elapsed = new Float64Array(rows.length);
  const working = new Float64Array(rows.length);
  let n = 0;
  let judged = 0;
  let onTime = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const doneAt = r[done];
    if (doneAt) {
      const a = reported[i]!;
      const b = Date.parse(doneAt);
      elapsed[n] = Math.round((b - a) / 60_000);
      working[n] = index.minutesBetween(a, b);
      n++;
      judged++;
      if (doneAt <= r[due]) onTime++;
    } else if (r[due] < end) {
      judged++;
    }
  }
  const e = elapsed.subarray(0, n).sort();
  const w = working.subarray(0, n).sort();
  return {
    count: n,
    avgMinutes: average(e),
    p90Minutes: percentile(e, 0.9),
    avgWorkingMinutes: average(w),
    p90WorkingMinutes: percentile(w, 0.9),
    withinTargetRate: rate(onTime, judged),
  };
}

export async function periodStats(deps: Deps, from: string, to: string): Promise<PeriodStats> {
  const settings = await deps.settings.get();
  const b = boundsOf(from, to, settings.timeZone);
  const q = <T>(sql: string, params: unknown[] = []) => deps.db.query<T>(sql, params);
  const inPeriod = (column: string) => `t.${column} >= '${b.start}' AND t.${column} < '${b.end}'`;
  // Names of models and engineers (small tables), so the month's rows are read without joins.
  const modelCode = new Map((await q<{ id: number; code: string }>('SELECT id, code FROM product_models')).map((m) => [m.id, m.code]));
  const userName = new Map((await q<{ id: number; display_name: string }>('SELECT id, display_name FROM users')).map((u) => [u.id, u.display_name]));
  const group = (rows: GroupLine[]): GroupRow[] => {
    const out = new Map<string, GroupRow>();
    for (const [channel, urgency, problemType, modelId, assignedTo, n] of rows) {
      const model = (modelId !== null && modelCode.get(modelId)) || '';
      const engineer = (assignedTo !== null && userName.get(assignedTo)) || '';
      const key = `${channel}\u0000${urgency}\u0000${problemType}\u0000${model}\u0000${engineer}`;
      const row = out.get(key) ?? out.set(key, { channel, urgency, problem_type: problemType, model, engineer, n: 0 }).get(key)!;
      row.n += n;
    }
    return [...out.values()];
  };

  // One pass over the tickets received in the period (the covering index ix_tickets_report_received, rows
  // as arrays): the breakdowns, cancellations, response and resolution clocks and serial batches.
  const month = await deps.db.arrays<MonthLine>(
    `SELECT channel, urgency, problem_type, model_id, assigned_to, status, serial, reported_at, responded_at, response_due_at, resolved_at, resolve_due_at
     FROM tickets t WHERE ${inPeriod('reported_at')}`,
  );
  const received = group(month.map((r) => [r[0], r[1], r[2], r[3], r[4], 1]));
  // `+t.status`: the status equality must not pull the planner onto a status index (900,000 closed
  // tickets) instead of the covering closed_at range (ix_tickets_report_closed).
  const closed = group(
    await deps.db.arrays<GroupLine>(
      `SELECT channel, urgency, problem_type, model_id, assigned_to, COUNT(*) FROM tickets t WHERE ${inPeriod('closed_at')} AND +t.status = 'closed' GROUP BY 1, 2, 3, 4, 5`,
    ),
  );
  const sum = (rows: GroupRow[], pick: (r: GroupRow) => boolean = () => true) => rows.filter(pick).reduce((n, r) => n + r.n, 0);

  const [counts] = await q<{ open_at_end: number }>(
    `SELECT (SELECT COUNT(*) FROM tickets t WHERE t.reported_at < ? AND t.status NOT IN ('closed', 'cancelled'))
       + (SELECT COUNT(*) FROM tickets t WHERE t.closed_at >= ? AND t.reported_at < ?) AS open_at_end`,
    [b.end, b.end, b.end],
  );

  const index = new WorkingTimeIndex(calendarOf(settings), shiftDate(from, -400), shiftDate(to, 400));
  const clocks = month.filter((r) => r[5] !== 'cancelled');
  const reported = Float64Array.from(clocks, (c) => Date.parse(c[7]));
  const response = timeFigures(clocks, 8, 9, reported, index, b.end);
  const resolution = timeFigures(clocks, 10, 11, reported, index, b.end);
  const batches = new Map<string, number>();
  for (const r of month) if (r[6]) batches.set(r[6].slice(0, settings.serialBatchPrefix), (batches.get(r[6].slice(0, settings.serialBatchPrefix)) ?? 0) + 1);
  const byBatch = [...batches.entries()]
    .map(([key, n]) => ({ key, n }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, 50);

  const [ftf] = await q<{ closed: number; first_time: number }>(
    `SELECT COUNT(*) AS closed, COALESCE(SUM(CASE WHEN reopen_count = 0 AND visits <= 1 THEN 1 ELSE 0 END), 0) AS first_time
     FROM tickets t WHERE ${inPeriod('closed_at')} AND +t.status = 'closed'`,
  );
  const satisfaction = await q<{ satisfaction: string; n: number }>(
    `SELECT satisfaction, COUNT(*) AS n FROM tickets t WHERE ${inPeriod('resolved_at')} AND t.satisfaction IS NOT NULL GROUP BY satisfaction`,
  );
  const satisfied = satisfaction.filter((s) => s.satisfaction === 'very_satisfied' || s.satisfaction === 'satisfied').reduce((n, s) => n + s.n, 0);
  const satisfactionTotal = satisfaction.reduce((n, s) => n + s.n, 0);

  const [followUps] = await q<{ done: number; overdue: number }>(
    `SELECT (SELECT COUNT(*) FROM tickets t WHERE ${inPeriod('followed_up_at')}) AS done,
            (SELECT COUNT(*) FROM tickets t WHERE t.status = 'accepted' AND t.follow_up_due_at < ?) AS overdue`,
    [b.end],
  );

  return {
    from,
    to,
    received: sum(received),
    closed: sum(closed),
    cancelled: month.filter((r) => r[5] === 'cancelled').length,
    openAtEnd: counts?.open_at_end ?? 0,
    complaints: sum(received, (r) => r.problem_type === 'complaint'),
    byChannel: breakdown(received, closed, 'channel'),
    byUrgency: breakdown(received, closed, 'urgency'),
    byProblemType: breakdown(received, closed, 'problem_type'),
    byModel: breakdown(received, closed, 'model'),
    byEngineer: breakdown(received, closed, 'engineer'),
    response,
    resolution,
    firstTimeFix: { closed: ftf?.closed ?? 0, firstTime: ftf?.first_time ?? 0, rate: rate(ftf?.first_time ?? 0, ftf?.closed ?? 0) },
    satisfaction: { total: satisfactionTotal, counts: Object.fromEntries(satisfaction.map((s) => [s.satisfaction, s.n])), rate: rate(satisfied, satisfactionTotal) },
    followUps: { done: followUps?.done ?? 0, overdue: followUps?.overdue ?? 0 },
    repeatFaults: { ...(await repeatFaults(deps, b)), byBatch },
    returns: await returnFigures(deps, b, settings.timeZone),
    fees: await feeFigures(deps, b),
  };
}

/** The returned-device register over the period; ages are whole days from the check-in date to the period's last day. */
async function returnFigures(deps: Deps, b: Bounds, timeZone: string): Promise<ReturnFigures> {
  const [moved] = await deps.db.query<{ received: number; returned: number; scrapped: number }>(
    `SELECT (SELECT COUNT(*) FROM returned_devices WHERE received_at >= ? AND received_at < ?) AS received,
            (SELECT COUNT(*) FROM returned_devices WHERE closed_at >= ? AND closed_at < ? AND state = 'returned') AS returned,
            (SELECT COUNT(*) FROM returned_devices WHERE closed_at >= ? AND closed_at < ? AND state = 'scrapped') AS scrapped`,
    [b.start, b.end, b.start, b.end, b.start, b.end],
  );
  const inDepot = await deps.db.query<{ received_at: string; expected_date: string | null }>(
    'SELECT received_at, expected_date FROM returned_devices WHERE received_at < ? AND (closed_at IS NULL OR closed_at >= ?)',
    [b.end, b.end],
  );
  const ageing = Object.fromEntries(DEPOT_AGE_BANDS.map((k) => [k, 0])) as ReturnFigures['ageing'];
  const lastDay = Date.parse(`${b.to}T00:00:00Z`);
  for (const r of inDepot) {
    const received = Date.parse(`${localDate(new Date(r.received_at), timeZone)}T00:00:00Z`);
    ageing[depotAgeBand(Math.round((lastDay - received) / DAY))]++;
  }
  return {
    received: moved?.received ?? 0,
    returned: moved?.returned ?? 0,
    scrapped: moved?.scrapped ?? 0,
    inDepotAtEnd: inDepot.length,
    ageing,
    overdueAtEnd: inDepot.filter((r) => r.expected_date !== null && r.expected_date <= b.to).length,
  };
}

/** Bills by their date (a local date), payments by the instant they were received. */
async function feeFigures(deps: Deps, b: Bounds): Promise<FeeFigures> {
  const [billed] = await deps.db.query<{ bills: number; billed: number }>(
    'SELECT COUNT(*) AS bills, COALESCE(SUM(total_fen), 0) AS billed FROM bills WHERE billed_on >= ? AND billed_on <= ?',
    [b.from, b.to],
  );
  const methods = await deps.db.query<{ method: string; n: number }>(
    'SELECT method, SUM(amount_fen) AS n FROM payments WHERE paid_at >= ? AND paid_at < ? GROUP BY method ORDER BY method',
    [b.start, b.end],
  );
  const [outstanding] = await deps.db.query<{ owed: number }>(
    `SELECT COALESCE(SUM(bl.total_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.bill_id = bl.id AND p.paid_at < ?), 0)), 0) AS owed
     FROM bills bl WHERE bl.billed_on <= ?`,
    [b.end, b.to],
  );
  return {
    bills: billed?.bills ?? 0,
    billedFen: billed?.billed ?? 0,
    collectedFen: methods.reduce((n, m) => n + m.n, 0),
    collectedByMethod: Object.fromEntries(methods.map((m) => [m.method, m.n])),
    outstandingFen: outstanding?.owed ?? 0,
  };
}


function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

async function repeatFaults(deps: Deps, b: Bounds): Promise<Omit<PeriodStats['repeatFaults'], 'byBatch'>> {
  const repeats = await deps.db.query<{ device_id: number; serial: string; model: string; n: number }>(
    `SELECT t.device_id, d.serial, m.code AS model, COUNT(*) AS n
     FROM tickets t JOIN devices d ON d.id = t.device_id JOIN product_models m ON m.id = d.model_id
     WHERE t.reported_at >= ? AND t.reported_at < ? AND t.device_id IS NOT NULL
       AND EXISTS (SELECT 1 FROM tickets p WHERE p.device_id = t.device_id AND p.id <> t.id
                   AND p.reported_at < t.reported_at AND p.reported_at >= strftime('%Y-%m-%dT%H:%M:%fZ', t.reported_at, '-${REPEAT_DAYS} days'))
     GROUP BY t.device_id ORDER BY n DESC, d.serial`,
    [b.start, b.end],
  );
  const byModel = new Map<string, number>();
  for (const r of repeats) byModel.set(r.model, (byModel.get(r.model) ?? 0) + r.n);
  return {
    tickets: repeats.reduce((n, r) => n + r.n, 0),
    devices: repeats.slice(0, 200).map((r) => ({ serial: r.serial, model: r.model, tickets: r.n + 1 })),
    byModel: [...byModel.entries()].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key)),
  };
}
