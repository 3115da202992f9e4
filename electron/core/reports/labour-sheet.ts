/** The monthly workbook's 工时 sheet (issue 22): labour hours per engineer and per product line, and per repair. */
import type { LabourRow } from '../../../shared/domain/labour';
import type { PeriodStats } from '../../../shared/domain/statistics';
import type { CellValue, SheetSpec } from './xlsx-writer';

type T = (key: string, params?: Record<string, string | number>) => string;
const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);

export function labourSheet(t: T, title: string, cur: PeriodStats): SheetSpec {
  const l = cur.labour;
  const rows = (dimension: string, list: LabourRow[], unnamed: string): CellValue[][] => list.map((r) => [dimension, r.key || unnamed, hours(r.minutes), r.visits, r.tickets]);
  return {
    name: t('sheet.labour'),
    title,
    columns: [
      { header: t('col.dimension'), width: 16 },
      { header: t('col.category'), width: 24 },
      { header: t('col.labourHours'), width: 14, format: '0.00' },
      { header: t('col.visits'), width: 12, format: '#,##0' },
      { header: t('col.tickets'), width: 12, format: '#,##0' },
    ],
    rows:
      l.visits === 0 && l.repairs.tickets === 0
        ? []
        : [
            ...rows(t('col.engineer'), l.byEngineer, t('unassigned')),
            ...rows(t('col.productLine'), l.byProductLine, t('noModel')),
            [t('row.labourTotal'), null, hours(l.minutes), l.visits, null],
            [t('row.labourPerRepair'), null, hours(l.repairs.avgMinutes), null, l.repairs.tickets],
          ],
    empty: t('none'),
    note: t('note.labour'),
  };
}
