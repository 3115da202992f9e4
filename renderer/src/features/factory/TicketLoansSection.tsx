/** 备用机 on the ticket: the loaners lent on it (out, overdue or back with the deposit refunded), lending one, printing the slip. */
import { useState } from 'react';
import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { formatMoney } from '../../../../shared/domain/money';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { LendModal } from './LoanerDialogs';

export function TicketLoansSection({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const loans = useApi('loaners.ofTicket', { ticketId: d.id });
  const [lending, setLending] = useState(false);
  const [printing, setPrinting] = useState<number | null>(null);
  const mayLend = user.role !== 'engineer' && d.status !== 'closed' && d.status !== 'cancelled';
  const rows = loans.data ?? [];
  if (!mayLend && rows.length === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="ticket-loans">
      <Group justify="space-between" mb={rows.length ? 'xs' : 0}>
        <Group gap="xs">
          <Text fw={600} size="sm" c="blue.8">{t('ui.factory.tabs.loaners')}</Text>
          {rows.length === 0 && <Text size="sm" c="dimmed">{t('ui.factory.noLoan')}</Text>}
        </Group>
        {mayLend && <Button size="xs" variant="light" onClick={() => setLending(true)} data-testid="ticket-lend">{t('ui.factory.lendLoaner')}</Button>}
      </Group>
      {rows.length > 0 && (
        <Table>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.id} data-testid="ticket-loan">
                <Table.Td ff="monospace">{l.number}</Table.Td>
                <Table.Td>{l.loanerSerial}</Table.Td>
                <Table.Td>{t('ui.factory.depositShort')} {formatMoney(l.depositFen)}</Table.Td>
                <Table.Td>
                  {l.returnedAt
                    ? <Badge variant="light" color="green">{t('ui.factory.backRefund', { refund: formatMoney(l.refundFen ?? 0) })}</Badge>
                    : <Badge variant="light" color={l.overdue ? 'red' : 'blue'}>{t(l.overdue ? 'ui.factory.overdue' : 'ui.factory.dueBack', { date: l.dueOn })}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {!l.returnedAt && <Button size="xs" variant="subtle" component={Link} to="/factory">{t('ui.factory.giveBack')}</Button>}
                    <Button size="xs" variant="subtle" leftSection={<IconPrinter size={14} />} onClick={() => setPrinting(l.id)}>{t('ui.factory.printSlip')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {lending && (
        <LendModal ticketNumber={d.number} onClose={() => setLending(false)} onDone={(loanId) => { setLending(false); loans.reload(); onChanged(); setPrinting(loanId); }} />
      )}
      {printing !== null && <PrintPreviewModal opened onClose={() => setPrinting(null)} request={{ document: 'loanSlip', id: printing }} />}
    </Paper>
  );
}
