import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stockMoveInput } from '../../../../shared/api/parts.schema';
import { MANUAL_KINDS, STOCK_KEEPERS, mayMove, type ManualKind, type Part } from '../../../../shared/domain/parts';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { useSession } from '../auth/session-context';
import { QUANTITY_INPUT, quantityText } from '../../components/quantity';

const NEEDS_TICKET: ManualKind[] = ['return', 'recover'];

/** One stock movement: receive, return unused, recover an old part, scrap, or a stock-take adjustment. */
export function StockMoveModal({ part, onClose, onDone }: { part: Part; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const kinds = MANUAL_KINDS.filter((k) => mayMove(user.role, k));
  const keeper = STOCK_KEEPERS.includes(user.role);
  const [kind, setKind] = useState<ManualKind>(kinds[0] ?? 'return');
  const [quantity, setQuantity] = useState<number>(1);
  const [serial, setSerial] = useState('');
  const [ticketNumber, setTicketNumber] = useState('');
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    let ticketId: number | null = null;
    if (NEEDS_TICKET.includes(kind) && ticketNumber.trim()) {
      const found = await call('tickets.get', { number: ticketNumber.trim() });
      if (!found.ok) {
        setErrors({ ticketId: t('ui.parts.ticketNotFound') });
        return;
      }
      ticketId = found.value.id;
    }
    const input = { partId: part.id, kind, quantity, serial, ticketId, reason, override };
    const problems = checkInput(stockMoveInput, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = await call('stock.move', input);
    setBusy(false);
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Modal opened onClose={onClose} title={t('ui.parts.moveTitle', { partNo: part.partNo, name: part.name })}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="stock-move-form">
        <Text size="sm" data-testid="stock-move-onhand">{t('ui.parts.onHandNow', { n: quantityText(t, part.onHand, part.unit) })}</Text>
        <Select label={t('ui.parts.kind')} data={kinds.map((k) => ({ value: k, label: t(`stockKind.${k}`) }))} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as ManualKind)} data-testid="stock-move-kind" />
        <NumberInput
          label={kind === 'adjust' ? t('ui.parts.adjustQuantity') : t('ui.parts.quantity')}
          description={kind === 'adjust' ? t('ui.parts.adjustHint') : undefined}
          {...QUANTITY_INPUT}
          rightSection={t(`partUnit.${part.unit}`)}
          value={quantity}
          onChange={(v) => setQuantity(Number(v) || 0)}
          error={errors.quantity}
          data-autofocus
          data-testid="stock-move-quantity"
        />
        {part.serialTracked && <TextInput label={t('ui.parts.serial')} required value={serial} onChange={(e) => setSerial(e.currentTarget.value)} error={errors.serial} data-testid="stock-move-serial" />}
        {NEEDS_TICKET.includes(kind) && <TextInput label={t('ui.parts.ticketNumber')} required value={ticketNumber} onChange={(e) => setTicketNumber(e.currentTarget.value)} error={errors.ticketId} data-testid="stock-move-ticket" />}
        <Textarea label={t('ui.parts.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} autosize minRows={2} data-testid="stock-move-reason" />
        {keeper && <Checkbox label={t('ui.parts.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} data-testid="stock-move-override" />}
        {message && <Alert color="red" role="alert" data-testid="stock-move-error">{message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('ui.common.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} data-testid="stock-move-save">{t('ui.common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
