/**
 * The quality report for the factory (issue 19): for a month (or the workbook's period), hardware failures
 * reported by model, production batch (the serial's first `serialBatchPrefix` characters, as the statistics
 * count batches), part replaced and fault code (the ticket's alarm codes), plus repeat repairs, and the units
 * taken back by exchanges and returns (defective stock by origin). Every query is bounded by the period on an
 * index: the month's tickets by reported_at in one grouped pass (it reads their rows for the problem type and
 * alarm codes, no covering index has them: about 17,000 rows a month at a million tickets, fewer than the
 * workbook's tickets sheet reads), repeats by ix_tickets_repeats, parts by ticket, defective stock by
 * ix_defective_created.
 */
import type { QualityReport } from '../../../shared/domain/factory';
import { zonedInstant } from '../../../shared/domain/calendar';
import type { CallContext } from '../context';
import type { CellValue, SheetSpec } from './xlsx-writer';
import { instantParam } from '../db/instants';

type Deps = Pick<CallContext, 'db' | 'settings'>;
type Count = { key: string; n: number };

/** The month's first instant and the next month's, in the desk's zone. */
export async function monthBounds(deps: Deps, month: string): Promise<{ start: string; end: string }> {
  const { timeZone } = await deps.settings.get();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: new Date(zonedInstant(`${month}-01`, '00:00', timeZone)).toISOString(), end: new Date(zonedInstant(next, '00:00', timeZone)).toISOString() };
}

/** Counts per key, most first (then by key), at most 50. */
function ranked(map: Map<string, number>): Count[] {
  return [...map].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, 50);
}

export async function qualityFigures(deps: Deps, month: string, start: string, end: string): Promise<QualityReport> {
  const { serialBatchPrefix } = await deps.settings.get();
  // One pass over the month's hardware failures on the report index, grouped by what the three dimensions need.
  const failure = "t.reported_at >= ? AND t.reported_at < ? AND t.problem_type = 'hardware' AND t.status <> 'cancelled'";
  const groups = await deps.db.query<{ model_id: number | null; batch: string; fault: string; n: number }>(
    `SELECT t.model_id, upper(substr(t.serial, 1, ?)) AS batch, t.alarm_codes AS fault, COUNT(*) AS n
       FROM tickets t WHERE ${failure} GROUP BY t.model_id, batch, fault`,
    [serialBatchPrefix, instantParam(start), instantParam(end)],
  );
  const codes = new Map((await deps.db.query<{ id: number; code: string }>('SELECT id, code FROM product_models')).map((m) => [m.id, m.code]));
  const byModel = new Map<string, number>();
  const byBatch = new Map<string, number>();
  const byFault = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const g of groups) {
    add(byModel, g.model_id === null ? '' : (codes.get(g.model_id) ?? ''), g.n);
    if (g.batch) add(byBatch, g.batch, g.n);
    if (g.fault) add(byFault, g.fault, g.n);
  }
  const byPart = await deps.db.query<Count>(
    `SELECT p.part_name AS key, COUNT(DISTINCT p.ticket_id) AS n FROM tickets t JOIN ticket_parts p ON p.ticket_id = t.id
      WHERE ${failure} GROUP BY key ORDER BY n DESC, key LIMIT 50`,
    [instantParam(start), instantParam(end)],
  );
  const [repeats] = await deps.db.query<{ n: number }>("SELECT COUNT(*) AS n FROM tickets t WHERE t.is_repeat = 1 AND t.reported_at >= ? AND t.reported_at < ? AND t.status <> 'cancelled'", [instantParam(start), instantParam(end)]);
  const taken = await deps.db.query<Count>("SELECT d.origin AS key, COUNT(*) AS n FROM defective_items d WHERE d.origin IN ('exchange', 'return') AND d.created_at >= ? AND d.created_at < ? GROUP BY d.origin", [start, end]);
  const origin = (o: string) => taken.find((r) => r.key === o)?.n ?? 0;
  return {
    month, failures: groups.reduce((n, g) => n + g.n, 0), byModel: ranked(byModel), byBatch: ranked(byBatch), byPart, byFault: ranked(byFault),
    repeats: repeats?.n ?? 0, exchanges: origin('exchange'), returns: origin('return'),
  };
}

type T = (key: string, params?: Record<string, string | number>) => string;

/** The workbook's 质量 sheet: the totals, then each dimension's rows (dimension, key, failures). */
export function qualitySheet(t: T, title: string, q: QualityReport): SheetSpec {
  const rows = (dimension: string, list: Count[], blank: string): CellValue[][] => list.map((r) => [dimension, r.key || blank, r.n]);
  const empty = q.failures === 0 && q.repeats === 0 && q.exchanges === 0 && q.returns === 0;
  return {
    name: t('sheet.quality'),
    title,
    columns: [
      { header: t('col.dimension'), width: 22 },
      { header: t('col.category'), width: 36 },
      { header: t('col.value'), width: 12, format: '#,##0' },
    ],
    rows: empty
      ? []
      : [
          [t('row.failures'), null, q.failures],
          [t('row.repeatRepairs'), null, q.repeats],
          [t('row.exchanges'), null, q.exchanges],
          [t('row.returns'), null, q.returns],
          ...rows(t('col.model'), q.byModel, t('noModel')),
          ...rows(t('col.batch'), q.byBatch, ''),
          ...rows(t('col.part'), q.byPart, ''),
          ...rows(t('col.faultCode'), q.byFault, ''),
        ],
    empty: t('none'),
    note: t('note.quality'),
  };
}
