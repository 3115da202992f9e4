/**
 * The 三包 decision: one of the rights the rules offer; a supervisor may choose beyond them, with the reason that goes
 * on the timeline.
 */
import { useState } from 'react';
import { SegmentedControl, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { decideInput } from '../../../../shared/api/sanbao.schema';
import { SANBAO_RIGHTS, type SanbaoAssessment, type SanbaoRight } from '../../../../shared/domain/sanbao';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';

interface Props {
  ticketId: number;
  assessment: SanbaoAssessment;
  /** The supervisor's exception: every right, with a reason. */
  override: boolean;
  onClose: () => void;
  onDone: () => void;
}

export function SanbaoDecideForm({ ticketId, assessment, override, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const offered = assessment.decision.options;
  const choices = override ? SANBAO_RIGHTS.filter((r) => !offered.includes(r)) : offered;
  const [right, setRight] = useState<SanbaoRight>(choices[0]!);
  const [reason, setReason] = useState('');
  const input = { ticketId, right, reason: override ? reason : '' };
  const submit = () => void runner.run(decideInput, input, (i) => call('sanbao.decide', i), t('ui.sanbao.decided'));
  return (
    <ActionModal title={t('ui.sanbao.decideTitle')} testId="sanbao-decide-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Text size="sm">{t(`sanbaoRule.${assessment.decision.rule}`, assessment.decision.params)}</Text>
      <SegmentedControl
        value={right}
        onChange={(v) => setRight(v as SanbaoRight)}
        data={choices.map((r) => ({ value: r, label: t(`sanbaoRight.${r}`) }))}
        data-testid="sanbao-choice"
        data-skip-enter
      />
      {override && (
        <Textarea
          label={t('ui.sanbao.reason')}
          description={t('ui.sanbao.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          error={runner.fields.reason}
          data-autofocus
          data-testid="sanbao-reason"
        />
      )}
    </ActionModal>
  );
}
