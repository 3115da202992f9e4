import { Alert, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGEING_BUCKETS } from '../../../../shared/domain/fee-records';
import { formatMoney } from '../../../../shared/domain/money';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { ExportMenu } from '../../components/ExportMenu';

/** 应收账款: unpaid balances by customer, aged by bill date (0–30, 31–60, 61–90, over 90 days). */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const list = useApi('receivables.list', { customerId: null });
  useChangeEvents(list.reload);
  const rows = list.data ?? [];
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <Stack gap="sm" maw={1100} data-testid="receivables">
      <Group justify="space-between">
        <Title order={3}>{t('ui.fees.receivables.title')}</Title>
        <ExportMenu method="receivables.export" input={{ customerId: null }} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('ui.fees.receivables.hint')}
      </Text>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.fees.receivables.customer')}</Table.Th>
              <Table.Th ta="right">{t('ui.fees.receivables.bills')}</Table.Th>
              {AGEING_BUCKETS.map((b) => (
                <Table.Th key={b} ta="right">
                  {t(`ui.fees.receivables.${b}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('ui.fees.receivables.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    {t('ui.fees.receivables.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.customerId} data-testid="receivable" data-customer={r.customerName}>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td ta="right">{r.bills}</Table.Td>
                {AGEING_BUCKETS.map((b) => (
                  <Table.Td key={b} ta="right" c={r.buckets[b] ? (b === 'd0_30' ? undefined : 'red.7') : 'dimmed'} data-testid={`bucket-${b}`}>
                    {r.buckets[b] ? formatMoney(r.buckets[b]) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={700} data-testid="receivable-total">
                  {formatMoney(r.totalFen)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 0 && (
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('ui.fees.receivables.grandTotal')}</Table.Th>
                <Table.Th ta="right">{sum((r) => r.bills)}</Table.Th>
                {AGEING_BUCKETS.map((b) => (
                  <Table.Th key={b} ta="right">
                    {formatMoney(sum((r) => r.buckets[b]))}
                  </Table.Th>
                ))}
                <Table.Th ta="right" data-testid="receivables-grand-total">
                  {formatMoney(sum((r) => r.totalFen))}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Paper>
    </Stack>
  );
}
