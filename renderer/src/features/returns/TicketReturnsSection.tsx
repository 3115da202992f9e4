/** On the ticket page: the devices taken into the depot for this ticket, and the way to check one in. */
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReturnRow } from '../../../../shared/domain/returns';
import { ReturnStateBadge } from './ReturnStateBadge';

export function TicketReturnsSection({ ticketId, rows, canCheckIn }: { ticketId: number; rows: ReturnRow[]; canCheckIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="ticket-returns">
      <Group justify="space-between" mb={rows.length === 0 ? 0 : 'xs'}>
        <Group gap="xs">
          <Text fw={600} size="sm" c="blue.8">
            {t('ui.returns.ticket.section')}
          </Text>
          {rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('ui.returns.ticket.none')}
            </Text>
          )}
        </Group>
        {canCheckIn && (
          <Button size="xs" variant="light" component={Link} to={`/returns/new?ticket=${ticketId}`} leftSection={<IconPackageImport size={14} />} data-testid="ticket-check-in">
            {t('ui.returns.ticket.checkIn')}
          </Button>
        )}
      </Group>
      {rows.length > 0 && (
        <Stack gap={4}>
          {rows.map((r) => (
            <Group key={r.id} gap="sm" data-testid="ticket-return-row">
              <Anchor component={Link} to={`/returns/${r.id}`} size="sm" ff="monospace" fw={600}>
                {r.number}
              </Anchor>
              <ReturnStateBadge state={r.state} />
              <Text size="sm">{r.serial}</Text>
              <Text size="xs" c={r.overdue ? 'red.8' : 'dimmed'}>
                {r.expectedDate ?? ''}
                {r.overdue ? ` · ${t('ui.returns.overdue')}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
