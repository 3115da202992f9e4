import { useState } from 'react';
import { SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { correctLabourInput, logLabourInput } from '../../../../shared/api/labour.schema';
import { labourEntry, type LabourVisit } from '../../../../shared/domain/labour';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { localDate } from '../../../../shared/domain/time';
import { call } from '../../api/call';
import { deskNow } from '../../api/desk-clock';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { useDuration } from './duration';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { readClock } from '../../components/date-text';
import { isoToWall } from '../../components/format-time';

type Mode = 'times' | 'minutes';

/**
 * One visit's labour time: the day, then start and finish, or the minutes; the minutes show as they are typed.
 * Given a logged `visit`, the form corrects it.
 */
export function LabourForm({ ticket, visit, onClose, onDone }: { ticket: TicketDetail; visit?: LabourVisit; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const runner = useActionRunner(onDone);
  const duration = useDuration();
  const staff = user.role !== 'engineer';
  const engineers = useApi('users.engineers', {}, staff);
  const [mode, setMode] = useState<Mode>(visit && !visit.startedAt ? 'minutes' : 'times');
  const clock = (iso: string | null | undefined) => (iso ? isoToWall(iso, timeZone).slice(11) : '');
  const [form, setForm] = useState(() =>
    visit
      ? { engineerId: String(visit.engineer.id), workedOn: visit.workedOn, start: clock(visit.startedAt), finish: clock(visit.finishedAt), minutes: visit.startedAt ? '' : String(visit.minutes), note: visit.note }
      : { engineerId: String(ticket.progress.assignedTo?.id ?? ''), workedOn: localDate(deskNow(), timeZone), start: '', finish: '', minutes: '', note: '' },
  );
  const patch = (next: Partial<typeof form>) => setForm((f) => ({ ...f, ...next }));
  const e = runner.fields;

  const input = {
    ticketId: ticket.id,
    engineerId: staff && form.engineerId ? Number(form.engineerId) : null,
    workedOn: form.workedOn,
    start: mode === 'times' && form.start.trim() ? readClock(form.start) : null,
    finish: mode === 'times' && form.finish.trim() ? readClock(form.finish) : null,
    minutes: mode === 'minutes' && form.minutes.trim() ? Number(form.minutes) : null,
    note: form.note,
  };
  const preview = /^\d{4}-\d{2}-\d{2}$/.test(form.workedOn) && [input.start, input.finish].every((x) => x === null || /^\d{2}:\d{2}$/.test(x)) ? labourEntry(input, deskNow(), timeZone) : null;
  const options = staff ? (engineers.data ?? []).map((x) => ({ value: String(x.id), label: x.displayName })) : [{ value: String(user.id), label: user.displayName }];

  function submit() {
    if (!visit) return void runner.run(logLabourInput, input, (i) => call('tickets.logLabour', i), t('ui.labour.logged'));
    const { ticketId: _ticket, ...fields } = input;
    void runner.run(correctLabourInput, { id: visit.id, version: visit.version, ...fields }, (i) => call('tickets.correctLabour', i), t('ui.labour.corrected'));
  }

  return (
    <ActionModal title={visit ? t('ui.labour.edit') : t('ui.labour.add')} testId="labour-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <SimpleGrid cols={2} spacing="xs">
        <Select label={t('ui.labour.engineer')} data={options} value={staff ? form.engineerId || null : String(user.id)} onChange={(v) => patch({ engineerId: v ?? '' })} disabled={!staff} error={e.engineerId} allowDeselect={false} data-testid="labour-engineer" />
        <DateField label={t('ui.labour.day')} value={form.workedOn} onChange={(value) => patch({ workedOn: value })} error={e.workedOn} data-autofocus data-testid="labour-day" />
      </SimpleGrid>
      <SegmentedControl value={mode} onChange={(v) => setMode(v as Mode)} data={(['times', 'minutes'] as const).map((m) => ({ value: m, label: t(`ui.labour.mode.${m}`) }))} data-testid="labour-mode" data-skip-enter />
      {mode === 'times' ? (
        <SimpleGrid cols={2} spacing="xs">
          <TimeField label={t('ui.labour.start')} placeholder="09:00" value={form.start} onChange={(start) => patch({ start })} error={e.start} data-testid="labour-start" />
          <TimeField label={t('ui.labour.finish')} placeholder="10:30" value={form.finish} onChange={(finish) => patch({ finish })} error={e.finish} data-testid="labour-finish" />
        </SimpleGrid>
      ) : (
        <TextInput label={t('ui.labour.minutes')} value={form.minutes} onChange={(ev) => patch({ minutes: ev.currentTarget.value })} inputMode="numeric" w={160} error={e.minutes} data-testid="labour-minutes" />
      )}
      <TextInput label={t('ui.labour.note')} value={form.note} onChange={(ev) => patch({ note: ev.currentTarget.value })} maxLength={200} error={e.note} data-testid="labour-note" />
      {preview?.ok && (
        <Text size="sm" c="dimmed" data-testid="labour-preview">
          {t('ui.labour.preview', { duration: duration(preview.minutes) })}
        </Text>
      )}
    </ActionModal>
  );
}
