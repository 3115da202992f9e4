/** 工单: search as you type, filters, the supervisor's queues, sortable columns and page size, all in the URL. */
import { Alert, Group, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SEARCH_HITS } from '../../../../shared/domain/ticket-search';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { TicketFilters } from './TicketFilters';
import { TicketQueueBar } from './TicketQueueBar';
import { TicketTable } from './TicketTable';
import { PAGE_SIZES, useTicketQuery } from './use-ticket-query';
import { ExportMenu } from '../../components/ExportMenu';

export default function TicketListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useTicketQuery();
  const list = useApi('tickets.list', query);
  useChangeEvents(list.reload);

  /**
   * A scanner types a ticket number and presses Enter: that ticket opens. A serial shows its tickets at once
   * (a device comes back: the clerk picks the repair).
   */
  async function openExact(q: string) {
    const trimmed = q.trim();
    if (trimmed) {
      const r = await call('tickets.list', { q: trimmed, pageSize: 50 });
      const only = r.ok ? r.value.rows.find((row) => row.number.toUpperCase() === trimmed.toUpperCase()) : undefined;
      if (only) {
        void navigate(`/tickets/${only.id}`);
        return;
      }
    }
    setQuery({ q: trimmed });
  }

  const { page, pageSize, ...filter } = query;
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="md">
          <Title order={3}>{t('ui.tickets.listTitle')}</Title>
          <TicketQueueBar value={query.queue} onChange={(queue) => setQuery({ queue, sort: queue === 'dueSoon' ? 'deadline' : query.sort })} />
        </Group>
        <ExportMenu method="tickets.export" input={filter} />
      </Group>
      <TicketFilters query={query} onSearch={(q) => setQuery({ q })} onEnter={(q) => void openExact(q)} onChange={setQuery} />
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <TicketTable rows={list.data?.rows ?? []} loading={list.loading} sort={query.sort} onSort={(sort) => setQuery({ sort })} onOpen={(id) => void navigate(`/tickets/${id}`)} />
      </Paper>
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" c="dimmed" data-testid="ticket-total">
            {t('ui.tickets.total', { count: total })}
          </Text>
          {query.q && total >= SEARCH_HITS && (
            <Text size="sm" c="orange.8">
              {t('ui.tickets.list.moreHits', { n: SEARCH_HITS })}
            </Text>
          )}
        </Group>
        <Group gap="sm">
          <Select
            w={110}
            size="xs"
            aria-label={t('ui.tickets.list.pageSize')}
            data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('ui.tickets.list.pageSizeOption', { n }) }))}
            value={String(pageSize)}
            onChange={(v) => v && setQuery({ pageSize: Number(v) })}
            allowDeselect={false}
            data-testid="ticket-page-size"
          />
          <Pagination size="sm" total={pages} value={page} onChange={(p) => setQuery({ page: p })} />
        </Group>
      </Group>
    </Stack>
  );
}
