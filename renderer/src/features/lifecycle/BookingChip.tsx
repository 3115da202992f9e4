import { ActionIcon, Anchor, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Booking } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useSession } from '../auth/session-context';

function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** One booking in a schedule cell: time, ticket, place; its engineer or staff may cancel it. */
export function BookingChip({ booking: b, onChanged }: { booking: Booking; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const mayCancel = user.role === 'supervisor' || user.role === 'admin' || user.id === b.engineer.id;

  async function cancel() {
    const r = await call('schedule.cancel', { id: b.id, version: b.version });
    if (r.ok) onChanged();
    else notifications.show({ color: 'red', message: r.error.message });
  }

  return (
    <Paper withBorder p={4} bg="blue.0" data-testid="booking">
      <Group justify="space-between" gap={2} wrap="nowrap">
        <Text size="xs" fw={600}>
          {clock(b.startsAt, timeZone)}–{clock(b.endsAt, timeZone)}
        </Text>
        {mayCancel && (
          <ActionIcon size="xs" variant="subtle" color="gray" onClick={() => void cancel()} aria-label={t('ui.lifecycle.schedule.cancelBooking')}>
            <IconX size={12} />
          </ActionIcon>
        )}
      </Group>
      {b.ticket && (
        <Anchor component={Link} to={`/tickets/${b.ticket.id}`} size="xs" style={{ fontFamily: 'monospace' }}>
          {b.ticket.number}
        </Anchor>
      )}
      {b.ticket && (
        <Text size="xs" truncate="end">
          {b.ticket.customerName}
        </Text>
      )}
      {b.place && (
        <Text size="xs" c="dimmed" truncate="end">
          {b.place}
        </Text>
      )}
    </Paper>
  );
}
