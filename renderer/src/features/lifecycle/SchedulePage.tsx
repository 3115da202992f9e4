import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { BookingChip } from './BookingChip';
import { addDays, mondayOf, weekDays } from './week';
import { deskNow } from '../../api/desk-clock';

/** 工作安排表: one row per engineer, one column per day of the week, bookings in the cells. */
export default function SchedulePage() {
  const { t, i18n } = useTranslation();
  const { user, timeZone } = useSession();
  const [thisMonday] = useState(() => mondayOf(localDate(deskNow(), timeZone)));
  const [monday, setMonday] = useState(thisMonday);
  const days = weekDays(monday);
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const bookings = useApi('schedule.list', { from: monday, to: days[6]! });
  const engineers = useApi('users.engineers', {}, staff);
  useChangeEvents(bookings.reload);

  const rows = new Map<number, string>();
  for (const e of engineers.data ?? []) rows.set(e.id, e.displayName);
  if (user.role === 'engineer') rows.set(user.id, user.displayName);
  for (const b of bookings.data ?? []) rows.set(b.engineer.id, b.engineer.name);
  const dayLabel = (d: string) => new Intl.DateTimeFormat(i18n.language, { timeZone: 'UTC', weekday: 'short', month: 'numeric', day: 'numeric' }).format(new Date(`${d}T00:00:00Z`));
  const cell = (engineerId: number, day: string) => (bookings.data ?? []).filter((b) => b.engineer.id === engineerId && localDate(new Date(b.startsAt), timeZone) === day);

  return (
    <Stack gap="sm" data-testid="schedule-page">
      <Group justify="space-between">
        <Title order={3}>{t('ui.lifecycle.schedule.title')}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconChevronLeft size={14} />} onClick={() => setMonday(addDays(monday, -7))} data-testid="week-prev">
            {t('ui.lifecycle.schedule.prevWeek')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setMonday(thisMonday)}>
            {t('ui.lifecycle.schedule.thisWeek')}
          </Button>
          <Button size="xs" variant="default" rightSection={<IconChevronRight size={14} />} onClick={() => setMonday(addDays(monday, 7))} data-testid="week-next">
            {t('ui.lifecycle.schedule.nextWeek')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="schedule-week">
        {t('ui.lifecycle.schedule.week', { from: monday, to: days[6] })}
      </Text>
      {bookings.error && <Alert color="red">{bookings.error.message}</Alert>}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={1000}>
          <Table withColumnBorders verticalSpacing={4} fz="sm" data-testid="schedule-grid" style={{ tableLayout: 'fixed' }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('ui.lifecycle.schedule.engineer')}</Table.Th>
                {days.map((d) => (
                  <Table.Th key={d}>
                    {dayLabel(d)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].map(([id, name]) => (
                <Table.Tr key={id} data-testid="schedule-row">
                  <Table.Td fw={500}>{name}</Table.Td>
                  {days.map((d) => (
                    <Table.Td key={d} valign="top">
                      <Stack gap={4}>
                        {cell(id, d).map((b) => (
                          <BookingChip key={b.id} booking={b} onChanged={bookings.reload} />
                        ))}
                      </Stack>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {rows.size === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text c="dimmed" ta="center" py="md">
                      {t('ui.lifecycle.schedule.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
