import { Paper, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketEvent } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Paper withBorder p="sm" data-testid="ticket-timeline">
      <SectionTitle title={t('ui.detail.timeline')} mb="sm" />
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
        {events.map((e) => (
          <Timeline.Item key={e.id} title={<Text size="sm" fw={600}>{t(`event.${e.kind}`, { defaultValue: e.kind })}</Text>} data-testid="timeline-item" data-kind={e.kind}>
            <Text size="xs" c="dimmed">
              {e.actorName} · {formatDateTime(e.at, i18n.language, timeZone)}
            </Text>
            {e.toStatus && (
              <Text size="xs">
                {e.fromStatus ? `${t(`status.${e.fromStatus}`)} → ` : ''}
                {t(`status.${e.toStatus}`)}
              </Text>
            )}
            {e.note && <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>{e.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
