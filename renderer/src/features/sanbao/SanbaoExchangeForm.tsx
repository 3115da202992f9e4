/** The exchange (the new unit's serial, scanned or typed) or the return the 三包 decision gave. */
import { useState } from 'react';
import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exchangeInput } from '../../../../shared/api/sanbao.schema';
import type { SanbaoCaseKind } from '../../../../shared/domain/sanbao';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';

export function SanbaoExchangeForm({ ticketId, kind, onClose, onDone }: { ticketId: number; kind: SanbaoCaseKind; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [newSerial, setNewSerial] = useState('');
  const input = kind === 'exchange' ? { ticketId, kind, newSerial } : { ticketId, kind };
  const submit = () => void runner.run(exchangeInput, input, (i) => call('sanbao.exchange', i), t(kind === 'exchange' ? 'ui.sanbao.exchanged' : 'ui.sanbao.returned'));
  return (
    <ActionModal title={t(kind === 'exchange' ? 'ui.sanbao.exchangeTitle' : 'ui.sanbao.returnTitle')} testId="sanbao-exchange-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} submitColor="orange">
      <Text size="sm">{t(kind === 'exchange' ? 'ui.sanbao.exchangeHint' : 'ui.sanbao.returnHint')}</Text>
      {kind === 'exchange' && (
        <TextInput label={t('ui.sanbao.newSerial')} value={newSerial} onChange={(e) => setNewSerial(e.currentTarget.value)} error={runner.fields.newSerial} data-autofocus data-testid="sanbao-new-serial" />
      )}
    </ActionModal>
  );
}
