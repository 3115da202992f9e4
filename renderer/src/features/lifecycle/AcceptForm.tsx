import { useState } from 'react';
import { Group, Radio, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { SignaturePad } from './SignaturePad';
import { satisfactionOptions, type Satisfaction } from './satisfaction-options';
import { useActionRunner } from './use-action-runner';

/** The customer's sign-off: satisfaction (the customer's own choice: none is preselected), comments and a drawn signature (required). */
export function AcceptForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const [comments, setComments] = useState('');
  const [signature, setSignature] = useState<string | null>(null);

  function submit() {
    setUnchosen(satisfaction === null);
    if (satisfaction === null) return;
    const input = { id: ticket.id, version: ticket.version, move: 'accept' as const, satisfaction, comments, signature: signature ?? '' };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t('ui.lifecycle.move.accept'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.move.accept')} testId="accept-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Radio.Group
        label={t('ui.lifecycle.accept.satisfaction')}
        value={satisfaction}
        onChange={(v) => {
          setSatisfaction(v as Satisfaction);
          setUnchosen(false);
        }}
        error={unchosen ? t('ui.lifecycle.accept.chooseSatisfaction') : undefined}
      >
        <Group gap="lg" mt={4} data-testid="accept-satisfaction">
          {satisfactionOptions(t).map((o) => (
            <Radio key={o.value} value={o.value} label={o.label} />
          ))}
        </Group>
      </Radio.Group>
      <Textarea label={t('ui.lifecycle.accept.comments')} value={comments} onChange={(e) => setComments(e.currentTarget.value)} error={runner.fields.comments} autosize minRows={2} data-autofocus data-testid="accept-comments" />
      <SignaturePad value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.lifecycle.consent.signatureHint')} />
    </ActionModal>
  );
}
