/**
 * The monthly workbook management reads (issue 6): 汇总 with targets and the previous period, the
 * breakdowns, times, labour hours, satisfaction, repeat faults and every ticket of the period, in the caller's language.
 */
import type { Locale } from '../../../shared/domain/user';
import { DEPOT_AGE_BANDS, TARGETS, type Breakdown, type PeriodStats, type TimeFigures } from '../../../shared/domain/statistics';
import { translate } from '../../../shared/i18n/translate';
import type { CallContext } from '../context';
import { periodStats } from './statistics';
import { previousPeriod } from '../../../shared/domain/statistics';
import { wallClock, zonedInstant } from '../../../shared/domain/calendar';
import { writeWorkbook, type CellValue, type SheetSpec } from './xlsx-writer';
import { startTicketsSheet } from './tickets-sheet';
import { labourSheet } from './labour-sheet';
import { qualityFigures, qualitySheet } from './quality';

type Deps = Pick<CallContext, 'db' | 'settings' | 'official' | 'now'>;
const PERCENT = '0.0%';
const HOURS = '0.0';
const MONEY = '#,##0.00';
const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

export async function monthlyWorkbook(deps: Deps, from: string, to: string, locale: Locale): Promise<{ fileName: string; content: Buffer }> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `report.${key}`, params);
  const title = (sheet: string) => `${t('title')} · ${t(`sheet.${sheet}`)} · ${t('period', { from, to })}`;
  // The biggest sheet is written in a worker thread meanwhile, on the second core.
  const clock = await periodClock(deps, from, to);
  const tickets = await startTicketsSheet(deps, { locale, title: title('tickets'), start: clock.start, end: clock.end, timeZone: clock.timeZone });
  try {
    const sheets = await otherSheets(deps, t, locale, title, clock);
    const fileName = locale === 'en' ? `aftercare-statistics-${from.slice(0, 7)}.xlsx` : `售后服务月度统计-${from.slice(0, 7)}.xlsx`;
    return { fileName, content: await writeWorkbook([...sheets, tickets.sheet]) };
  } finally {
    tickets.stop();
  }
}

async function otherSheets(deps: Deps, t: T, locale: Locale, title: (sheet: string) => string, clock: Clock): Promise<SheetSpec[]> {
  const { from, to } = clock;
  const before = previousPeriod(from, to);
  const cur = await periodStats(deps, from, to);
  const prev = await periodStats(deps, before.from, before.to);
  return [
    summarySheet(t, title('summary'), cur, prev),
    breakdownSheet(t, 'problemType', title('problemType'), cur.byProblemType, (k) => translate(locale, `problemType.${k}`)),
    breakdownSheet(t, 'model', title('model'), cur.byModel, (k) => k || t('noModel')),
    breakdownSheet(t, 'engineer', title('engineer'), cur.byEngineer, (k) => k || t('unassigned')),
    timesSheet(t, title('times'), cur),
    labourSheet(t, title('labour'), cur),
    satisfactionSheet(t, title('satisfaction'), cur),
    await returnsSheet(deps, t, locale, title('returns'), clock),
    await feesSheet(deps, t, locale, title('fees'), clock),
    repeatsSheet(t, title('repeats'), cur),
    qualitySheet(t, title('quality'), await qualityFigures(deps, from.slice(0, 7), clock.start, clock.end)),
  ];
}

type T = (key: string, params?: Record<string, string | number>) => string;

function summarySheet(t: T, title: string, cur: PeriodStats, prev: PeriodStats): SheetSpec {
  const row = (key: string, pick: (s: PeriodStats) => number | null, target: number | null = null): CellValue[] => [t(`row.${key}`), pick(cur), pick(prev), target];
  return {
    name: t('sheet.summary'),
    title,
    columns: [
      { header: t('col.figure'), width: 34 },
      { header: t('col.current'), width: 14, format: '#,##0' },
      { header: t('col.previous'), width: 14, format: '#,##0' },
      { header: t('col.target'), width: 12, format: PERCENT },
    ],
    rows: [
      row('received', (s) => s.received),
      row('closed', (s) => s.closed),
      row('cancelled', (s) => s.cancelled),
      row('openAtEnd', (s) => s.openAtEnd),
      row('complaints', (s) => s.complaints),
      row('followUpsDone', (s) => s.followUps.done),
      row('followUpsOverdue', (s) => s.followUps.overdue),
      row('repeatTickets', (s) => s.repeatFaults.tickets),
      row('returnsReceived', (s) => s.returns.received),
      row('returnsReturned', (s) => s.returns.returned),
      row('returnsScrapped', (s) => s.returns.scrapped),
      row('returnsInDepot', (s) => s.returns.inDepotAtEnd),
      ...DEPOT_AGE_BANDS.map((band): CellValue[] => [t(`age.${band}`), cur.returns.ageing[band], prev.returns.ageing[band], null]),
      row('returnsOverdue', (s) => s.returns.overdueAtEnd),
      row('bills', (s) => s.fees.bills),
      ...moneyRows(t, cur, prev),
      ...ratesRows(t, cur, prev),
    ],
    note: t('note.withinTarget'),
  };
}

