/** "Every 3 months" / "每 3 月" / the fixed dates, for lists. */
import type { TFunction } from 'i18next';
import type { MaintenancePlan } from '../../../../shared/domain/maintenance';

export function intervalText(p: Pick<MaintenancePlan, 'unit' | 'every' | 'fixedDates'>, t: TFunction): string {
  if (p.unit === 'fixed') return t('ui.maintenance.fixedList', { dates: p.fixedDates.join('、') });
  return t('ui.maintenance.everyText', { n: p.every, unit: t(`intervalUnit.${p.unit}`) });
}
