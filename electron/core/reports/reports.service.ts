/** The API side of reports: a period's statistics next to the period before, and the monthly workbook. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { previousPeriod, type PeriodStats } from '../../../shared/domain/statistics';
import type { CallContext } from '../context';
import { periodStats } from './statistics';
import { monthlyWorkbook } from './workbook';
import { zonedInstant } from '../../../shared/domain/calendar';
import type { QualityReport } from '../../../shared/domain/factory';
import { monthBounds, qualityFigures } from './quality';

export async function statistics(ctx: CallContext, input: ParsedInputOf<'reports.statistics'>): Promise<{ current: PeriodStats; previous: PeriodStats }> {
  const before = previousPeriod(input.from, input.to);
  return { current: await periodStats(ctx, input.from, input.to), previous: await periodStats(ctx, before.from, before.to) };
}

/**
 * The dashboard's trend: per month two index-range counts (received by reported_at, closed by closed_at,
 * both covered by the report indexes), instead of the full statistics of every month.
 */
export async function trend(ctx: CallContext, input: ParsedInputOf<'reports.trend'>): Promise<{ month: string; received: number; closed: number }[]> {
  const { timeZone } = await ctx.settings.get();
  const [year, month] = input.month.split('-').map(Number) as [number, number];
  const out: { month: string; received: number; closed: number }[] = [];
  for (let i = input.months - 1; i >= 0; i--) {
    const first = new Date(Date.UTC(year, month - 1 - i, 1));
    const next = new Date(Date.UTC(year, month - i, 1));
    // The tickets' times are kept as milliseconds (db/instants.ts).
    const start = zonedInstant(first.toISOString().slice(0, 10), '00:00', timeZone);
    const end = zonedInstant(next.toISOString().slice(0, 10), '00:00', timeZone);
    const [row] = await ctx.db.query<{ received: number; closed: number }>(
      `SELECT (SELECT COUNT(*) FROM tickets WHERE reported_at >= ? AND reported_at < ?) AS received,
              (SELECT COUNT(*) FROM tickets WHERE closed_at >= ? AND closed_at < ? AND +status = 'closed') AS closed`,
      [start, end, start, end],
    );
    out.push({ month: first.toISOString().slice(0, 7), received: row?.received ?? 0, closed: row?.closed ?? 0 });
  }
  return out;
}

export async function workbook(ctx: CallContext, input: ParsedInputOf<'reports.monthlyWorkbook'>): Promise<{ fileName: string; dataBase64: string }> {
  const { fileName, content } = await monthlyWorkbook(ctx, input.from, input.to, ctx.client.locale);
  return { fileName, dataBase64: content.toString('base64') };
}

/** The quality report of one month (issue 19). */
export async function quality(ctx: CallContext, input: ParsedInputOf<'reports.quality'>): Promise<QualityReport> {
  const { start, end } = await monthBounds(ctx, input.month);
  return qualityFigures(ctx, input.month, start, end);
}
