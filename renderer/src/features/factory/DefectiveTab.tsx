/** Defective stock on hand (旧件 / 不良品库): each item's serial, ticket, fault code and batch; put on a 返厂单 or scrapped by a supervisor. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DefectiveItem } from '../../../../shared/domain/factory';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { useSubmit } from './use-submit';

type Dialog = { kind: 'scrap' | 'add'; item: DefectiveItem } | null;

export function DefectiveTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const desk = user.role !== 'engineer';
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useApi('defective.list', {});
  useChangeEvents(list.reload);
  const done = () => {
    setDialog(null);
    list.reload();
  };
  return (
    <>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <Paper withBorder>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              {['name', 'serial', 'ticket', 'model', 'batch', 'faultCode', 'onHand'].map((k) => <Table.Th key={k}>{t(`ui.factory.${k}`)}</Table.Th>)}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((d) => (
              <Table.Tr key={d.id} data-testid="defective-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" color={d.kind === 'unit' ? 'grape' : 'gray'}>{t(`ui.factory.kind.${d.kind}`)}</Badge>
                    <Text size="sm">{[d.partNo, d.name].filter(Boolean).join(' ')}</Text>
                  </Group>
                  <Text size="xs" c="dimmed">{t(`ui.factory.origin.${d.origin}`)}</Text>
                </Table.Td>
                <Table.Td ff="monospace">{d.serial || '—'}</Table.Td>
                <Table.Td>{d.ticket ? <Link to={`/tickets/${d.ticket.id}`}>{d.ticket.number}</Link> : '—'}</Table.Td>
                <Table.Td>{d.modelCode || '—'}</Table.Td>
                <Table.Td ff="monospace">{d.batch || '—'}</Table.Td>
                <Table.Td>{d.faultCode || '—'}</Table.Td>
                <Table.Td ta="right">{d.onHand}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {desk && <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'add', item: d })} data-testid="defective-add">{t('ui.factory.addToReturn')}</Button>}
                    {staff && <Button size="xs" variant="subtle" color="red" onClick={() => setDialog({ kind: 'scrap', item: d })} data-testid="defective-scrap">{t('ui.factory.scrap')}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data?.length === 0 && <Text c="dimmed" p="md" ta="center">{t('ui.factory.noDefective')}</Text>}
      </Paper>
      {dialog?.kind === 'scrap' && <ScrapModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'add' && <AddToReturnModal item={dialog.item} onClose={() => setDialog(null)} onDone={done} />}
    </>
  );
}

function ScrapModal({ item, onClose, onDone }: { item: DefectiveItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState<number | string>(item.onHand);
  const [reason, setReason] = useState('');
  const s = useSubmit();
  const save = async () => {
    if (await s.submit(() => call('defective.scrap', { id: item.id, quantity: Number(quantity), reason }))) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={t('ui.factory.scrapTitle', { name: item.name })}>
      <Stack>
        <NumberInput label={t('ui.factory.quantity')} min={1} max={item.onHand} allowDecimal={false} value={quantity} onChange={setQuantity} error={s.errors.quantity} />
        <TextInput label={t('ui.factory.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={s.errors.reason} data-testid="scrap-reason" />
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Group justify="flex-end"><Button color="red" loading={s.busy} onClick={() => void save()} data-testid="scrap-save">{t('ui.factory.scrap')}</Button></Group>
      </Stack>
    </Modal>
  );
}

/** Onto a 返厂单 still open, or a new one for a supplier typed here. */
function AddToReturnModal({ item, onClose, onDone }: { item: DefectiveItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const open = useApi('factoryReturns.list', { outstandingOnly: true });
  const choices = (open.data ?? []).filter((o) => o.state === 'open');
  const [orderId, setOrderId] = useState<string | null>(null);
  const [supplier, setSupplier] = useState('');
  const [quantity, setQuantity] = useState<number | string>(item.onHand);
  const s = useSubmit();
  const save = async () => {
    const line = { defectiveId: item.id, quantity: Number(quantity) };
    const r = orderId
      ? await s.submit(() => call('factoryReturns.addLine', { id: Number(orderId), ...line }))
      : await s.submit(() => call('factoryReturns.create', { supplier, lines: [line] }));
    if (r) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={`${t('ui.factory.addToReturn')}：${item.name}`}>
      <Stack>
        <Select
          label={t('ui.factory.chooseReturn')} clearable value={orderId} onChange={setOrderId}
          data={choices.map((o) => ({ value: String(o.id), label: `${o.number} · ${o.supplier}` }))} data-testid="add-return-order"
        />
        {!orderId && <TextInput label={t('ui.factory.newReturn') + ' · ' + t('ui.factory.supplier')} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} error={s.errors.supplier} data-testid="add-return-supplier" />}
        <NumberInput label={t('ui.factory.quantity')} min={1} max={item.onHand} allowDecimal={false} value={quantity} onChange={setQuantity} error={s.errors.quantity ?? s.errors['lines.0.quantity']} />
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Group justify="flex-end"><Button loading={s.busy} onClick={() => void save()} data-testid="add-return-save">{t('ui.factory.save')}</Button></Group>
      </Stack>
    </Modal>
  );
}
