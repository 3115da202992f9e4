import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import { ticketUpdateInput } from '../../../../shared/api/tickets.schema';
import { CHANNELS, type Channel, type TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { enumOptions } from '../../components/enum-options';
import { isoToWall, wallToIso } from '../../components/format-time';
import { LeaveGuard } from '../../components/LeaveGuard';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { useSession } from '../auth/session-context';
import { ClassificationFields } from './ClassificationFields';
import { FaultFields } from './FaultFields';
import { IntakeSection } from './IntakeSection';
import { faultInput, type FaultDraft } from './intake-draft';
import { DateField } from '../../components/DateField';

interface Props {
  ticket: TicketDetail;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

interface EditDraft extends FaultDraft {
  channel: Channel;
  reportedAt: string;
  contactName: string;
  contactPhone: string;
  modelId: number | null;
  serial: string;
}

function draftOf(d: TicketDetail, timeZone: string): EditDraft {
  const { channel, contactName, contactPhone, faultDescription, faultWhen, faultFrequency, alarmCodes, abnormalNoise, environment, customerTried, reportedBefore, urgency, problemType, safetyRisk } = d;
  return { channel, contactName, contactPhone, faultDescription, faultWhen, faultFrequency, alarmCodes, abnormalNoise, environment, customerTried, reportedBefore, urgency, problemType, safetyRisk, reportedAt: isoToWall(d.reportedAt, timeZone), modelId: d.model?.id ?? null, serial: d.device?.serial ?? d.serial ?? '' };
}

/** Corrects the intake fields; the version read travels along so a concurrent save is a conflict. */
export function TicketEditForm({ ticket, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const models = useApi('models.list', {});
  const [draft, setDraft] = useState(() => draftOf(ticket, timeZone));
  const [read] = useState(() => JSON.stringify(draft));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const patch = (p: Partial<EditDraft>) => setDraft((d) => ({ ...d, ...p }));

  async function save() {
    const input: InputOf<'tickets.update'> = { ...faultInput(draft), id: ticket.id, version: ticket.version, channel: draft.channel, reportedAt: keptOrEdited(ticket.reportedAt, draft.reportedAt, timeZone), contactName: draft.contactName, contactPhone: draft.contactPhone, modelId: draft.modelId, serial: draft.serial.trim() };
    const problems = checkInput(ticketUpdateInput, input, t);
    setErrors(problems ?? {});
    if (problems) return setMessage({ text: t('ui.intake.fixErrors'), conflict: false });
    setBusy(true);
    const r = await call('tickets.update', input);
    setBusy(false);
    if (r.ok) return onSaved();
    setErrors(r.error.fields ?? {});
    setMessage({ text: r.error.message, conflict: r.error.code === 'CONFLICT' });
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="ticket-edit">
      <LeaveGuard when={JSON.stringify(draft) !== read} />
      <IntakeSection title={t('ui.detail.editTitle')}>
        <SimpleGrid cols={2} spacing="xs">
          <Select label={t('ui.intake.channel')} data={enumOptions(CHANNELS, 'channel', t)} value={draft.channel} onChange={(v) => v && patch({ channel: v as Channel })} allowDeselect={false} searchable autoFocus />
          <DateField withTime label={t('ui.intake.reportedAt')} value={draft.reportedAt} onChange={(value) => patch({ reportedAt: value })} error={errors.reportedAt} />
          <TextInput label={t('ui.intake.contactName')} value={draft.contactName} onChange={(e) => patch({ contactName: e.currentTarget.value })} error={errors.contactName} data-testid="edit-contact-name" />
          <TextInput label={t('ui.intake.contactPhone')} value={draft.contactPhone} onChange={(e) => patch({ contactPhone: e.currentTarget.value })} error={errors.contactPhone} />
          <Select
            label={t('ui.intake.model')}
            data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} · ${m.name}` }))}
            value={draft.modelId === null ? null : String(draft.modelId)}
            onChange={(v) => patch({ modelId: v === null ? null : Number(v) })}
            error={errors.modelId}
            searchable
            clearable
          />
          <TextInput label={t('ui.intake.serial')} value={draft.serial} onChange={(e) => patch({ serial: e.currentTarget.value })} error={errors.serial} />
        </SimpleGrid>
      </IntakeSection>
      <IntakeSection title={t('ui.intake.sectionFault')}>
        <FaultFields value={draft} errors={errors} patch={patch} />
      </IntakeSection>
      <IntakeSection title={t('ui.intake.sectionClass')}>
        <ClassificationFields value={draft} errors={errors} patch={patch} />
      </IntakeSection>
      {message && (
        <Alert color={message.conflict ? 'orange' : 'red'} role="alert" data-testid="edit-error">
          {message.text}
          {message.conflict && (
            <Button size="xs" variant="white" ml="sm" onClick={onReload} data-testid="conflict-reload">
              {t('ui.detail.conflictReload')}
            </Button>
          )}
        </Alert>
      )}
      <Paper p="sm" withBorder>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="save-ticket">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

/**
 * The form shows minutes only: an untouched field sends the stored instant back unchanged, so correcting
 * the contact name does not drop the seconds of the report time (and move its deadlines).
 */
function keptOrEdited(stored: string, wall: string, timeZone: string): string {
  return wall === isoToWall(stored, timeZone) ? stored : wallToIso(wall, timeZone);
}
