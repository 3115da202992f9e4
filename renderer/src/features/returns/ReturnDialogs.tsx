/**
 * Small dialogs on a returned device: a move (with its reason when the rule asks; 客户同意报价 with how the customer
 * agreed while the ticket's quote waits for it), "customer informed", a note.
 */
import { useState } from 'react';
import { Alert, Select, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { informInput, returnMoveInput, returnNoteInput } from '../../../../shared/api/returns.schema';
import { CONSENT_CHANNELS } from '../../../../shared/api/lifecycle.schema';
import { formatMoney } from '../../../../shared/domain/money';
import { RETURN_RULES, type ReturnDetail, type ReturnMove } from '../../../../shared/domain/returns';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { SignaturePad } from '../lifecycle/SignaturePad';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { carrying } from './ticket-carried';
import { DateField } from '../../components/DateField';

type Channel = (typeof CONSENT_CHANNELS)[number];

interface Props {
  rec: ReturnDetail;
  onClose: () => void;
  onDone: () => void;
}

export function MoveModal({ rec, move, onClose, onDone }: Props & { move: ReturnMove }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [reason, setReason] = useState('');
  const [channel, setChannel] = useState<Channel>('phone');
  const [signature, setSignature] = useState<string | null>(null);
  const needsReason = RETURN_RULES[move].reason === true;
  const quote = move === 'quoteApproved' ? rec.ticketLink.pendingQuote : null;
  const label = t(`ui.returns.move.${move}`);
  const consent = quote ? { channel, signature: channel === 'onsite' ? signature : null, note: reason } : null;
  const submit = () =>
    void runner.run(returnMoveInput, { id: rec.id, version: rec.version, move, reason, consent }, carrying(t, rec.ticketLink.status, (i) => call('returns.move', i)), label);
  return (
    <ActionModal title={label} testId="return-move-dialog" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} submitColor={needsReason ? 'red' : undefined} size={quote ? 'lg' : undefined}>
      {quote && (
        <>
          <Alert color="blue" p="xs" data-testid="return-consent-quote">
            {t('ui.returns.consentForm.pending', { amount: formatMoney(quote.totalFen) })}
          </Alert>
          <Select
            label={t('ui.fees.ticket.consentChannel')}
            data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`ui.lifecycle.consent.channels.${c}`) }))}
            value={channel}
            allowDeselect={false}
            onChange={(v) => v && setChannel(v as Channel)}
            error={runner.fields.consent}
            data-testid="return-consent-channel"
          />
          {channel === 'onsite' && <SignaturePad value={signature} onChange={setSignature} error={runner.fields['consent.signature'] ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.fees.ticket.signatureHint')} />}
        </>
      )}
      <Textarea
        autoFocus
        label={move === 'scrap' ? t('ui.returns.detail.reasonScrap') : t('ui.returns.detail.reason')}
        required={needsReason}
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={runner.fields.reason}
        data-testid="return-move-reason"
      />
    </ActionModal>
  );
}

const CHANNELS = ['phone', 'sms', 'wechat', 'email', 'onsite'] as const;

export function InformModal({ rec, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [expectedDate, setExpectedDate] = useState(rec.expectedDate ?? '');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('phone');
  const [note, setNote] = useState('');
  const label = t('ui.returns.detail.inform');
  const submit = () => void runner.run(informInput, { id: rec.id, version: rec.version, expectedDate, channel, note }, (i) => call('returns.inform', i), label);
  return (
    <ActionModal title={label} testId="return-inform-dialog" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <DateField autoFocus required label={t('ui.returns.informForm.expectedDate')} value={expectedDate} onChange={setExpectedDate} error={runner.fields.expectedDate} data-testid="inform-date" />
      <Select
        label={t('ui.returns.informForm.channel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`ui.returns.informForm.channels.${c}`) }))}
        value={channel}
        onChange={(v) => v && setChannel(v as (typeof CHANNELS)[number])}
        allowDeselect={false}
        data-testid="inform-channel"
      />
      <TextInput label={t('ui.returns.informForm.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} data-testid="inform-note" />
    </ActionModal>
  );
}

export function NoteModal({ rec, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [note, setNote] = useState('');
  const label = t('ui.returns.detail.note');
  const submit = () => void runner.run(returnNoteInput, { id: rec.id, version: rec.version, note }, (i) => call('returns.note', i), label);
  return (
    <ActionModal title={label} testId="return-note-dialog" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Textarea autoFocus required autosize minRows={3} label={t('ui.returns.informForm.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} data-testid="return-note-text" />
    </ActionModal>
  );
}
