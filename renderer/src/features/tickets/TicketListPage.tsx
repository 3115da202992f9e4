import { Alert, Group, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { TicketFilters } from './TicketFilters';
import { TicketTable } from './TicketTable';
import { useTicketQuery } from './use-ticket-query';
import { ExportMenu } from '../../components/ExportMenu';

const PAGE_SIZE = 20;

export default function TicketListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useTicketQuery();
  const list = useApi('tickets.list', { ...query, pageSize: PAGE_SIZE });
  useChangeEvents(list.reload);

  /** A scanner types the ticket number and presses Enter: one exact hit opens the ticket. */
  async function search(q: string) {
    const trimmed = q.trim();
    if (trimmed) {
      const r = await call('tickets.list', { q: trimmed, pageSize: 2 });
      const only = r.ok && r.value.total === 1 ? r.value.rows[0] : undefined;
      if (only && only.number.toLowerCase() === trimmed.toLowerCase()) {
        void navigate(`/tickets/${only.id}`);
        return;
      }
    }
    setQuery({ q: trimmed });
  }

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('ui.tickets.listTitle')}</Title>
        <ExportMenu method="tickets.export" input={{ q: query.q, status: query.status, urgency: query.urgency, problemType: query.problemType }} />
      </Group>
      <TicketFilters key={query.q} query={query} onSearch={(q) => void search(q)} onChange={setQuery} />
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <TicketTable rows={list.data?.rows ?? []} loading={list.loading} onOpen={(id) => void navigate(`/tickets/${id}`)} />
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="ticket-total">
          {t('ui.tickets.total', { count: list.data?.total ?? 0 })}
        </Text>
        <Pagination size="sm" total={pages} value={query.page} onChange={(page) => setQuery({ page })} />
      </Group>
    </Stack>
  );
}
