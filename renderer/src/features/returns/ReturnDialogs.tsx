/** Small dialogs on a returned device: a move (with its reason when the rule asks), "customer informed", a note. */
import { useState } from 'react';
import { Select, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { informInput, returnMoveInput, returnNoteInput } from '../../../../shared/api/returns.schema';
import { RETURN_RULES, type ReturnDetail, type ReturnMove } from '../../../../shared/domain/returns';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';

interface Props {
  rec: ReturnDetail;
  onClose: () => void;
  onDone: () => void;
}

export function MoveModal({ rec, move, onClose, onDone }: Props & { move: ReturnMove }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [reason, setReason] = useState('');
  const needsReason = RETURN_RULES[move].reason === true;
  const label = t(`ui.returns.move.${move}`);
  const submit = () => void runner.run(returnMoveInput, { id: rec.id, version: rec.version, move, reason }, (i) => call('returns.move', i), label);
  return (
    <ActionModal title={label} testId="return-move-dialog" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} submitColor={needsReason ? 'red' : undefined}>
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
      <TextInput type="date" autoFocus required label={t('ui.returns.informForm.expectedDate')} value={expectedDate} onChange={(e) => setExpectedDate(e.currentTarget.value)} error={runner.fields.expectedDate} data-testid="inform-date" />
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