/** Money in yuan with two decimals (stored in fen). */
function moneyRows(t: T, cur: PeriodStats, prev: PeriodStats): CellValue[][] {
  const money: [string, (s: PeriodStats) => number][] = [
    ['billedYuan', (s) => s.fees.billedFen],
    ['collectedYuan', (s) => s.fees.collectedFen],
    ['outstandingYuan', (s) => s.fees.outstandingFen],
  ];
  const yuan = (fen: number) => ({ value: fen / 100, format: MONEY });
  return money.map(([key, pick]) => [t(`row.${key}`), yuan(pick(cur)), yuan(pick(prev)), null]);
}

/** Rates sit in their own table so each column keeps one number format. */
function ratesRows(t: T, cur: PeriodStats, prev: PeriodStats): CellValue[][] {
  const rates: [string, (s: PeriodStats) => number | null, number | null][] = [
    ['responseRate', (s) => s.response.withinTargetRate, null],
    ['resolutionRate', (s) => s.resolution.withinTargetRate, null],
    ['firstTimeFix', (s) => s.firstTimeFix.rate, TARGETS.firstTimeFixRate],
    ['satisfactionRate', (s) => s.satisfaction.rate, TARGETS.satisfactionRate],
  ];
  const pct = (value: number | null) => ({ value, format: PERCENT });
  return rates.map(([key, pick, target]) => [t(`row.${key}`), pct(pick(cur)), pct(pick(prev)), target]);
}

function breakdownSheet(t: T, sheet: string, title: string, rows: Breakdown[], label: (key: string) => string): SheetSpec {
  return {
    name: t(`sheet.${sheet}`),
    title,
    columns: [
      { header: t('col.category'), width: 24 },
      { header: t('col.received'), width: 12, format: '#,##0' },
      { header: t('col.closed'), width: 12, format: '#,##0' },
    ],
    rows: rows.map((b) => [label(b.key), b.received, b.closed]),
    empty: t('none'),
  };
}

function timesSheet(t: T, title: string, cur: PeriodStats): SheetSpec {
  const row = (key: string, f: TimeFigures): CellValue[] => [
    t(`row.${key}`), f.count, hours(f.avgMinutes), hours(f.p90Minutes), hours(f.avgWorkingMinutes), hours(f.p90WorkingMinutes), f.decided, f.onTime, f.withinTargetRate,
  ];
  return {
    name: t('sheet.times'),
    title,
    columns: [
      { header: t('col.measure'), width: 14 },
      { header: t('col.count'), width: 12, format: '#,##0' },
      { header: t('col.avgHours'), width: 14, format: HOURS },
      { header: t('col.p90Hours'), width: 16, format: HOURS },
      { header: t('col.avgWorkingHours'), width: 18, format: HOURS },
      { header: t('col.p90WorkingHours'), width: 20, format: HOURS },
      { header: t('col.decided'), width: 12, format: '#,##0' },
      { header: t('col.onTime'), width: 10, format: '#,##0' },
      { header: t('col.withinTarget'), width: 12, format: PERCENT },
    ],
    // How the rate is counted, under the figures: management reads it first.
    rows: [row('response', cur.response), row('resolution', cur.resolution)],
    note: t('note.withinTarget'),
  };
}

function satisfactionSheet(t: T, title: string, cur: PeriodStats): SheetSpec {
  const levels = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'];
  const total = cur.satisfaction.total;
  return {
    name: t('sheet.satisfaction'),
    title,
    columns: [
      { header: t('col.category'), width: 30 },
      { header: t('col.value'), width: 12, format: '#,##0' },
      { header: t('col.share'), width: 12, format: PERCENT },
    ],
    rows: [
      ...levels.map((l): CellValue[] => [t(`satisfaction.${l}`), cur.satisfaction.counts[l] ?? 0, total ? (cur.satisfaction.counts[l] ?? 0) / total : null]),
      [t('row.satisfactionRate'), total, cur.satisfaction.rate],
      [t('row.followUpsDone'), cur.followUps.done, null],
      [t('row.followUpsOverdue'), cur.followUps.overdue, null],
    ],
  };
}

function repeatsSheet(t: T, title: string, cur: PeriodStats): SheetSpec {
  const r = cur.repeatFaults;
  return {
    name: t('sheet.repeats'),
    title,
    columns: [
      { header: t('col.serial'), width: 22 },
      { header: t('col.model'), width: 16 },
      { header: t('col.tickets'), width: 10, format: '#,##0' },
      { header: t('col.batch'), width: 20 },
      { header: t('col.tickets'), width: 10, format: '#,##0' },
    ],
    rows: Array.from({ length: Math.max(r.devices.length, r.byBatch.length) }, (_, i): CellValue[] => [
      r.devices[i]?.serial ?? null,
      r.devices[i]?.model ?? null,
      r.devices[i]?.tickets ?? null,
      r.byBatch[i]?.key ?? null,
      r.byBatch[i]?.n ?? null,
    ]),
    empty: t('none'),
  };
}

