/** 联系客户 on the phone: after calling, the engineer records the contact (the 1-hour clock of dispatch stops). */
import { useState } from 'react';
import { Alert, Button, Text, Textarea } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contactInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { PhoneSection } from './PhoneSection';

export function PhoneContact({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const runner = useActionRunner(onChanged);
  const [note, setNote] = useState('');
  const at = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);

  if (d.progress.contactedAt)
    return (
      <PhoneSection title={t('ui.phone.contact.title')} testId="phone-contact">
        <Text size="sm" c="teal.8" data-testid="phone-contacted">
          <IconCheck size={14} /> {t('ui.phone.contact.done', { at: at(d.progress.contactedAt) })}
        </Text>
      </PhoneSection>
    );

  function submit() {
    void runner.run(contactInput, { id: d.id, version: d.version, note }, (i) => call('tickets.contact', i), t('ui.lifecycle.action.contact'));
  }

  return (
    <PhoneSection title={t('ui.phone.contact.title')} testId="phone-contact">
      {d.progress.contactDueAt && (
        <Text size="sm" c="orange.8">
          {t('ui.phone.contact.due', { at: at(d.progress.contactDueAt) })}
        </Text>
      )}
      <Textarea size="md" label={t('ui.phone.contact.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} autosize minRows={2} data-testid="phone-contact-note" />
      {runner.error && (
        <Alert color="red" role="alert">
          {runner.error}
        </Alert>
      )}
      <Button fullWidth h={48} onClick={submit} loading={runner.busy} data-testid="phone-contact-save">
        {t('ui.phone.contact.save')}
      </Button>
    </PhoneSection>
  );
}
