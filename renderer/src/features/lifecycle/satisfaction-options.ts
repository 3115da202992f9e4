/** The four satisfaction answers, worded for the UI. */
import type { TFunction } from 'i18next';
import { SATISFACTION } from '../../../../shared/api/lifecycle.schema';

export type Satisfaction = (typeof SATISFACTION)[number];

export function satisfactionOptions(t: TFunction): { value: Satisfaction; label: string }[] {
  return SATISFACTION.map((s) => ({ value: s, label: t(`ui.lifecycle.satisfaction.${s}`) }));
}
