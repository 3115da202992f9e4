/**
 * The customer's history at a glance, on intake and on the ticket page: earlier tickets of the customer
 * and of the device, money owed, devices still in the depot, the key-account flag. One compact panel.
 */
import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerHistory } from '../../../../shared/domain/related';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { RepeatBadge } from '../../components/RepeatBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { useSession } from '../auth/session-context';
import { CustomerFlags } from './CustomerFlags';

interface Props {
  customerId: number | null;
  deviceId: number | null;
  exceptTicketId?: number;
}

export function CustomerHistoryPanel({ customerId, deviceId, exceptTicketId }: Props) {
  const known = customerId !== null || deviceId !== null;
  const history = useApi('tickets.history', { customerId, deviceId, exceptTicketId: exceptTicketId ?? null }, known);
  if (!known || !history.data) return null;
  return <HistoryView history={history.data} />;
}

function HistoryView({ history }: { history: CustomerHistory }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid="customer-history">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" c="blue.8">
            {t('ui.history.panel.title')}
          </Text>
          {history.customer && (
            <Anchor component={Link} to={`/customers/${history.customer.id}`} size="sm" fw={600} data-testid="history-customer">
              {history.customer.name}
            </Anchor>
          )}
          <CustomerFlags history={history} />
        </Group>
      </Group>
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {history.ticketTotal === 0 ? t('ui.history.panel.noTickets') : t('ui.history.panel.tickets', { count: history.ticketTotal })}
          {history.ticketTotal > history.tickets.length && ` · ${t('ui.history.panel.more', { count: history.tickets.length })}`}
        </Text>
        {history.tickets.length > 0 && <TicketLines history={history} />}
        {history.depot.length > 0 && (
          <Group gap="xs" data-testid="history-depot">
            <Text size="xs" c="dimmed">
              {t('ui.history.panel.depot')}
            </Text>
            {history.depot.map((d) => (
              <Anchor key={d.id} component={Link} to={`/returns/${d.id}`} size="xs">
                {d.number} · {d.serial}{' '}
                <Badge size="xs" variant="light" color="yellow">
                  {t(`returnState.${d.state}`)}
                </Badge>
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function TicketLines({ history }: { history: CustomerHistory }) {
  const { i18n } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Table fz="xs" verticalSpacing={2} horizontalSpacing={6} data-testid="history-tickets">
      <Table.Tbody>
        {history.tickets.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/tickets/${h.id}`} size="xs">
                {h.number}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.reportedAt, i18n.language, timeZone).slice(0, 10)}</Table.Td>
            <Table.Td style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{h.faultSummary}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Group gap={4} wrap="nowrap" preventGrowOverflow={false} miw="max-content">
                <StatusBadge status={h.status} />
                {h.isRepeat && <RepeatBadge />}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
