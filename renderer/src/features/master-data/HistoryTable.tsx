/** A customer's or a device's tickets, newest first, each opening its ticket. */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HistoryTicket } from '../../../../shared/domain/party';
import { formatDateTime } from '../../components/format-time';
import { StatusBadge } from '../../components/StatusBadge';
import { WarrantyBadge } from '../../components/WarrantyBadge';
import { useSession } from '../auth/session-context';

export function HistoryTable({ tickets, empty }: { tickets: HistoryTicket[]; empty: string }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  if (tickets.length === 0)
    return (
      <Text size="sm" c="dimmed" py="xs">
        {empty}
      </Text>
    );
  return (
    <Table fz="sm" striped data-testid="history-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.masterData.history.number')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.reportedAt')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.status')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.model')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.serial')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.warranty')}</Table.Th>
          <Table.Th>{t('ui.masterData.history.fault')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tickets.map((r) => (
          <Table.Tr key={r.id} data-testid="history-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Anchor component={Link} to={`/tickets/${r.id}`} size="sm">
                {r.number}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.reportedAt, i18n.language, timeZone)}</Table.Td>
            <Table.Td>
              <StatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>{r.modelCode ?? ''}</Table.Td>
            <Table.Td>{r.serial ?? ''}</Table.Td>
            <Table.Td>
              <WarrantyBadge status={r.warrantyStatus} />
            </Table.Td>
            <Table.Td>{r.faultSummary}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
