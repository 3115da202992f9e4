import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function show(value: unknown, empty: string, when: (iso: string) => string): string {
  if (value === null || value === undefined || value === '') return empty;
  // Stored instants are UTC: shown at the desk's time, to the second (an edit may only move seconds).
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return when(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Each changed field as "field: before → after", the old value struck through in red, the new one in green. */
export function ChangesDiff({ changes, action }: { changes: Record<string, [unknown, unknown]>; action: string }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { timeZone, dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(new Date(iso));
  const entries = Object.entries(changes);
  const empty = t('ui.dataSafety.audit.empty');
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
        return (
          <Text key={field} size="xs" style={{ wordBreak: 'break-word' }} data-testid="audit-change">
            <Text span ff="monospace" size="xs" c="dimmed">
              {field}
            </Text>
            {': '}
            <Text span size="xs" c="red.8" td="line-through" data-testid="audit-before">
              {show(before, empty, when)}
            </Text>
            {' → '}
            <Text span size="xs" c="green.8" fw={600} data-testid="audit-after">
              {show(after, empty, when)}
            </Text>
          </Text>
        );
      })}
    </Stack>
  );
}
