/** The exchange (the new unit's serial, scanned or typed) or the return the 三包 decision gave, with the return's refund. */
import { useState } from 'react';
import { Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exchangeInput } from '../../../../shared/api/sanbao.schema';
import { parseYuan } from '../../../../shared/domain/money';
import { REFUND_METHODS, type RefundMethod, type SanbaoCaseKind } from '../../../../shared/domain/sanbao';
import { call } from '../../api/call';
import { enumOptions } from '../../components/enum-options';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';

export function SanbaoExchangeForm({ ticketId, kind, onClose, onDone }: { ticketId: number; kind: SanbaoCaseKind; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [newSerial, setNewSerial] = useState('');
  const [paid, setPaid] = useState('');
  const [refund, setRefund] = useState('');
  // The refund follows the price paid until the clerk types an amount of their own.
  const [refundTyped, setRefundTyped] = useState(false);
  const [method, setMethod] = useState<RefundMethod>('original');
  const paidFen = paid.trim() ? parseYuan(paid) : null;
  const input = kind === 'exchange'
    ? { ticketId, kind, newSerial }
    : { ticketId, kind, paidFen: paidFen ?? (paid.trim() ? -1 : null), refundFen: parseYuan(refund) ?? 0, refundMethod: method };
  const submit = () => void runner.run(exchangeInput, input, (i) => call('sanbao.exchange', i), t(kind === 'exchange' ? 'ui.sanbao.exchanged' : 'ui.sanbao.returned'));
  return (
    <ActionModal title={t(kind === 'exchange' ? 'ui.sanbao.exchangeTitle' : 'ui.sanbao.returnTitle')} testId="sanbao-exchange-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} submitColor="orange">
      <Text size="sm">{t(kind === 'exchange' ? 'ui.sanbao.exchangeHint' : 'ui.sanbao.returnHint')}</Text>
      {kind === 'exchange' && (
        <TextInput label={t('ui.sanbao.newSerial')} value={newSerial} onChange={(e) => setNewSerial(e.currentTarget.value)} error={runner.fields.newSerial} data-autofocus data-testid="sanbao-new-serial" />
      )}
      {kind === 'return' && (
        <>
          <TextInput
            label={t('ui.sanbao.pricePaid')} description={t('ui.sanbao.pricePaidHint')} inputMode="decimal" value={paid} error={runner.fields.paidFen} data-autofocus data-testid="sanbao-paid"
            onChange={(e) => { const v = e.currentTarget.value; setPaid(v); if (!refundTyped) setRefund(v); }}
          />
          <TextInput
            label={t('ui.sanbao.refund')} inputMode="decimal" value={refund} error={runner.fields.refundFen} data-testid="sanbao-refund"
            onChange={(e) => { setRefund(e.currentTarget.value); setRefundTyped(true); }}
          />
          <Select
            label={t('ui.sanbao.refundMethod')} value={method} allowDeselect={false} onChange={(v) => setMethod((v ?? 'original') as RefundMethod)}
            data={enumOptions(REFUND_METHODS, 'refundMethod', t)} data-testid="sanbao-refund-method"
          />
        </>
      )}
    </ActionModal>
  );
}
