import { useState } from 'react';
import { Select, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { consentInput, CONSENT_CHANNELS } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { SignaturePad } from './SignaturePad';
import { useActionRunner } from './use-action-runner';

type Channel = (typeof CONSENT_CHANNELS)[number];

/** The customer's consent to an approved plan: how it was given, with a drawn signature when on site. */
export function ConsentForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [channel, setChannel] = useState<Channel>('onsite');
  const [signature, setSignature] = useState<string | null>(null);
  const [note, setNote] = useState('');

  function submit() {
    const input = { id: ticket.id, version: ticket.version, channel, signature: channel === 'onsite' ? signature : null, note };
    void runner.run(consentInput, input, (i) => call('tickets.consent', i), t('ui.lifecycle.action.consent'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.action.consent')} testId="consent-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Select
        label={t('ui.lifecycle.consent.channel')}
        data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`ui.lifecycle.consent.channels.${c}`) }))}
        value={channel}
        allowDeselect={false}
        onChange={(v) => v && setChannel(v as Channel)}
        data-autofocus
        data-testid="consent-channel"
      />
      {channel === 'onsite' && <SignaturePad value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.lifecycle.consent.signatureHint')} />}
      <Textarea label={t('ui.lifecycle.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} autosize minRows={1} data-testid="consent-note" />
    </ActionModal>
  );
}
