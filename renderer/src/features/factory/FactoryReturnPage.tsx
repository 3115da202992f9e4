/** One 返厂单: its lines, its moves (send, received by the supplier, credit per line, repaired back, rejected) and its print. */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FACTORY_RETURN_MOVES, FACTORY_RETURN_RULES, type FactoryReturnDetail, type FactoryReturnMove } from '../../../../shared/domain/factory';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { toFen } from '../parts/money';
import { STATE_COLOR } from './ReturnsTab';
import { useSubmit } from './use-submit';

export default function FactoryReturnPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = Number(useParams().id);
  const order = useApi('factoryReturns.get', { id });
  useChangeEvents(order.reload);
  const [printing, setPrinting] = useState(false);
  const [dialog, setDialog] = useState<'credit' | 'reject' | null>(null);
  const s = useSubmit();
  const o = order.data;
  if (!o) return order.error ? <Alert color="red">{order.error.message}</Alert> : null;
  const moves = user.role === 'engineer' ? [] : FACTORY_RETURN_MOVES.filter((m) => FACTORY_RETURN_RULES[m].from === o.state);
  const move = async (m: FactoryReturnMove) => {
    if (m === 'credit' || m === 'reject') return setDialog(m);
    if (await s.submit(() => call('factoryReturns.move', { id: o.id, version: o.version, move: m } as Parameters<typeof call<'factoryReturns.move'>>[1]))) order.reload();
  };
  return (
    <Stack gap="sm" maw={1100}>
      <Anchor component={Link} to="/factory?tab=returns" size="sm">{t('ui.factory.back')}</Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{o.number}</Title>
          <Badge variant="light" color={STATE_COLOR[o.state]} data-testid="factory-return-state">{t(`ui.factory.returnState.${o.state}`)}</Badge>
        </Group>
        <Group gap="xs">
          {moves.map((m) => <Button key={m} variant={m === 'reject' ? 'light' : 'filled'} color={m === 'reject' ? 'red' : undefined} loading={s.busy} onClick={() => void move(m)} data-testid={`factory-move-${m}`}>{t(`ui.factory.move.${m}`)}</Button>)}
          <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)} data-testid="factory-return-print">{t('ui.factory.print')}</Button>
        </Group>
      </Group>
      <Text>{t('ui.factory.supplier')}：{o.supplier}{o.rejectReason && ` · ${t('ui.factory.reason')}：${o.rejectReason}`}</Text>
      {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
      <Paper withBorder>
        <Table>
          <Table.Thead>
            <Table.Tr>{['name', 'serial', 'ticket', 'batch', 'faultCode', 'quantity', 'credit'].map((k) => <Table.Th key={k}>{t(`ui.factory.${k}`)}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.lines.map((l) => (
              <Table.Tr key={l.id} data-testid="factory-line">
                <Table.Td>{[l.partNo, l.name].filter(Boolean).join(' ')}</Table.Td>
                <Table.Td ff="monospace">{l.serial || '—'}</Table.Td>
                <Table.Td>{l.ticketNumber || '—'}</Table.Td>
                <Table.Td ff="monospace">{l.batch || '—'}</Table.Td>
                <Table.Td>{l.faultCode || '—'}</Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{l.creditFen === null ? '' : formatMoney(l.creditFen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {o.state === 'credited' && <Text fw={600} ta="right" data-testid="factory-credit-total">{t('ui.factory.credit')}：{formatMoney(o.creditFen)}</Text>}
      {dialog && <FinishModal order={o} kind={dialog} onClose={() => setDialog(null)} onDone={() => { setDialog(null); order.reload(); }} />}
      {printing && <PrintPreviewModal opened onClose={() => setPrinting(false)} request={{ document: 'factoryReturn', id: o.id }} />}
    </Stack>
  );
}

/** Credit (an amount per line) or rejection (a reason). */
function FinishModal({ order, kind, onClose, onDone }: { order: FactoryReturnDetail; kind: 'credit' | 'reject'; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [credits, setCredits] = useState<Record<number, string>>({});
  const [reason, setReason] = useState('');
  const s = useSubmit();
  const save = async () => {
    const base = { id: order.id, version: order.version };
    const r = kind === 'credit'
      ? await s.submit(() => call('factoryReturns.move', { ...base, move: 'credit', credits: order.lines.map((l) => ({ lineId: l.id, creditFen: toFen(credits[l.id] ?? '0') })) }))
      : await s.submit(() => call('factoryReturns.move', { ...base, move: 'reject', reason }));
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={t(kind === 'credit' ? 'ui.factory.creditTitle' : 'ui.factory.rejectTitle', { number: order.number })}>
      <Stack>
        {kind === 'credit'
          ? order.lines.map((l, i) => (
              <TextInput key={l.id} label={`${l.name} × ${l.quantity} · ${t('ui.factory.creditYuan')}`} inputMode="decimal" value={credits[l.id] ?? ''}
                onChange={(e) => setCredits({ ...credits, [l.id]: e.currentTarget.value })} data-testid={`credit-line-${i}`} />
            ))
          : <TextInput label={t('ui.factory.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={s.errors.reason} data-testid="reject-reason" />}
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Group justify="flex-end"><Button loading={s.busy} onClick={() => void save()} data-testid="finish-save">{t('ui.factory.save')}</Button></Group>
      </Stack>
    </Modal>
  );
}
