/**
 * The monthly workbook management reads (issue 6): 汇总 with targets and the previous period, the
 * breakdowns, times, satisfaction, repeat faults and every ticket of the period, in the caller's language.
 */
import type { Locale } from '../../../shared/domain/user';
import { TARGETS, type Breakdown, type PeriodStats, type TimeFigures } from '../../../shared/domain/statistics';
import { translate } from '../../../shared/i18n/translate';
import type { CallContext } from '../context';
import { periodStats } from './statistics';
import { previousPeriod } from '../../../shared/domain/statistics';
import { zonedInstant } from '../../../shared/domain/calendar';
import { writeWorkbook, type CellValue, type SheetSpec } from './xlsx-writer';

type Deps = Pick<CallContext, 'db' | 'settings'>;
const PERCENT = '0.0%';
const HOURS = '0.0';
const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

export async function monthlyWorkbook(deps: Deps, from: string, to: string, locale: Locale): Promise<{ fileName: string; content: Buffer }> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `report.${key}`, params);
  const before = previousPeriod(from, to);
  const cur = await periodStats(deps, from, to);
  const prev = await periodStats(deps, before.from, before.to);
  const title = (sheet: string) => `${t('title')} · ${t(`sheet.${sheet}`)} · ${t('period', { from, to })}`;
  const sheets: SheetSpec[] = [
    summarySheet(t, title('summary'), cur, prev),
    breakdownSheet(t, 'problemType', title('problemType'), cur.byProblemType, (k) => translate(locale, `problemType.${k}`)),
    breakdownSheet(t, 'model', title('model'), cur.byModel, (k) => k || t('unassigned')),
    breakdownSheet(t, 'engineer', title('engineer'), cur.byEngineer, (k) => k || t('unassigned')),
    timesSheet(t, title('times'), cur),
    satisfactionSheet(t, title('satisfaction'), cur),
    { name: t('sheet.returns'), title: title('returns'), columns: [{ header: t('col.category'), width: 30 }], rows: [], empty: t('notYet') },
    { name: t('sheet.fees'), title: title('fees'), columns: [{ header: t('col.category'), width: 30 }], rows: [], empty: t('notYet') },
    repeatsSheet(t, title('repeats'), cur),
    await ticketsSheet(deps, t, locale, title('tickets'), from, to),
  ];
  const fileName = locale === 'en' ? `aftercare-statistics-${from.slice(0, 7)}.xlsx` : `售后服务月度统计-${from.slice(0, 7)}.xlsx`;
  return { fileName, content: writeWorkbook(sheets) };
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
      ...ratesRows(t, cur, prev),
    ],
  };
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
  const row = (key: string, f: TimeFigures): CellValue[] => [t(`row.${key}`), f.count, hours(f.avgMinutes), hours(f.p90Minutes), hours(f.avgWorkingMinutes), hours(f.p90WorkingMinutes), f.withinTargetRate];
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
      { header: t('col.withinTarget'), width: 12, format: PERCENT },
    ],
    rows: [row('response', cur.response), row('resolution', cur.resolution)],
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

interface TicketLine {
  number: string;
  reported_at: string;
  channel: string;
  urgency: string;
  problem_type: string;
  status: string;
  customer: string;
  contact_phone: string;
  model: string | null;
  serial: string | null;
  engineer: string | null;
  fault: string;
  responded_at: string | null;
  resolved_at: string | null;
  satisfaction: string | null;
}

async function ticketsSheet(deps: Deps, t: T, locale: Locale, title: string, from: string, to: string): Promise<SheetSpec> {
  const { timeZone } = await deps.settings.get();
  const start = new Date(zonedInstant(from, '00:00', timeZone)).toISOString();
  const end = new Date(zonedInstant(to, '00:00', timeZone) + 86_400_000).toISOString();
  const rows = await deps.db.query<TicketLine>(
    `SELECT t.number, t.reported_at, t.channel, t.urgency, t.problem_type, t.status, c.name AS customer, t.contact_phone, m.code AS model, t.serial,
       u.display_name AS engineer, substr(t.fault_description, 1, 200) AS fault, t.responded_at, t.resolved_at, t.satisfaction
     FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = t.model_id LEFT JOIN users u ON u.id = t.assigned_to
     WHERE t.reported_at >= ? AND t.reported_at < ? ORDER BY t.reported_at, t.id`,
    [start, end],
  );
  // Excel has no time zones: dates are written as the desk's wall-clock time.
  const offsetMs = zonedInstant('2000-01-01', '00:00', 'UTC') - zonedInstant('2000-01-01', '00:00', timeZone);
  const local = (iso: string | null) => (iso ? new Date(Date.parse(iso) + offsetMs) : null);
  const word = (group: string, key: string | null) => (key ? translate(locale, `${group}.${key}`) : null);
  return {
    name: t('sheet.tickets'),
    title,
    columns: [
      { header: t('col.number'), width: 16 }, { header: t('col.reportedAt'), width: 17, format: 'yyyy-mm-dd hh:mm' },
      { header: t('col.channel'), width: 9 }, { header: t('col.urgency'), width: 9 }, { header: t('col.problemType'), width: 11 },
      { header: t('col.status'), width: 9 }, { header: t('col.customer'), width: 16 }, { header: t('col.phone'), width: 14 },
      { header: t('col.model'), width: 12 }, { header: t('col.serial'), width: 16 }, { header: t('col.engineer'), width: 10 },
      { header: t('col.fault'), width: 40 }, { header: t('col.respondedAt'), width: 17, format: 'yyyy-mm-dd hh:mm' },
      { header: t('col.resolvedAt'), width: 17, format: 'yyyy-mm-dd hh:mm' }, { header: t('col.satisfaction'), width: 10 },
    ],
    rows: rows.map((r) => [
      r.number, local(r.reported_at), word('channel', r.channel), word('urgency', r.urgency), word('problemType', r.problem_type),
      word('status', r.status), r.customer, r.contact_phone, r.model, r.serial, r.engineer, r.fault, local(r.responded_at), local(r.resolved_at),
      word('report.satisfaction', r.satisfaction),
    ]),
    empty: t('none'),
  };
}

