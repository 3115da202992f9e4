import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FollowUpAttempt } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';

/** The follow-up calls made so far (未接通, 改约 with its new time, the reached call), oldest first. */
export function FollowUpHistory({ attempts }: { attempts: FollowUpAttempt[] }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  if (attempts.length === 0) return null;
  const at = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  return (
    <Stack gap={2} data-testid="follow-up-history">
      <Text size="xs" c="dimmed">
        {t('ui.lifecycle.followUp.history')}
      </Text>
      {attempts.map((a, i) => (
        <Text key={i} size="sm" data-testid="follow-up-attempt" data-kind={a.kind}>
          {at(a.at)} · {a.actorName} · {t(`event.${a.kind}`)}
          {a.nextAt ? ` · ${t('ui.lifecycle.followUp.nextAtShort', { at: at(a.nextAt) })}` : ''}
          {a.note ? ` · ${a.note}` : ''}
        </Text>
      ))}
    </Stack>
  );
}
