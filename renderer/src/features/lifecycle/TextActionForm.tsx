import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactInput, escalateInput, noteInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';

export type TextAction = 'escalate' | 'contact' | 'note';

interface Props {
  ticket: TicketDetail;
  action: TextAction;
  onClose: () => void;
  onDone: () => void;
}

/** Escalation (reason required), the first contact with the customer, or a free note. */
export function TextActionForm({ ticket, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [text, setText] = useState('');
  const label = t(`ui.lifecycle.action.${action}`);
  const target = { id: ticket.id, version: ticket.version };

  function submit() {
    if (action === 'escalate') void runner.run(escalateInput, { ...target, reason: text }, (i) => call('tickets.escalate', i), label);
    else if (action === 'contact') void runner.run(contactInput, { ...target, note: text }, (i) => call('tickets.contact', i), label);
    else void runner.run(noteInput, { ...target, note: text }, (i) => call('tickets.note', i), label);
  }

  return (
    <ActionModal title={label} testId={`action-${action}`} busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Textarea
        label={action === 'escalate' ? t('ui.lifecycle.reason') : t('ui.lifecycle.note')}
        required={action !== 'contact'}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={runner.fields.reason ?? runner.fields.note}
        autosize
        minRows={3}
        data-autofocus
        data-testid="action-text"
      />
    </ActionModal>
  );
}
