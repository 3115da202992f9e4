/** The loaner pool: each unit with its loan (ticket, customer, deposit, due day; overdue in red); lend, take back, print the slip. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Loaner } from '../../../../shared/domain/factory';
import { formatMoney } from '../../../../shared/domain/money';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { GiveBackModal, LendModal, NewLoanerModal } from './LoanerDialogs';

type Show = 'all' | 'out' | 'overdue';
type Dialog = { kind: 'new' } | { kind: 'lend' | 'back'; loaner: Loaner } | { kind: 'print'; loanId: number } | null;

export function LoanersTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  const desk = user.role !== 'engineer';
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const [show, setShow] = useState<Show>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('loaners.list', { show });
  useChangeEvents(list.reload);
  const done = (next: Dialog = null) => {
    setDialog(next);
    list.reload();
  };

  return (
    <>
      <Group justify="space-between" mb="sm">
        <SegmentedControl value={show} onChange={(v) => setShow(v as Show)} data={(['all', 'out', 'overdue'] as const).map((v) => ({ value: v, label: t(`ui.factory.show.${v}`) }))} data-testid="loaners-show" />
        {staff && <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'new' })} data-testid="loaner-add">{t('ui.factory.addLoaner')}</Button>}
      </Group>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {['serial', 'model', 'conditionLabel', 'state', 'ticket', 'customer', 'depositShort', 'dueOn'].map((k) => <Table.Th key={k}>{t(`ui.factory.${k}`)}</Table.Th>)}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((l) => (
              <Table.Tr key={l.id} data-testid="loaner-row" data-serial={l.serial}>
                <Table.Td ff="monospace">{l.serial}</Table.Td>
                <Table.Td>{l.modelCode ? `${l.modelCode} ${l.modelName}` : '—'}</Table.Td>
                <Table.Td>{t(`ui.factory.condition.${l.condition}`)}</Table.Td>
                <Table.Td><Badge variant="light" color={l.state === 'available' ? 'green' : l.state === 'lent' ? 'blue' : 'gray'}>{t(`ui.factory.loanerState.${l.state}`)}</Badge></Table.Td>
                <Table.Td>{l.loan ? <Link to={`/tickets/${l.loan.ticket.id}`}>{l.loan.ticket.number}</Link> : ''}</Table.Td>
                <Table.Td>{l.loan?.customerName ?? ''}</Table.Td>
                <Table.Td>{l.loan ? formatMoney(l.loan.depositFen) : ''}</Table.Td>
                <Table.Td>
                  {l.loan && (
                    <Text size="sm" c={l.loan.overdue ? 'red' : undefined} fw={l.loan.overdue ? 600 : undefined}>
                      {l.loan.dueOn} {l.loan.overdue && <Badge color="red" size="xs" data-testid="loan-overdue">{t('ui.factory.overdue')}</Badge>}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {desk && l.state === 'available' && <Button size="xs" onClick={() => setDialog({ kind: 'lend', loaner: l })} data-testid="loaner-lend">{t('ui.factory.lend')}</Button>}
                    {desk && l.loan && <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'back', loaner: l })} data-testid="loaner-back">{t('ui.factory.giveBack')}</Button>}
                    {l.loan && <Button size="xs" variant="subtle" leftSection={<IconPrinter size={14} />} onClick={() => setDialog({ kind: 'print', loanId: l.loan!.id })} data-testid="loan-print">{t('ui.factory.printSlip')}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.length === 0 && <Text c="dimmed" p="md" ta="center">{t('ui.factory.noLoaners')}</Text>}
      </Paper>
      {dialog?.kind === 'new' && <NewLoanerModal onClose={() => setDialog(null)} onDone={() => done()} />}
      {dialog?.kind === 'lend' && <LendModal loaner={dialog.loaner} onClose={() => setDialog(null)} onDone={(loanId) => done({ kind: 'print', loanId })} />}
      {dialog?.kind === 'back' && dialog.loaner.loan && <GiveBackModal loaner={dialog.loaner} loan={dialog.loaner.loan} onClose={() => setDialog(null)} onDone={() => done()} />}
      {dialog?.kind === 'print' && <PrintPreviewModal opened onClose={() => setDialog(null)} request={{ document: 'loanSlip', id: dialog.loanId }} />}
    </>
  );
}
