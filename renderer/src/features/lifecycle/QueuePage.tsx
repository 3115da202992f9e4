import { useState } from 'react';
import { Alert, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InputOf } from '../../../../shared/api/contract';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { QueueTable } from './QueueTable';

export type QueueKind = 'mine' | 'overdue' | 'followUp';

const PAGE_SIZE = 20;

const FILTERS: Record<QueueKind, Partial<InputOf<'tickets.list'>>> = {
  mine: { mine: true, sort: 'deadline' },
  overdue: { overdue: true, sort: 'deadline' },
  followUp: { followUpDue: true },
};

/** 我的工单 / 逾期工单 / 待回访: the ticket list narrowed to one queue. */
export function QueuePage({ kind }: { kind: QueueKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useApi('tickets.list', { ...FILTERS[kind], page, pageSize: PAGE_SIZE });
  useChangeEvents(list.reload);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="sm" data-testid={`queue-${kind}`}>
      <Title order={3}>{t(`ui.lifecycle.queue.${kind}`)}</Title>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <QueueTable rows={list.data?.rows ?? []} loading={list.loading} onOpen={(id) => void navigate(`/tickets/${id}`)} followUp={kind === 'followUp'} />
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="queue-total">
          {t('ui.tickets.total', { count: list.data?.total ?? 0 })}
        </Text>
        <Pagination size="sm" total={pages} value={page} onChange={setPage} />
      </Group>
    </Stack>
  );
}
