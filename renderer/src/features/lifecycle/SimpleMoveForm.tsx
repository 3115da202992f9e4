import { useState } from 'react';
import { Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';

/** Moves that need a written reason, and moves that only ask for confirmation. */
export const REASON_MOVES = ['rejectPlan', 'failAcceptance', 'followUpUnsolved', 'cancel', 'reopen'] as const;
export const CONFIRM_MOVES = ['approvePlan', 'startService', 'archive'] as const;
export type SimpleMove = (typeof REASON_MOVES)[number] | (typeof CONFIRM_MOVES)[number] | 'startDiagnosis';

interface Props {
  ticket: TicketDetail;
  move: SimpleMove;
  onClose: () => void;
  onDone: () => void;
}

/** A move with at most one text: the remote guidance, a required reason, or just a confirmation. */
export function SimpleMoveForm({ ticket, move, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [text, setText] = useState(ticket.progress.remoteGuidance);
  const needsReason = (REASON_MOVES as readonly string[]).includes(move);
  const label = t(`ui.lifecycle.move.${move}`);

  function submit() {
    const extra = move === 'startDiagnosis' ? { remoteGuidance: text } : needsReason ? { reason: text } : {};
    const input = { id: ticket.id, version: ticket.version, move, ...extra } as InputOf<'tickets.move'>;
    void runner.run(moveInput, input, (i) => call('tickets.move', i), label);
  }

  return (
    <ActionModal title={label} testId={`move-${move}`} busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} submitColor={move === 'cancel' || move === 'rejectPlan' ? 'red' : undefined}>
      {(CONFIRM_MOVES as readonly string[]).includes(move) && <Text size="sm">{t(`ui.lifecycle.confirm.${move}`)}</Text>}
      {move === 'startDiagnosis' && (
        <Textarea label={t('ui.lifecycle.plan.remoteGuidance')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={runner.fields.remoteGuidance} autosize minRows={3} data-autofocus data-testid="move-text" />
      )}
      {needsReason && (
        <Textarea label={t('ui.lifecycle.reason')} required value={text} onChange={(e) => setText(e.currentTarget.value)} error={runner.fields.reason} autosize minRows={3} data-autofocus data-testid="move-text" />
      )}
    </ActionModal>
  );
}
