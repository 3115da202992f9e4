/** On the ticket: the messages to its customer, what was sent when and to whom, and what still waits or failed. */
import { Paper, Stack, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { OutboxStateBadge } from './OutboxStateBadge';
import { useReason } from './use-reason';
import { SectionTitle } from '../../components/SectionTitle';

export function TicketMessages({ ticketId }: { ticketId: number }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const messages = useApi('outbox.ofTicket', { ticketId });
  useChangeEvents(messages.reload);
  const reason = useReason();
  const rows = messages.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="ticket-messages">
      <SectionTitle title={t('ui.messaging.ticket.title')} />
      <Stack gap={6}>
        {rows.map((m) => (
          <div key={m.id} data-testid="ticket-message" data-event={m.event} data-state={m.state}>
            <Group gap={6} wrap="nowrap">
              <OutboxStateBadge state={m.state} />
              <Text size="sm" fw={500}>
                {t(`messageEvent.${m.event}`)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t(`messageChannel.${m.channel}`)} · {m.channel === 'wecom' ? t('ui.messaging.robot') : m.recipient}
              {m.sentAt && ` · ${t('ui.messaging.ticket.sentAt', { at: formatDateTime(m.sentAt, i18n.language, timeZone) })}`}
            </Text>
            {m.state !== 'sent' && m.lastError && (
              <Text size="xs" c="red.7">
                {reason(m.lastError)}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
