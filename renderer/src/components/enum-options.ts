/** Select options for an enumeration, labelled from the shared words (`channel.phone` …). */
import type { TFunction } from 'i18next';

export function enumOptions(values: readonly string[], prefix: string, t: TFunction): { value: string; label: string }[] {
  return values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
}
