/** The four satisfaction answers, worded with the shared report words. */
import type { TFunction } from 'i18next';
import { SATISFACTION } from '../../../../shared/api/lifecycle.schema';

export type Satisfaction = (typeof SATISFACTION)[number];

export function satisfactionOptions(t: TFunction): { value: Satisfaction; label: string }[] {
  return SATISFACTION.map((s) => ({ value: s, label: t(`report.satisfaction.${s}`) }));
}
