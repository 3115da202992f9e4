import { useState } from 'react';
import { Group, Input, Radio, SegmentedControl, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { ActionModal } from './ActionModal';
import { satisfactionOptions, type Satisfaction } from './satisfaction-options';
import { useActionRunner } from './use-action-runner';

/** The follow-up call's three questions (seed 001); "not solved" sends the ticket back to diagnosis. */
export function FollowUpForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [solved, setSolved] = useState('yes');
  const [attitude, setAttitude] = useState('yes');
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [notes, setNotes] = useState('');
  const yesNo = (testId: string) => (
    <Group gap="lg" mt={4} data-testid={testId}>
      <Radio value="yes" label={t('ui.common.yes')} />
      <Radio value="no" label={t('ui.common.no')} />
    </Group>
  );

  function submit() {
    const target = { id: ticket.id, version: ticket.version };
    const input = solved === 'yes' ? { ...target, move: 'followUpSolved' as const, attitudeOk: attitude === 'yes', satisfaction, notes } : { ...target, move: 'followUpUnsolved' as const, reason: notes };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t(`ui.lifecycle.move.${input.move}`));
  }

  return (
    <ActionModal title={t('ui.lifecycle.move.followUpSolved')} testId="follow-up-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Radio.Group label={t('ui.lifecycle.followUp.solved')} value={solved} onChange={setSolved}>
        {yesNo('follow-up-solved')}
      </Radio.Group>
      {solved === 'yes' && (
        <>
          <Radio.Group label={t('ui.lifecycle.followUp.attitude')} value={attitude} onChange={setAttitude}>
            {yesNo('follow-up-attitude')}
          </Radio.Group>
          <Input.Wrapper label={t('ui.lifecycle.followUp.satisfied')}>
            <SegmentedControl fullWidth data={satisfactionOptions(t)} value={satisfaction} onChange={(v) => setSatisfaction(v as Satisfaction)} data-testid="follow-up-satisfaction" />
          </Input.Wrapper>
        </>
      )}
      <Textarea
        label={solved === 'yes' ? t('ui.lifecycle.followUp.notes') : t('ui.lifecycle.followUp.unsolvedReason')}
        required={solved === 'no'}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={runner.fields.notes ?? runner.fields.reason}
        autosize
        minRows={2}
        data-testid="follow-up-notes"
      />
    </ActionModal>
  );
}
