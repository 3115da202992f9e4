import type { ReactNode } from 'react';
import { Alert, Group, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';

/** "计时已暂停": since when and why; the deadlines stand still meanwhile. */
export function PauseBanner({ ticket, children }: { ticket: TicketDetail; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const p = ticket.progress;
  if (!p.pausedSince) return null;
  return (
    <Alert color="orange" variant="light" mb="xs" icon={<IconPlayerPause size={16} />} data-testid="pause-banner">
      <Group justify="space-between">
        <div>
          <Text size="sm" fw={600}>
            {t('ui.lifecycle.pause.paused')}
          </Text>
          <Text size="xs">
            {t('ui.lifecycle.pause.since', { at: formatDateTime(p.pausedSince, i18n.language, timeZone), reason: p.pauseReason ? t(`ui.lifecycle.pause.reasons.${p.pauseReason}`) : '' })}
          </Text>
        </div>
        {children}
      </Group>
    </Alert>
  );
}
