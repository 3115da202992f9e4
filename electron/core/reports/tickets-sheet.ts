/**
 * The 工单明细 sheet of the monthly workbook: every ticket of the period, 100,000 in a busy month. Its
 * frame (title, header, widths, filter) is made here with the rest of the workbook; its rows are read,
 * written and deflated in a worker thread (tickets-sheet-worker.ts) on a read-only connection of its own,
 * while this thread computes the statistics and the other sheets. The workbook takes the finished sheet
 * as it comes (xlsx-writer's WrittenRows).
 */
import path from 'node:path';
import type { Locale } from '../../../shared/domain/user';
import { translate } from '../../../shared/i18n/translate';
import type { CallContext } from '../context';
import { startWorker } from '../workers';
import type { Packed } from './xlsx-rows';
import { sheetFrame, type Column, type SheetSpec } from './xlsx-writer';
import type { TicketsSheetJob } from './tickets-sheet-worker';
import { instantParam } from '../db/instants';

const DATE = 'yyyy-mm-dd hh:mm';

function ticketColumns(locale: Locale): Column[] {
  const col = (key: string, width: number, format?: string): Column => ({ header: translate(locale, `report.col.${key}`), width, format });
  return [
    col('number', 16), col('reportedAt', 17, DATE), col('channel', 9), col('urgency', 9), col('problemType', 11), col('status', 9),
    col('customer', 16), col('phone', 14), col('model', 12), col('serial', 16), col('engineer', 10), col('fault', 40),
    col('respondedAt', 17, DATE), col('resolvedAt', 17, DATE), col('satisfaction', 10),
  ];
}

/**
 * Counts the period's tickets, starts the worker and gives the sheet for the workbook at once. A restore
 * waits until the worker is done (it holds a read of `db`). `stop` ends the worker early, when the rest
 * of the workbook failed.
 */
export async function startTicketsSheet(
  deps: Pick<CallContext, 'db'>,
  period: { locale: Locale; title: string; start: string; end: string; timeZone: string },
): Promise<{ sheet: SheetSpec; stop: () => void }> {
  const { locale, title, start, end } = period;
  const [[count]] = (await deps.db.arrays<[number]>('SELECT COUNT(*) FROM tickets WHERE reported_at >= ? AND reported_at < ?', [instantParam(start), instantParam(end)])) as [[number]];
  const spec = { name: translate(locale, 'report.sheet.tickets'), title, columns: ticketColumns(locale), empty: translate(locale, 'report.none') };
  const frame = sheetFrame(spec, count);
  let stop = () => undefined as void;
  const entry = deps.db.read(
    (ds) =>
      new Promise<Packed>((resolve, reject) => {
        const workerData: TicketsSheetJob = { ...period, file: (ds.options as { database: string }).database, count, columns: spec.columns, frame };
        const worker = startWorker('tickets-sheet-worker', path.join(__dirname, 'tickets-sheet-worker.ts'), { workerData, resourceLimits: { maxOldGenerationSizeMb: 256 } });
        stop = () => void worker.terminate();
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the tickets sheet worker stopped (exit code ${code})`)));
      }),
  );
  // Awaited by the workbook, or never when the rest of it failed first: not an unhandled rejection meanwhile.
  entry.catch(() => undefined);
  return { sheet: { ...spec, rows: { count, styles: frame.styles, entry } }, stop: () => stop() };
}
