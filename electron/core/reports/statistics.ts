/**
 * Period statistics (SPEC "Monthly statistics"): what came in and went out by channel, urgency, type,
 * model and engineer; response and resolution times (elapsed and on the working calendar) and the share
 * within deadline; first-time fix; satisfaction; follow-ups; repeat faults; the depot; fees. Nothing here
 * reads a ticket row: the breakdowns are sums over the period's hours (hour-counts.ts), times, repeats and
 * batches are aggregations over one covering index (ix_tickets_report_period) whose times were kept on
 * the tickets (clocks.ts), the rest are counts over their own indexes.
 */
import { deskCalendar } from '../services/official-holidays.service';
import { DEPOT_AGE_BANDS, average, depotAgeBand, percentile, rate, type Breakdown, type FeeFigures, type PeriodStats, type ReturnFigures, type TimeFigures } from '../../../shared/domain/statistics';
import { TICKET_STATUSES } from '../../../shared/domain/ticket';
import { zonedInstant, type WorkingCalendar } from '../../../shared/domain/calendar';
import { localDate } from '../../../shared/domain/time';
import type { CallContext } from '../context';
import { calendarVersion, refreshClocks } from './clocks';
import { periodCounts, type DimensionCount } from './hour-counts';
import { labourFigures } from './labour-figures';

type Deps = Pick<CallContext, 'db' | 'settings' | 'official' | 'now'>;

