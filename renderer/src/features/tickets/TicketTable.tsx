import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/domain/ticket';
import { isOverdue, type TicketSort } from '../../../../shared/domain/ticket-search';
import { formatDateTime } from '../../components/format-time';
import { RepeatBadge } from '../../components/RepeatBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { useSession } from '../auth/session-context';
import { useNow } from '../lifecycle/use-now';

interface Props {
  rows: TicketRow[];
  loading: boolean;
  sort: TicketSort;
  onSort: (sort: TicketSort) => void;
  onOpen: (id: number) => void;
}

const COLUMNS = ['number', 'reportedAt', 'customer', 'phone', 'model', 'serial', 'engineer', 'deadline', 'urgency', 'status', 'fault'] as const;
type Column = (typeof COLUMNS)[number];

/** The columns the server can sort by an index: [first click, second click]. */
const SORTS: Partial<Record<Column, [TicketSort, TicketSort]>> = {
  number: ['numberDesc', 'number'],
  reportedAt: ['newest', 'oldest'],
  deadline: ['deadline', 'deadlineLast'],
};

const nowrap = { whiteSpace: 'nowrap' } as const;

function SortHeader({ column, sort, onSort }: { column: Column; sort: TicketSort; onSort: (s: TicketSort) => void }) {
  const { t } = useTranslation();
  const label = t(`ui.tickets.col.${column}`);
  const pair = SORTS[column];
  if (!pair) return <Table.Th style={nowrap}>{label}</Table.Th>;
  const at = pair.indexOf(sort);
  const ascending = sort === 'oldest' || sort === 'deadline' || sort === 'number';
  const Icon = at < 0 ? IconArrowsSort : ascending ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th style={nowrap} aria-sort={at < 0 ? 'none' : ascending ? 'ascending' : 'descending'}>
      <UnstyledButton fz="sm" fw={700} onClick={() => onSort(pair[at === 0 ? 1 : 0])} title={t('ui.tickets.list.sortBy', { column: label })} data-testid={`sort-${column}`}>
        {label} <Icon size={12} style={{ verticalAlign: 'middle', opacity: at < 0 ? 0.4 : 1 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** The ticket list: overdue rows (unfinished, past the resolve deadline by the desk clock) stand out in red. */
export function TicketTable({ rows, loading, sort, onSort, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const now = useNow();
  const time = (iso: string) => formatDateTime(iso, i18n.language, timeZone);
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="ticket-table" style={{ opacity: loading ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c} column={c} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const late = isOverdue(r, now);
            return (
              <Table.Tr
                key={r.id}
                tabIndex={0}
                style={{ cursor: 'pointer', ...(late ? { backgroundColor: 'var(--mantine-color-red-light)' } : {}) }}
                data-testid="ticket-row"
                data-overdue={late ? 'yes' : 'no'}
                onClick={() => onOpen(r.id)}
                onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}
              >
                <Table.Td style={{ ...nowrap, fontFamily: 'monospace' }}>{r.number}</Table.Td>
                <Table.Td style={nowrap}>{time(r.reportedAt)}</Table.Td>
                <Table.Td style={nowrap}>{r.customerName}</Table.Td>
                <Table.Td style={nowrap}>{r.contactPhone}</Table.Td>
                <Table.Td style={nowrap}>{r.modelCode ?? ''}</Table.Td>
                <Table.Td style={nowrap}>{r.serial ?? ''}</Table.Td>
                <Table.Td style={nowrap} data-testid="ticket-engineer">{r.engineerName ?? '—'}</Table.Td>
                <Table.Td style={nowrap} data-testid="ticket-deadline">
                  <Text size="sm" c={late ? 'red.8' : undefined} fw={late ? 600 : undefined}>
                    {time(r.resolveDueAt)}
                  </Text>
                  {late && (
                    <Text size="xs" c="red.8" fw={600}>
                      {t('ui.tickets.list.overdue')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <UrgencyBadge urgency={r.urgency} />
                </Table.Td>
                <Table.Td style={nowrap}>
                  <Group gap={4} wrap="nowrap" preventGrowOverflow={false} miw="max-content">
                    <StatusBadge status={r.status} />
                    {r.isRepeat && <RepeatBadge />}
                  </Group>
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" truncate="end">
                    {r.faultSummary}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {rows.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text c="dimmed" ta="center" py="md" data-testid="ticket-empty">
                  {t('ui.tickets.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
