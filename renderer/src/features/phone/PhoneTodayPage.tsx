/** 今日工单 on the phone: the engineer's tickets for today as cards, with the address and a tap to call. */
import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconMapPin, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localDate } from '../../../../shared/domain/time';
import { deskNow } from '../../api/desk-clock';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { StatusBadge } from '../../components/StatusBadge';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { isoToWall } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { DeadlineText } from '../lifecycle/DeadlineText';
import { CallButton } from './CallButton';
import { PHONE_STATUSES, todaysWork, type PhoneTicket } from './phone-day';

export function PhoneTodayPage() {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const today = localDate(deskNow(), timeZone);
  const list = useApi('tickets.list', { mine: true, status: [...PHONE_STATUSES], sort: 'deadline', pageSize: 100 });
  const bookings = useApi('schedule.list', { from: today, to: today, engineerId: user.id });
  const reload = () => {
    list.reload();
    bookings.reload();
  };
  useChangeEvents(reload);
  const work = list.data ? todaysWork(list.data.rows, bookings.data ?? [], today, timeZone) : null;

  return (
    <Stack gap="sm" data-testid="phone-today">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Title order={3}>{t('ui.phone.title')}</Title>
          <Text size="sm" c="dimmed">
            {today} · {t('ui.phone.count', { count: work?.length ?? 0 })}
          </Text>
        </div>
        <Button variant="light" h={44} leftSection={<IconRefresh size={18} />} onClick={reload} loading={list.loading}>
          {t('ui.phone.refresh')}
        </Button>
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {!work && !list.error && <Loader size="sm" />}
      {work?.length === 0 && (
        <Alert color="gray" data-testid="phone-empty">
          {t('ui.phone.empty')}
        </Alert>
      )}
      {work?.map((w) => <TicketCard key={w.row.id} work={w} timeZone={timeZone} />)}
    </Stack>
  );
}

function TicketCard({ work: { row, booking }, timeZone }: { work: PhoneTicket; timeZone: string }) {
  const { t } = useTranslation();
  const clock = (iso: string) => isoToWall(iso, timeZone).slice(11);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="phone-ticket">
      <Card.Section component={Link} to={`/m/tickets/${row.id}`} p="sm" style={{ display: 'block', color: 'inherit', textDecoration: 'none' }} data-testid="phone-ticket-open">
        <Group justify="space-between" gap="xs">
          <Text ff="monospace" fw={600} size="sm">
            {row.number}
          </Text>
          <Group gap={4} wrap="nowrap">
            <UrgencyBadge urgency={row.urgency} />
            <StatusBadge status={row.status} />
          </Group>
        </Group>
        <Text fw={600} mt={4}>
          {row.customerName}
        </Text>
        {booking && (
          <Badge variant="light" color="blue" tt="none" mt={4} data-testid="phone-booking">
            {t('ui.phone.booked', { from: clock(booking.startsAt), to: clock(booking.endsAt) })}
          </Badge>
        )}
        <Group gap={4} wrap="nowrap" align="flex-start" mt={4}>
          <IconMapPin size={16} style={{ flexShrink: 0, marginTop: 2 }} color="var(--mantine-color-gray-6)" />
          <Text size="sm" style={{ wordBreak: 'break-word' }} data-testid="phone-address">
            {row.address || '—'}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2} mt={4} style={{ wordBreak: 'break-word' }}>
          {row.faultSummary}
        </Text>
        <DeadlineText dueAt={row.resolveDueAt} />
      </Card.Section>
      <CallButton phone={row.contactPhone} />
    </Card>
  );
}
