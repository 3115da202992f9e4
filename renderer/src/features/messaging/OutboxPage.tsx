/** 消息发件箱 (supervisor, admin): what waits to be sent, what failed (the reason in words), what went out today; resend and cancel. */
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxRow } from '../../../../shared/domain/messaging';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { OutboxStateBadge } from './OutboxStateBadge';
import { useReason } from './use-reason';

type View = 'queued' | 'failed' | 'sentToday';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const [view, setView] = useState<View>('queued');
  const list = useApi('outbox.list', { view });
  useChangeEvents(list.reload);
  const reason = useReason();
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);
  const act = async (method: 'outbox.resend' | 'outbox.cancel', row: OutboxRow) => {
    const r = await call(method, { id: row.id });
    notifications.show(r.ok ? { message: t(method === 'outbox.resend' ? 'ui.messaging.outbox.resent' : 'ui.messaging.outbox.cancelled') } : { color: 'red', message: r.error.message });
    list.reload();
  };
  const rows = list.data ?? [];
  return (
    <Stack gap="sm" maw={1300} data-testid="outbox">
      <Title order={3}>{t('ui.messaging.outbox.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.messaging.outbox.hint')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(v) => setView(v as View)}
        data={(['queued', 'failed', 'sentToday'] as const).map((v) => ({ value: v, label: t(`ui.messaging.outbox.view.${v}`) }))}
        data-testid="outbox-view"
      />
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(view === 'sentToday' ? 'ui.messaging.outbox.sentAt' : 'ui.messaging.outbox.created')}</Table.Th>
              <Table.Th>{t('ui.messaging.outbox.ticket')}</Table.Th>
              <Table.Th>{t('ui.messaging.outbox.event')}</Table.Th>
              <Table.Th>{t('ui.messaging.outbox.channel')}</Table.Th>
              <Table.Th>{t('ui.messaging.outbox.recipient')}</Table.Th>
              <Table.Th>{t('ui.messaging.outbox.state')}</Table.Th>
              <Table.Th ta="right">{t('ui.messaging.outbox.attempts')}</Table.Th>
              <Table.Th>{t(view === 'failed' ? 'ui.messaging.outbox.error' : 'ui.messaging.outbox.next')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text size="sm" c="dimmed">
                    {t('ui.messaging.outbox.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="outbox-row">
                <Table.Td style={NOWRAP}>{when(view === 'sentToday' ? row.sentAt : row.createdAt)}</Table.Td>
                <Table.Td>
                  {row.ticketId && (
                    <Anchor component={Link} to={`/tickets/${row.ticketId}`} size="sm">
                      {row.ticketNumber}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td data-testid="outbox-event" style={NOWRAP}>
                  {t(`messageEvent.${row.event}`)}
                </Table.Td>
                <Table.Td style={NOWRAP}>{t(`messageChannel.${row.channel}`)}</Table.Td>
                <Table.Td>{row.channel === 'wecom' ? t('ui.messaging.robot') : row.recipient}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <OutboxStateBadge state={row.state} />
                </Table.Td>
                <Table.Td ta="right">{row.attempts}</Table.Td>
                <Table.Td data-testid="outbox-reason" maw={380}>
                  {view === 'failed' || row.lastError ? reason(row.lastError) : ''}
                  {view === 'queued' && row.state === 'queued' && <Text size="xs" c="dimmed">{when(row.nextAttemptAt)}</Text>}
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Group gap={4} wrap="nowrap">
                    {['failed', 'needs_look', 'cancelled'].includes(row.state) && (
                      <Button size="compact-xs" variant="light" onClick={() => void act('outbox.resend', row)} data-testid="outbox-resend">
                        {t('ui.messaging.outbox.resend')}
                      </Button>
                    )}
                    {['queued', 'failed', 'needs_look'].includes(row.state) && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => void act('outbox.cancel', row)} data-testid="outbox-cancel">
                        {t('ui.messaging.outbox.cancel')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
