import { useState } from 'react';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bookInput } from '../../../../shared/api/schedule.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { wallToIso } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';
import { DateField } from '../../components/DateField';

/** Books an engineer for this ticket on the schedule (engineers book themselves). */
export function BookingForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const runner = useActionRunner(onDone);
  const staff = user.role !== 'engineer';
  const engineers = useApi('users.engineers', {}, staff);
  const options = staff ? (engineers.data ?? []).map((e) => ({ value: String(e.id), label: e.displayName })) : [{ value: String(user.id), label: user.displayName }];
  const [form, setForm] = useState({ engineerId: String(ticket.progress.assignedTo?.id ?? (staff ? '' : user.id)), startsAt: '', endsAt: '', place: ticket.progress.visitAddress, note: '' });
  const patch = (next: Partial<typeof form>) => setForm((f) => ({ ...f, ...next }));
  const e = runner.fields;

  function submit() {
    const iso = (wall: string) => (wall ? wallToIso(wall, timeZone) : '');
    const input = { engineerId: Number(form.engineerId), ticketId: ticket.id, startsAt: iso(form.startsAt), endsAt: iso(form.endsAt), place: form.place, note: form.note };
    void runner.run(bookInput, input, (i) => call('schedule.book', i), t('ui.lifecycle.schedule.booked'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.action.book')} testId="booking-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Select label={t('ui.lifecycle.schedule.engineer')} data={options} value={form.engineerId || null} onChange={(v) => patch({ engineerId: v ?? '' })} error={e.engineerId} allowDeselect={false} data-autofocus data-testid="booking-engineer" />
      <SimpleGrid cols={2} spacing="xs">
        <DateField withTime label={t('ui.lifecycle.schedule.startsAt')} value={form.startsAt} onChange={(value) => patch({ startsAt: value })} error={e.startsAt} data-testid="booking-starts" />
        <DateField withTime label={t('ui.lifecycle.schedule.endsAt')} value={form.endsAt} onChange={(value) => patch({ endsAt: value })} error={e.endsAt} data-testid="booking-ends" />
      </SimpleGrid>
      <TextInput label={t('ui.lifecycle.schedule.place')} value={form.place} onChange={(ev) => patch({ place: ev.currentTarget.value })} error={e.place} data-testid="booking-place" />
      <TextInput label={t('ui.lifecycle.schedule.note')} value={form.note} onChange={(ev) => patch({ note: ev.currentTarget.value })} error={e.note} />
    </ActionModal>
  );
}
