/** 返厂单: what is outstanding per supplier, and every return with its state, quantity and credit; a row opens it. */
import { Alert, Badge, Card, Group, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatMoney } from '../../../../shared/domain/money';
import { formatDateTime } from '../../components/format-time';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';

export const STATE_COLOR: Record<string, string> = { open: 'gray', sent: 'blue', received: 'indigo', credited: 'green', repaired: 'teal', rejected: 'red' };

export function ReturnsTab() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const outstanding = useApi('factoryReturns.outstanding', {});
  const list = useApi('factoryReturns.list', {});
  useChangeEvents(() => {
    outstanding.reload();
    list.reload();
  });
  return (
    <>
      <Text fw={600} mb={6}>{t('ui.factory.outstanding')}</Text>
      {outstanding.data?.length === 0 && <Text c="dimmed" size="sm" mb="sm">{t('ui.factory.noOutstanding')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        {(outstanding.data ?? []).map((o) => (
          <Card key={o.supplier} withBorder padding="sm" data-testid="outstanding-supplier">
            <Text fw={600}>{o.supplier}</Text>
            <Text size="sm">{t('ui.factory.outstandingOrders', { orders: o.orders, quantity: o.quantity })}</Text>
            {o.oldestSentAt && <Text size="xs" c="dimmed">{t('ui.factory.since', { date: formatDateTime(o.oldestSentAt, i18n.language, timeZone) })}</Text>}
          </Card>
        ))}
      </SimpleGrid>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {['number', 'supplier', 'state', 'quantity', 'credit', 'receivedAt'].map((k) => <Table.Th key={k}>{t(`ui.factory.${k}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((o) => (
              <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/factory/returns/${o.id}`)} data-testid="factory-return-row">
                <Table.Td ff="monospace">{o.number}</Table.Td>
                <Table.Td>{o.supplier}</Table.Td>
                <Table.Td><Badge variant="light" color={STATE_COLOR[o.state]}>{t(`ui.factory.returnState.${o.state}`)}</Badge></Table.Td>
                <Table.Td ta="right">{o.quantity}</Table.Td>
                <Table.Td ta="right">{o.state === 'credited' ? formatMoney(o.creditFen) : ''}</Table.Td>
                <Table.Td>{formatDateTime(o.createdAt, i18n.language, timeZone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.length === 0 && <Group justify="center" p="md"><Text c="dimmed">{t('ui.factory.noReturns')}</Text></Group>}
      </Paper>
    </>
  );
}
