import { useState } from 'react';
import { Group, Radio, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { followUpAttemptInput, moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { wallToIso } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { ActionModal } from './ActionModal';
import { FollowUpHistory } from './FollowUpHistory';
import { satisfactionOptions, type Satisfaction } from './satisfaction-options';
import { useActionRunner } from './use-action-runner';
import { DateField } from '../../components/DateField';

type Outcome = 'reached' | 'noAnswer' | 'rescheduled';
const OUTCOMES: Outcome[] = ['reached', 'noAnswer', 'rescheduled'];

/**
 * The follow-up call (seed 001): first how the call went — reached, no answer (未接通) or another time
 * (改约) — then, when reached, its three questions; "not solved" sends the ticket back to diagnosis.
 * Nothing is chosen for the clerk (issue 21): each answer must be picked before saving.
 */
export function FollowUpForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const runner = useActionRunner(onDone);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [solved, setSolved] = useState<string | null>(null);
  const [attitude, setAttitude] = useState<string | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [nextAt, setNextAt] = useState('');
  const [notes, setNotes] = useState('');
  // After the first try to save, each question still unanswered says so; answering it clears its words.
  const [tried, setTried] = useState(false);
  const choose = (name: string) => (unanswered.has(name) ? t('ui.lifecycle.followUp.choose') : undefined);
  const yesNo = (testId: string) => (
    <Group gap="lg" mt={4} data-testid={testId}>
      <Radio value="yes" label={t('ui.common.yes')} />
      <Radio value="no" label={t('ui.common.no')} />
    </Group>
  );

  function unansweredNow(): Set<string> {
    const missing = new Set<string>();
    if (outcome === null) missing.add('outcome');
    if (outcome === 'reached' && solved === null) missing.add('solved');
    if (outcome === 'reached' && solved === 'yes') {
      if (attitude === null) missing.add('attitude');
      if (satisfaction === null) missing.add('satisfaction');
    }
    return missing;
  }

  const unanswered = tried ? unansweredNow() : new Set<string>();

  function submit() {
    setTried(true);
    if (unansweredNow().size > 0) return;
    const target = { id: ticket.id, version: ticket.version };
    if (outcome === 'noAnswer' || outcome === 'rescheduled') {
      const input = { ...target, outcome, nextAt: outcome === 'rescheduled' && nextAt ? wallToIso(nextAt, timeZone) : null, note: notes };
      void runner.run(followUpAttemptInput, input, (i) => call('tickets.followUpAttempt', i), t('ui.lifecycle.followUp.attemptSaved'));
      return;
    }
    const input =
      solved === 'yes'
        ? { ...target, move: 'followUpSolved' as const, attitudeOk: attitude === 'yes', satisfaction: satisfaction!, notes }
        : { ...target, move: 'followUpUnsolved' as const, reason: notes };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t(`ui.lifecycle.move.${input.move}`));
  }

  const error = runner.error ?? (unanswered.size > 0 ? t('ui.lifecycle.followUp.answerAll') : null);
  return (
    <ActionModal title={t('ui.lifecycle.move.followUpSolved')} testId="follow-up-form" size="lg" busy={runner.busy} error={error} onSubmit={submit} onClose={onClose}>
      <FollowUpHistory attempts={ticket.progress.followUpAttempts} />
      <Radio.Group label={t('ui.lifecycle.followUp.outcome')} value={outcome} onChange={(v) => setOutcome(v as Outcome)} error={choose('outcome')}>
        <Group gap="lg" mt={4} data-testid="follow-up-outcome">
          {OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={t(`ui.lifecycle.followUp.outcomes.${o}`)} />
          ))}
        </Group>
      </Radio.Group>
      {outcome === 'reached' && (
        <Radio.Group label={t('ui.lifecycle.followUp.solved')} value={solved} onChange={setSolved} error={choose('solved')}>
          {yesNo('follow-up-solved')}
        </Radio.Group>
      )}
      {outcome === 'reached' && solved === 'yes' && (
        <>
          <Radio.Group label={t('ui.lifecycle.followUp.attitude')} value={attitude} onChange={setAttitude} error={choose('attitude')}>
            {yesNo('follow-up-attitude')}
          </Radio.Group>
          <Radio.Group label={t('ui.lifecycle.followUp.satisfied')} value={satisfaction} onChange={(v) => setSatisfaction(v as Satisfaction)} error={choose('satisfaction')}>
            <Group gap="lg" mt={4} data-testid="follow-up-satisfaction">
              {satisfactionOptions(t).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
        </>
      )}
      {outcome === 'rescheduled' && (
        <DateField withTime w={260} label={t('ui.lifecycle.followUp.nextAt')} required value={nextAt} onChange={setNextAt} error={runner.fields.nextAt} data-testid="follow-up-next-at" />
      )}
      <Textarea
        label={outcome === 'reached' ? (solved === 'no' ? t('ui.lifecycle.followUp.unsolvedReason') : t('ui.lifecycle.followUp.notes')) : t('ui.lifecycle.followUp.attemptNote')}
        required={outcome === 'reached' && solved === 'no'}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={runner.fields.notes ?? runner.fields.reason ?? runner.fields.note}
        autosize
        minRows={2}
        data-testid="follow-up-notes"
      />
    </ActionModal>
  );
}
