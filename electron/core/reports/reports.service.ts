/** The API side of reports: a period's statistics next to the period before, and the monthly workbook. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { previousPeriod, type PeriodStats } from '../../../shared/domain/statistics';
import type { CallContext } from '../context';
import { periodStats } from './statistics';
import { monthlyWorkbook } from './workbook';

export async function statistics(ctx: CallContext, input: ParsedInputOf<'reports.statistics'>): Promise<{ current: PeriodStats; previous: PeriodStats }> {
  const before = previousPeriod(input.from, input.to);
  return { current: await periodStats(ctx, input.from, input.to), previous: await periodStats(ctx, before.from, before.to) };
}

export async function workbook(ctx: CallContext, input: ParsedInputOf<'reports.monthlyWorkbook'>): Promise<{ fileName: string; dataBase64: string }> {
  const { fileName, content } = await monthlyWorkbook(ctx, input.from, input.to, ctx.client.locale);
  return { fileName, dataBase64: content.toString('base64') };
}
