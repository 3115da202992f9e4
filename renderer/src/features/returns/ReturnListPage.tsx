/** The returned-device register (返修登记表): the list the desk works from, and where a scanned slip opens its record. */
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, MultiSelect, NumberInput, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBarcode, IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RETURN_STATES, type ReturnState } from '../../../../shared/domain/returns';
import type { CustomerHit } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { ExportMenu } from '../../components/ExportMenu';
import { useChangeEvents } from '../../api/use-change-events';
import { TypeAhead } from '../../components/TypeAhead';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { ReturnStateBadge } from './ReturnStateBadge';
import { searchCustomers } from '../../api/search-customers';

/** The register's customer filter offers ten hits. */
const searchTen = (q: string) => searchCustomers(q, 10);

const PAGE_SIZE = 30;

interface Filters {
  states: ReturnState[];
  openOnly: boolean;
  overdueOnly: boolean;
  minDays: number | null;
  customer: { id: number; name: string } | null;
  modelId: number | null;
  query: string;
  page: number;
}

const START: Filters = { states: [], openOnly: true, overdueOnly: false, minDays: null, customer: null, modelId: null, query: '', page: 1 };

export default function ReturnListPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const [f, setF] = useState<Filters>(START);
  const [scan, setScan] = useState('');
  const [customerText, setCustomerText] = useState('');
  const patch = (p: Partial<Filters>) => setF((old) => ({ ...old, page: 1, ...p }));
  const filter = {
    states: f.states,
    openOnly: f.openOnly,
    overdueOnly: f.overdueOnly,
    minDays: f.minDays,
    customerId: f.customer?.id ?? null,
    modelId: f.modelId,
    query: f.query,
  };
  const list = useApi('returns.list', { ...filter, page: f.page, pageSize: PAGE_SIZE });
  const models = useApi('models.list', {});
  useChangeEvents(list.reload);

  /** A scanner types the slip number (or the serial) and Enter: one exact hit opens the record. */
  async function search() {
    const q = scan.trim();
    if (q) {
      const r = await call('returns.list', { query: q, pageSize: 2 });
      const only = r.ok && r.value.total === 1 ? r.value.rows[0] : undefined;
      const exact = r.ok ? r.value.rows.find((row) => row.number.toUpperCase() === q.toUpperCase()) : undefined;
      const hit = exact ?? (only && only.serial.toUpperCase() === q.toUpperCase() ? only : undefined);
      if (hit) {
        void navigate(`/returns/${hit.id}`);
        return;
      }
      if (r.ok && r.value.total === 0) notifications.show({ color: 'orange', message: t('ui.returns.notFound', { q }) });
    }
    // Not one record: the list shows what starts with the text, whatever the state.
    patch({ query: q, openOnly: q ? false : f.openOnly });
  }

  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const rows = list.data?.rows ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('ui.returns.listTitle')}</Title>
        <Group gap="xs">
          <ExportMenu method="returns.export" input={filter} />
          <Button component={Link} to="/returns/new" leftSection={<IconPackageImport size={16} />} data-testid="returns-check-in">
            {t('ui.returns.checkIn')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              autoFocus
              w={300}
              label={t('ui.returns.search')}
              description={t('ui.returns.searchHint')}
              leftSection={<IconBarcode size={16} />}
              value={scan}
              onChange={(e) => setScan(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void search();
                }
              }}
              data-testid="returns-search"
            />
            <MultiSelect
              w={300}
              label={t('ui.returns.states')}
              placeholder={f.states.length ? undefined : t('ui.returns.all')}
              data={RETURN_STATES.map((s) => ({ value: s, label: t(`returnState.${s}`) }))}
              value={f.states}
              onChange={(v) => patch({ states: v as ReturnState[] })}
              clearable
              data-testid="returns-states"
            />
            <NumberInput w={130} label={t('ui.returns.minDays')} min={0} max={3650} value={f.minDays ?? ''} onChange={(v) => patch({ minDays: typeof v === 'number' ? v : null })} data-testid="returns-min-days" />
          </Group>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <div style={{ width: 260 }}>
              <TypeAhead<CustomerHit>
                label={t('ui.returns.customer')}
                placeholder={t('ui.returns.all')}
                value={customerText}
                onChange={(text) => {
                  setCustomerText(text);
                  if (!text.trim() && f.customer) patch({ customer: null });
                }}
                testId="returns-customer"
                load={searchTen}
                keyOf={(c) => String(c.id)}
                render={(c) => `${c.name} · ${c.phone}`}
                onPick={(c) => {
                  setCustomerText(c.name);
                  patch({ customer: { id: c.id, name: c.name } });
                }}
              />
            </div>
            <Select
              w={220}
              label={t('ui.returns.model')}
              placeholder={t('ui.returns.all')}
              data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))}
              value={f.modelId ? String(f.modelId) : null}
              onChange={(v) => patch({ modelId: v ? Number(v) : null })}
              clearable
              searchable
              data-testid="returns-model"
            />
            <Checkbox label={t('ui.returns.openOnly')} checked={f.openOnly} onChange={(e) => patch({ openOnly: e.currentTarget.checked })} mb={8} data-testid="returns-open-only" />
            <Checkbox label={t('ui.returns.overdueOnly')} checked={f.overdueOnly} onChange={(e) => patch({ overdueOnly: e.currentTarget.checked })} mb={8} data-testid="returns-overdue-only" />
          </Group>
        </Stack>
      </Paper>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing={6} data-testid="returns-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.returns.col.number')}</Table.Th>
              <Table.Th>{t('ui.returns.col.state')}</Table.Th>
              <Table.Th>{t('ui.returns.col.ticket')}</Table.Th>
              <Table.Th>{t('ui.returns.col.customer')}</Table.Th>
              <Table.Th>{t('ui.returns.col.model')}</Table.Th>
              <Table.Th>{t('ui.returns.col.serial')}</Table.Th>
              <Table.Th>{t('ui.returns.col.receivedAt')}</Table.Th>
              <Table.Th ta="right">{t('ui.returns.col.days')}</Table.Th>
              <Table.Th>{t('ui.returns.col.expected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.id}
                style={{ cursor: 'pointer' }}
                bg={r.overdue ? 'red.0' : undefined}
                onClick={() => void navigate(`/returns/${r.id}`)}
                data-testid="returns-row"
                data-number={r.number}
                data-overdue={r.overdue ? 'yes' : 'no'}
              >
                <Table.Td>
                  <Text size="sm" ff="monospace" fw={600}>
                    {r.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ReturnStateBadge state={r.state} />
                </Table.Td>
                <Table.Td>{r.ticketNumber}</Table.Td>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td>{r.modelName}</Table.Td>
                <Table.Td ff="monospace">{r.serial}</Table.Td>
                <Table.Td>{formatDateTime(r.receivedAt, i18n.language, timeZone)}</Table.Td>
                <Table.Td ta="right">{t('ui.returns.days', { count: r.daysInDepot })}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 700 : undefined}>
                      {r.expectedDate ?? '—'}
                    </Text>
                    {r.overdue && (
                      <Badge color="red" size="xs" variant="filled">
                        {t('ui.returns.overdue')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {!list.loading && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={9}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t('ui.returns.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="returns-total">
          {t('ui.returns.total', { count: list.data?.total ?? 0 })}
        </Text>
        <Pagination size="sm" total={pages} value={f.page} onChange={(page) => setF((old) => ({ ...old, page }))} />
      </Group>
    </Stack>
  );
}
