import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fieldKey, fieldKind, referenceName } from '../../../../shared/domain/audit-fields';
import { formatMoney } from '../../../../shared/domain/money';
import { useSession } from '../auth/session-context';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A list stored as JSON text (accessories, checklists): its items in words, "遥控器 ×1". */
function listText(text: string): string | null {
  if (!text.startsWith('[')) return null;
  try {
    const items = JSON.parse(text) as unknown;
    if (!Array.isArray(items)) return null;
    return items
      .map((i) => (i && typeof i === 'object' ? [('name' in i && i.name) || ('item' in i && i.item) || '', 'quantity' in i ? `×${String(i.quantity)}` : ''].join(' ').trim() : String(i)))
      .join('、');
  } catch {
    return null;
  }
}

interface Say {
  t: TFunction;
  exists: (key: string) => boolean;
  when: (iso: string) => string;
  names: Record<string, string>;
}

/** One value of a field in words: a name for a reference, 是/否, money in yuan, an option's words, a time at the desk. */
function show(entity: string, field: string, value: unknown, { t, exists, when, names }: Say): string {
  if (value === null || value === undefined || value === '') return t('ui.dataSafety.audit.empty');
  const kind = fieldKind(entity, field);
  if (typeof kind === 'object' && 'ref' in kind) return names[referenceName(kind.ref, value)] ?? `#${String(value)}`;
  if (kind === 'signature') return t('ui.audit.signed');
  if (kind === 'money' && typeof value === 'number') return formatMoney(value);
  if (kind === 'boolean') return t(value === true || value === 1 || value === '1' ? 'ui.audit.yes' : 'ui.audit.no');
  if (typeof kind === 'object' && typeof value === 'string' && exists(`${kind.words}.${value}`)) return t(`${kind.words}.${value}`);
  // Stored instants are UTC: shown at the desk's time, to the second (an edit may only move seconds).
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return when(value);
  const text = typeof value === 'string' ? (listText(value) ?? value) : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Each changed field as "field: before → after" in words, the old value struck through in red, the new one in green. */
export function ChangesDiff({ changes, action, entity, names }: { changes: Record<string, [unknown, unknown]>; action: string; entity: string; names: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone, dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(new Date(iso));
  const say: Say = { t, exists: (key) => i18n.exists(key), when, names };
  const entries = Object.entries(changes);
  if (entries.length === 0)
    return action === 'create' ? (
      <Text size="xs" c="dimmed">
        {t('ui.dataSafety.audit.noFields')}
      </Text>
    ) : null;
  return (
    <Stack gap={2}>
      {entries.map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [null, pair];
        const label = `ui.audit.field.${fieldKey(field)}`;
        return (
          <Text key={field} size="xs" style={{ wordBreak: 'break-word' }} data-testid="audit-change">
            <Text span size="xs" c="dimmed" fw={600} data-testid="audit-field">
              {i18n.exists(label) ? t(label) : field}
            </Text>
            {': '}
            <Text span size="xs" c="red.8" td="line-through" data-testid="audit-before">
              {show(entity, field, before, say)}
            </Text>
            {' → '}
            <Text span size="xs" c="green.8" fw={600} data-testid="audit-after">
              {show(entity, field, after, say)}
            </Text>
          </Text>
        );
      })}
    </Stack>
  );
}