/**
 * Wall-clock bounds of a period in the desk's zone, and a converter from stored UTC instants to dates for
 * Excel, which has no time zones: they are written as the desk's wall-clock time.
 */
async function periodClock(deps: Deps, from: string, to: string) {
  const { timeZone } = await deps.settings.get();
  const start = new Date(zonedInstant(from, '00:00', timeZone)).toISOString();
  const end = new Date(zonedInstant(to, '00:00', timeZone) + 86_400_000).toISOString();
  return { from, to, start, end, timeZone, local: wallClock(timeZone) };
}

type Clock = Awaited<ReturnType<typeof periodClock>>;

interface ReturnLine {
  number: string;
  received_at: string;
  state: string;
  customer: string;
  model: string;
  serial: string;
  expected_date: string | null;
  closed_at: string | null;
}

/** Every device checked in during the period or still in the depot at its end, with its days in the depot. */
async function returnsSheet(deps: Deps, t: T, locale: Locale, title: string, { start, end, local }: Clock): Promise<SheetSpec> {
  // Received in the period, or before it and still in the depot at its end: three index ranges.
  const rows = await deps.db.query<ReturnLine>(
    `SELECT r.number, r.received_at, r.state, c.name AS customer, m.code AS model, r.serial, r.expected_date, r.closed_at
     FROM returned_devices r JOIN customers c ON c.id = r.customer_id JOIN product_models m ON m.id = r.model_id
     WHERE r.id IN (SELECT id FROM returned_devices WHERE received_at >= ? AND received_at < ?
                    UNION ALL SELECT id FROM returned_devices WHERE closed_at IS NULL AND received_at < ?
                    UNION ALL SELECT id FROM returned_devices WHERE closed_at >= ? AND received_at < ?)
     ORDER BY r.received_at, r.id`,
    [start, end, start, end, start],
  );
  const days = (r: ReturnLine) => {
    const until = r.closed_at && r.closed_at < end ? r.closed_at : end;
    return Math.floor((Date.parse(until) - Date.parse(r.received_at)) / 86_400_000);
  };
  return {
    name: t('sheet.returns'),
    title,
    columns: [
      { header: t('col.slipNumber'), width: 18 }, { header: t('col.receivedAt'), width: 17, format: 'yyyy-mm-dd hh:mm' },
      { header: t('col.state'), width: 14 }, { header: t('col.customer'), width: 18 }, { header: t('col.model'), width: 12 },
      { header: t('col.serial'), width: 18 }, { header: t('col.expectedDate'), width: 12 }, { header: t('col.daysInDepot'), width: 10, format: '0' },
      { header: t('col.closedAt'), width: 17, format: 'yyyy-mm-dd hh:mm' },
    ],
    rows: rows.map((r) => [r.number, local(r.received_at), translate(locale, `returnState.${r.state}`), r.customer, r.model, r.serial, r.expected_date, days(r), local(r.closed_at)]),
    empty: t('none'),
  };
}

interface BillLine {
  number: string;
  billed_on: string;
  customer: string;
  warranty_status: string;
  total_fen: number;
  paid_fen: number;
}

/** The bills of the period: billed, paid by the period's end, still owed then. */
async function feesSheet(deps: Deps, t: T, locale: Locale, title: string, { from, to, end }: Clock): Promise<SheetSpec> {
  const rows = await deps.db.query<BillLine>(
    `SELECT t.number, b.billed_on, c.name AS customer, b.warranty_status, b.total_fen,
       COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.bill_id = b.id AND p.paid_at < ?), 0) AS paid_fen
     FROM bills b JOIN tickets t ON t.id = b.ticket_id JOIN customers c ON c.id = b.customer_id
     WHERE b.billed_on >= ? AND b.billed_on <= ? ORDER BY b.billed_on, b.id`,
    [end, from, to],
  );
  const yuan = (fen: number) => fen / 100;
  return {
    name: t('sheet.fees'),
    title,
    columns: [
      { header: t('col.number'), width: 16 }, { header: t('col.billedOn'), width: 12 }, { header: t('col.customer'), width: 18 },
      { header: t('col.warranty'), width: 12 }, { header: t('col.billedYuan'), width: 14, format: MONEY },
      { header: t('col.paidYuan'), width: 16, format: MONEY }, { header: t('col.owedYuan'), width: 16, format: MONEY },
    ],
    rows: rows.map((r) => [r.number, r.billed_on, r.customer, translate(locale, `warranty.${r.warranty_status}`), yuan(r.total_fen), yuan(r.paid_fen), yuan(r.total_fen - r.paid_fen)]),
    empty: t('none'),
  };
}
