import { useState } from 'react';
import { Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pauseInput, PAUSE_REASONS } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';

type Reason = (typeof PAUSE_REASONS)[number];

/** Stops the clock while the ticket waits for the customer or for parts. */
export function PauseForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [reason, setReason] = useState<Reason>('customer');
  const [note, setNote] = useState('');

  function submit() {
    const input = { id: ticket.id, version: ticket.version, reason, note };
    void runner.run(pauseInput, input, (i) => call('tickets.pause', i), t('ui.lifecycle.action.pause'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.action.pause')} testId="pause-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Select
        label={t('ui.lifecycle.pause.reason')}
        data={PAUSE_REASONS.map((r) => ({ value: r, label: t(`ui.lifecycle.pause.reasons.${r}`) }))}
        value={reason}
        allowDeselect={false}
        onChange={(v) => v && setReason(v as Reason)}
        data-autofocus
        data-testid="pause-reason"
      />
      <Textarea label={t('ui.lifecycle.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} autosize minRows={2} data-testid="pause-note" />
    </ActionModal>
  );
}
