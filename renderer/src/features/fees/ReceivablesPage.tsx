import { Alert, Anchor, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AGEING_BUCKETS } from '../../../../shared/domain/fee-records';
import { formatMoney } from '../../../../shared/domain/money';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { ExportMenu } from '../../components/ExportMenu';

/** The unpaid bills behind a customer's receivable, each opening its ticket (where the bill is). */
function OpenBills({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const bills = useApi('receivables.bills', { customerId });
  if (bills.error) return <Alert color="red">{bills.error.message}</Alert>;
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="receivable-bills">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.fees.receivables.ticket')}</Table.Th>
          <Table.Th>{t('ui.fees.receivables.billedOn')}</Table.Th>
          <Table.Th ta="right">{t('ui.fees.receivables.billTotal')}</Table.Th>
          <Table.Th ta="right">{t('ui.fees.receivables.paid')}</Table.Th>
          <Table.Th ta="right">{t('ui.fees.receivables.balance')}</Table.Th>
          <Table.Th ta="right">{t('ui.fees.receivables.age')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(bills.data ?? []).map((b) => (
          <Table.Tr key={b.billId} data-testid="receivable-bill">
            <Table.Td>
              <Anchor component={Link} to={`/tickets/${b.ticketId}`} size="sm" data-testid="receivable-bill-ticket">
                {b.ticketNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>{b.billedOn}</Table.Td>
            <Table.Td ta="right">{formatMoney(b.totalFen)}</Table.Td>
            <Table.Td ta="right">{formatMoney(b.paidFen)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {formatMoney(b.balanceFen)}
            </Table.Td>
            <Table.Td ta="right" c={b.ageDays > 30 ? 'red.7' : undefined}>
              {t('ui.fees.receivables.days', { count: b.ageDays })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 应收账款: unpaid balances by customer, aged by bill date (0–30, 31–60, 61–90, over 90 days); a row opens its bills. */
export default function ReceivablesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
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
              <Fragment key={r.customerId}>
                <Table.Tr data-testid="receivable" data-customer={r.customerName}>
                  <Table.Td>
                    <UnstyledButton onClick={() => setOpen(open === r.customerId ? null : r.customerId)} aria-expanded={open === r.customerId} data-testid="receivable-open">
                      <Group gap={4} wrap="nowrap">
                        {open === r.customerId ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                        <Text size="sm" fw={500}>
                          {r.customerName}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  </Table.Td>
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
                {open === r.customerId && (
                  <Table.Tr>
                    <Table.Td colSpan={7} bg="gray.0" pl="xl">
                      <OpenBills customerId={r.customerId} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
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