/** The period's desk days, and its instants as ISO-8601 (other tables) and as milliseconds (the tickets' times, db/instants.ts). */
interface Bounds {
  from: string;
  to: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

const DAY = 86_400_000;
const OPEN = TICKET_STATUSES.filter((s) => s !== 'closed' && s !== 'cancelled');

function boundsOf(from: string, to: string, timeZone: string): Bounds {
  const startMs = zonedInstant(from, '00:00', timeZone);
  const endMs = zonedInstant(to, '00:00', timeZone) + DAY;
  return { from, to, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString(), startMs, endMs };
}

/** One dimension's rows, keyed by what the reader sees (a model's code, an engineer's name). */
function breakdown(counts: DimensionCount[], dim: string, name: (key: string) => string = (k) => k): Breakdown[] {
  const map = new Map<string, Breakdown>();
  for (const c of counts) {
    if (c.dim !== dim || (c.received === 0 && c.closed === 0)) continue;
    const key = name(c.key);
    const row = map.get(key) ?? map.set(key, { key, received: 0, closed: 0 }).get(key)!;
    row.received += c.received;
    row.closed += c.closed;
  }
  return [...map.values()].sort((a, b) => b.received - a.received || b.closed - a.closed || a.key.localeCompare(b.key));
}

type TimesLine = [number, string, string, string, string, number, number, number, number];

/**
 * Response and resolution times of the period's tickets (not cancelled), from the minutes kept on them
 * (clocks.ts, refreshed first when any is missing or stale). One scan of the covering index: each
 * column's minutes come back as one JSON array (better-sqlite3 costs about a microsecond per row, so
 * 100,000 rows would cost more than the scan) and are sorted as typed arrays for the 90th percentile
 * (nearest rank). On time or late as shared/domain's deadlineVerdict says at the desk clock's now: done
 * by the deadline, or late once done after it or undone past it; undone inside it is not counted yet.
 */
async function timeFigures(deps: Deps, b: Bounds, calendar: WorkingCalendar): Promise<Pick<PeriodStats, 'response' | 'resolution'>> {
  const version = calendarVersion(calendar);
  const now = deps.now().getTime();
  const read = async () => {
    const [line] = await deps.db.arrays<TimesLine>(
      `SELECT COALESCE(SUM(t.clock_version IS NOT ?), 0),
         ${['response_minutes', 'response_working_minutes', 'resolution_minutes', 'resolution_working_minutes'].map((c) => `json_group_array(t.${c}) FILTER (WHERE t.${c} IS NOT NULL)`).join(', ')},
         COALESCE(SUM(t.responded_at <= t.response_due_at), 0), COALESCE(SUM(t.responded_at IS NOT NULL OR t.response_due_at < ?), 0),
         COALESCE(SUM(t.resolved_at <= t.resolve_due_at), 0), COALESCE(SUM(t.resolved_at IS NOT NULL OR t.resolve_due_at < ?), 0)
       FROM tickets t WHERE t.reported_at >= ? AND t.reported_at < ? AND t.status <> 'cancelled'`,
      [version, now, now, b.startMs, b.endMs],
    );
    return line!;
  };
  let line = await read();
  if (line[0] > 0) {
    await refreshClocks(deps.db, calendar, b.start, b.end);
    line = await read();
  }
  const sorted = (json: string) => new Int32Array(JSON.parse(json) as number[]).sort();
  const figures = (elapsedJson: string, workingJson: string, onTime: number, decided: number): TimeFigures => {
    const elapsed = sorted(elapsedJson);
    const working = sorted(workingJson);
    return {
      count: elapsed.length,
      avgMinutes: average(elapsed),
      p90Minutes: percentile(elapsed, 0.9),
      avgWorkingMinutes: average(working),
      p90WorkingMinutes: percentile(working, 0.9),
      decided,
      onTime,
      withinTargetRate: rate(onTime, decided),
    };
  };
  const [, responseElapsed, responseWorking, resolutionElapsed, resolutionWorking, respondedOnTime, responseJudged, resolvedOnTime, resolutionJudged] = line;
  return {
    response: figures(responseElapsed, responseWorking, respondedOnTime, responseJudged),
    resolution: figures(resolutionElapsed, resolutionWorking, resolvedOnTime, resolutionJudged),
  };
}

export async function periodStats(deps: Deps, from: string, to: string): Promise<PeriodStats> {
  const settings = await deps.settings.get();
  const b = boundsOf(from, to, settings.timeZone);
  const q = <T>(sql: string, params: unknown[] = []) => deps.db.query<T>(sql, params);
  const inPeriod = (column: string) => `t.${column} >= ${b.startMs} AND t.${column} < ${b.endMs}`;
  // Names of models and engineers (small tables) for the breakdowns' ids.
  const modelCode = new Map((await q<{ id: number; code: string }>('SELECT id, code FROM product_models')).map((m) => [String(m.id), m.code]));
  const userName = new Map((await q<{ id: number; display_name: string }>('SELECT id, display_name FROM users')).map((u) => [String(u.id), u.display_name]));

  const counts = await periodCounts(deps.db, b.start, b.end);
  const total = (dim: string, pick: (c: DimensionCount) => number, key?: string) =>
    counts.filter((c) => c.dim === dim && (key === undefined || c.key === key)).reduce((n, c) => n + pick(c), 0);
  const received = total('channel', (c) => c.received);
  const closed = total('channel', (c) => c.closed);
  const firstTime = total('channel', (c) => c.firstTime);

  const [counted] = await q<{ open_at_end: number }>(
    `SELECT (SELECT COUNT(*) FROM tickets t WHERE t.status IN (${OPEN.map(() => '?').join(', ')}) AND t.reported_at < ?)
       + (SELECT COUNT(*) FROM tickets t WHERE t.closed_at >= ? AND t.reported_at < ?) AS open_at_end`,
    [...OPEN, b.endMs, b.endMs, b.endMs],
  );

  const byBatch = (
    await deps.db.arrays<[string, number]>(
      `SELECT substr(t.serial, 1, ?) AS batch, COUNT(*) AS n FROM tickets t WHERE ${inPeriod('reported_at')} AND t.serial <> ''
       GROUP BY batch ORDER BY n DESC, batch LIMIT 50`,
      [settings.serialBatchPrefix],
    )
  ).map(([key, n]) => ({ key, n }));

  const satisfaction = await q<{ satisfaction: string; n: number }>(
    `SELECT satisfaction, COUNT(*) AS n FROM tickets t WHERE ${inPeriod('resolved_at')} AND t.satisfaction IS NOT NULL GROUP BY satisfaction`,
  );
  const satisfied = satisfaction.filter((s) => s.satisfaction === 'very_satisfied' || s.satisfaction === 'satisfied').reduce((n, s) => n + s.n, 0);
  const satisfactionTotal = satisfaction.reduce((n, s) => n + s.n, 0);

  const [followUps] = await q<{ done: number; overdue: number }>(
    `SELECT (SELECT COUNT(*) FROM tickets t WHERE ${inPeriod('followed_up_at')}) AS done,
            (SELECT COUNT(*) FROM tickets t WHERE t.status = 'accepted' AND t.follow_up_due_at < ?) AS overdue`,
    [b.endMs],
  );

  return {
    from,
    to,
    received,
    closed,
    cancelled: total('cancelled', (c) => c.received),
    openAtEnd: counted?.open_at_end ?? 0,
    complaints: total('problem_type', (c) => c.received, 'complaint'),
    byChannel: breakdown(counts, 'channel'),
    byUrgency: breakdown(counts, 'urgency'),
    byProblemType: breakdown(counts, 'problem_type'),
    byModel: breakdown(counts, 'model', (id) => modelCode.get(id) ?? ''),
    byEngineer: breakdown(counts, 'engineer', (id) => userName.get(id) ?? ''),
    ...(await timeFigures(deps, b, await deskCalendar(deps))),
    firstTimeFix: { closed, firstTime, rate: rate(firstTime, closed) },
    satisfaction: { total: satisfactionTotal, counts: Object.fromEntries(satisfaction.map((s) => [s.satisfaction, s.n])), rate: rate(satisfied, satisfactionTotal) },
    followUps: { done: followUps?.done ?? 0, overdue: followUps?.overdue ?? 0 },
    repeatFaults: { ...(await repeatFaults(deps, b, modelCode)), byBatch },
    returns: await returnFigures(deps, b, settings.timeZone),
    fees: await feeFigures(deps, b),
    labour: await labourFigures(deps.db, b, (id) => userName.get(id) ?? ''),
  };
}

/**
 * Tickets of the period whose device had another ticket in the 90 days before (tickets.is_repeat, kept by
 * triggers), per device with the serial and model the tickets recorded (intake copies both from the device).
 */
async function repeatFaults(deps: Deps, b: Bounds, modelCode: Map<string, string>): Promise<Omit<PeriodStats['repeatFaults'], 'byBatch'>> {
  const repeats = (
    await deps.db.arrays<[number, string | null, number | null, number]>(
      `SELECT t.device_id, MAX(t.serial), MAX(t.model_id), COUNT(*) FROM tickets t
       WHERE t.is_repeat = 1 AND t.reported_at >= ? AND t.reported_at < ? GROUP BY t.device_id`,
      [b.startMs, b.endMs],
    )
  )
    .map(([, serial, modelId, n]) => ({ serial: serial ?? '', model: (modelId !== null && modelCode.get(String(modelId))) || '', n }))
    .sort((x, y) => y.n - x.n || (x.serial < y.serial ? -1 : x.serial > y.serial ? 1 : 0));
  const byModel = new Map<string, number>();
  for (const r of repeats) byModel.set(r.model, (byModel.get(r.model) ?? 0) + r.n);
  return {
    tickets: repeats.reduce((n, r) => n + r.n, 0),
    devices: repeats.slice(0, 200).map((r) => ({ serial: r.serial, model: r.model, tickets: r.n + 1 })),
    byModel: [...byModel.entries()].map(([key, n]) => ({ key, n })).sort((x, y) => y.n - x.n || x.key.localeCompare(y.key)),
  };
}

/** The returned-device register over the period; ages are whole days from the check-in date to the period's last day. */
async function returnFigures(deps: Deps, b: Bounds, timeZone: string): Promise<ReturnFigures> {
  const [moved] = await deps.db.query<{ received: number; returned: number; scrapped: number }>(
    `SELECT (SELECT COUNT(*) FROM returned_devices WHERE received_at >= ? AND received_at < ?) AS received,
            (SELECT COUNT(*) FROM returned_devices WHERE closed_at >= ? AND closed_at < ? AND +state = 'returned') AS returned,
            (SELECT COUNT(*) FROM returned_devices WHERE closed_at >= ? AND closed_at < ? AND +state = 'scrapped') AS scrapped`,
    [b.start, b.end, b.start, b.end, b.start, b.end],
  );
  const inDepot = await deps.db.query<{ received_at: string; expected_date: string | null }>(
    `SELECT received_at, expected_date FROM returned_devices WHERE closed_at IS NULL AND received_at < ?
     UNION ALL SELECT received_at, expected_date FROM returned_devices WHERE closed_at >= ? AND received_at < ?`,
    [b.end, b.end, b.end],
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
  // Owed at the period's end = owed now by bills of then + what was paid on them since (payments never
  // exceed a bill's balance): two index ranges, not every bill and payment since the desk opened.
  const [outstanding] = await deps.db.query<{ owed: number }>(
    `SELECT (SELECT COALESCE(SUM(balance_fen), 0) FROM bills WHERE balance_fen > 0 AND billed_on <= ?)
          + (SELECT COALESCE(SUM(p.amount_fen), 0) FROM payments p JOIN bills bl ON bl.id = p.bill_id WHERE p.paid_at >= ? AND bl.billed_on <= ?) AS owed`,
    [b.to, b.end, b.to],
  );
  return {
    bills: billed?.bills ?? 0,
    billedFen: billed?.billed ?? 0,
    collectedFen: methods.reduce((n, m) => n + m.n, 0),
    collectedByMethod: Object.fromEntries(methods.map((m) => [m.method, m.n])),
    outstandingFen: outstanding?.owed ?? 0,
  };
}

