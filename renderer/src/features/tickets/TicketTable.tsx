import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/domain/ticket';
import { formatDateTime } from '../../components/format-time';
import { StatusBadge } from '../../components/StatusBadge';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { useSession } from '../auth/session-context';

interface Props {
  rows: TicketRow[];
  loading: boolean;
  onOpen: (id: number) => void;
}

const COLUMNS = ['number', 'reportedAt', 'customer', 'phone', 'model', 'serial', 'urgency', 'status', 'fault'] as const;

export function TicketTable({ rows, loading, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="ticket-table" style={{ opacity: loading ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c} style={{ whiteSpace: 'nowrap' }}>
                {t(`ui.tickets.col.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr
              key={r.id}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              data-testid="ticket-row"
              onClick={() => onOpen(r.id)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}
            >
              <Table.Td style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{r.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.reportedAt, i18n.language, timeZone)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.customerName}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.contactPhone}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.modelCode ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.serial ?? ''}</Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={r.urgency} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" truncate="end">
                  {r.faultSummary}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
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
