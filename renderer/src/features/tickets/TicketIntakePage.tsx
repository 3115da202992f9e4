/** 新建工单: the keyboard-first intake form, with its draft kept while the clerk types and a guard before leaving it. */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { notifications } from '@mantine/notifications';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { enumOptions } from '../../components/enum-options';
import { formatDateTime, isoToWall } from '../../components/format-time';
import { LeaveGuard } from '../../components/LeaveGuard';
import type { FieldErrors } from '../../components/translate-problems';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { useSession } from '../auth/session-context';
import { ClassificationFields } from './ClassificationFields';
import { CustomerSection } from './CustomerSection';
import { DeviceSection } from './DeviceSection';
import { FaultFields } from './FaultFields';
import { IntakeSection } from './IntakeSection';
import { TicketCreated } from './TicketCreated';
import { createInput, emptyDraft, relatedInput, type IntakeDraft } from './intake-draft';
import { RelatedTicketsAlert } from './RelatedTicketsAlert';
import { useRelatedTickets } from './use-related-tickets';
import { CustomerHistoryPanel } from '../history/CustomerHistoryPanel';
import type { RelatedTicket } from '../../../../shared/domain/related';
import { KnowledgeSuggestions } from '../knowledge/KnowledgeSuggestions';
import { deskNow } from '../../api/desk-clock';
import { intakeProblems } from './intake-check';
import { forgetIntake, loadIntake, saveIntake } from './intake-draft-store';
import { DateField } from '../../components/DateField';

/** Paths that have a field on the form; anything else is listed under the form's message. */
const PLACED = /^(duplicateReason|channel|reportedAt|receivedById|customerId|contactName|contactPhone|serial|modelId|fault\w+|alarmCodes|abnormalNoise|environment|customerTried|urgency|problemType|newCustomer\.(name|phone|address)|newDevice\.(serial|modelId|purchaseDate))$/;

function otherErrors(errors: FieldErrors): string[] {
  return Object.entries(errors)
    .filter(([path]) => !PLACED.test(path))
    .map(([path, message]) => `${path}: ${message}`);
}

/** The first field in form order that shows an error: focused and brought into view. */
function focusFirstError(form: HTMLElement | null) {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.scrollIntoView({ block: 'center' });
  first?.focus({ preventScroll: true });
}

/** Related tickets and no reason given: the reason field says so (with the form's other problems). */
function withReason(problems: FieldErrors | null, missing: string | null): FieldErrors | null {
  return missing ? { ...problems, duplicateReason: missing } : problems;
}

export default function TicketIntakePage() {
  const { t, i18n } = useTranslation();
  const { user, timeZone } = useSession();
  const fresh = () => emptyDraft(isoToWall(deskNow().toISOString(), timeZone), user.id);
  const [draft, setDraft] = useState<IntakeDraft>(fresh);
  const [customerQuery, setCustomerQuery] = useState('');
  // What an untouched form holds: anything else is a change worth a draft and a question before leaving.
  const [pristine, setPristine] = useState(() => JSON.stringify({ draft, customerQuery }));
  const [offer, setOffer] = useState(() => loadIntake(user.id));
  const formRef = useRef<HTMLDivElement>(null);
  const [errorShown, setErrorShown] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: number; number: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  // The call was noted on an existing ticket: the form is left for it without a new ticket.
  const [noted, setNoted] = useState<RelatedTicket | null>(null);
  const navigate = useNavigate();
  const { related, check: checkRelated } = useRelatedTickets(relatedInput(draft));
  const users = useApi('users.directory', {});
  const models = useApi('models.list', {});
  const patch = (p: Partial<IntakeDraft>) => setDraft((d) => ({ ...d, ...p }));
  const contactNameRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  // A picked customer or device replaces the field that had focus: carry on at the next one.
  const focusLater = (ref: { current: HTMLElement | null }) => requestAnimationFrame(() => ref.current?.focus());

  const changed = !created && !noted && JSON.stringify({ draft, customerQuery }) !== pristine;
  useEffect(() => {
    if (changed) saveIntake(user.id, { savedAt: deskNow().toISOString(), draft, customerQuery });
  }, [changed, draft, customerQuery, user.id]);
  useEffect(() => {
    if (errorShown) focusFirstError(formRef.current);
  }, [errorShown]);
  useEffect(() => {
    if (!noted) return;
    forgetIntake(user.id);
    notifications.show({ color: 'green', message: t('ui.history.related.noteSaved', { number: noted.number }) });
    void navigate(`/tickets/${noted.id}`);
  }, [noted, navigate, t, user.id]);

  function restore() {
    if (!offer) return;
    setDraft({ ...fresh(), ...offer.draft });
    setCustomerQuery(offer.customerQuery);
    setOffer(null);
    setFormKey((k) => k + 1);
  }

  function discardOffer() {
    forgetIntake(user.id);
    setOffer(null);
    setFormKey((k) => k + 1);
  }

  async function submit() {
    if (busy) return;
    setBusy(true);
    const latest = await checkRelated();
    setBusy(false);
    const input = { ...createInput(draft, timeZone), duplicateReason: latest.length ? draft.duplicateReason.trim() : '' };
    const found = intakeProblems(input);
    const problems = withReason(found && Object.fromEntries(Object.entries(found).map(([path, p]) => [path, t(p.key, p.params)])), latest.length > 0 && !input.duplicateReason ? t('ui.history.related.reasonRequired') : null);
    setErrors(problems ?? {});
    setMessage(problems ? t('ui.intake.fixErrors') : null);
    if (problems) {
      setErrorShown((n) => n + 1);
      return;
    }
    setBusy(true);
    const r = await call('tickets.create', input);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
      setErrorShown((n) => n + 1);
      return;
    }
    forgetIntake(user.id);
    setCreated(r.value);
  }

  function another() {
    const next = fresh();
    setDraft(next);
    setCustomerQuery('');
    setPristine(JSON.stringify({ draft: next, customerQuery: '' }));
    setErrors({});
    setMessage(null);
    setCreated(null);
    setFormKey((k) => k + 1);
  }

  const onKeyDown = useEnterNavigation(() => void submit());
  if (created) return <TicketCreated ticket={created} onAnother={another} />;
  return (
    <Stack gap="sm" maw={1100} key={formKey} onKeyDown={onKeyDown} data-testid="intake-form" ref={formRef}>
      <LeaveGuard when={changed} note={t('ui.intake.leaveKeepsDraft')} onDiscard={() => forgetIntake(user.id)} />
      <Group justify="space-between">
        <Title order={3}>{t('ui.intake.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('ui.intake.submitHint')}
        </Text>
      </Group>
      {offer && (
        <Alert color="yellow" py="xs" data-testid="draft-offer">
          <Group justify="space-between">
            <Text size="sm">{t('ui.intake.draftOffer', { time: formatDateTime(offer.savedAt, i18n.language, timeZone) })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={restore} autoFocus data-skip-enter data-testid="draft-restore">
                {t('ui.intake.draftRestore')}
              </Button>
              <Button size="xs" variant="default" onClick={discardOffer} data-skip-enter data-testid="draft-discard">
                {t('ui.intake.draftDiscard')}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <IntakeSection title={t('ui.intake.sectionRequest')}>
        <SimpleGrid cols={3} spacing="xs">
          <Select
            label={t('ui.intake.channel')}
            data={enumOptions(CHANNELS, 'channel', t)}
            value={draft.channel}
            onChange={(v) => v && patch({ channel: v as Channel })}
            allowDeselect={false}
            searchable
            autoFocus={!offer}
            error={errors.channel}
            data-testid="channel-select"
          />
          <DateField withTime label={t('ui.intake.reportedAt')} value={draft.reportedAt} onChange={(value) => patch({ reportedAt: value })} error={errors.reportedAt} data-testid="reported-at" />
          <Select
            label={t('ui.intake.receivedBy')}
            data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            value={draft.receivedById === null ? null : String(draft.receivedById)}
            onChange={(v) => patch({ receivedById: v === null ? null : Number(v) })}
            allowDeselect={false}
            searchable
            error={errors.receivedById}
            data-testid="received-by"
          />
        </SimpleGrid>
      </IntakeSection>
      <IntakeSection title={t('ui.intake.sectionCustomer')}>
        <CustomerSection onPicked={() => focusLater(contactNameRef)} draft={draft} errors={errors} query={customerQuery} onQuery={setCustomerQuery} patch={patch} />
        <SimpleGrid cols={2} spacing="xs" mt="xs">
          <TextInput ref={contactNameRef} label={t('ui.intake.contactName')} value={draft.contactName} placeholder={draft.newCustomer?.name} onChange={(e) => patch({ contactName: e.currentTarget.value })} error={errors.contactName} data-testid="contact-name" />
          <TextInput label={t('ui.intake.contactPhone')} value={draft.contactPhone} placeholder={draft.newCustomer?.phone} onChange={(e) => patch({ contactPhone: e.currentTarget.value })} error={errors.contactPhone} data-testid="contact-phone" />
        </SimpleGrid>
      </IntakeSection>
      {related.length > 0 && (
        <RelatedTicketsAlert
          related={related}
          faultDescription={draft.faultDescription}
          reason={draft.duplicateReason}
          reasonError={errors.duplicateReason}
          onReason={(duplicateReason) => patch({ duplicateReason })}
          onNoted={setNoted}
        />
      )}
      <CustomerHistoryPanel customerId={draft.customer?.id ?? null} deviceId={draft.device?.id ?? null} />
      <IntakeSection title={t('ui.intake.sectionDevice')}>
        <DeviceSection onPicked={() => focusLater(descriptionRef)} draft={draft} errors={errors} models={models.data ?? []} patch={patch} />
      </IntakeSection>
      <IntakeSection title={t('ui.intake.sectionFault')}>
        <FaultFields descriptionRef={descriptionRef} value={draft} errors={errors} patch={patch} />
        <KnowledgeSuggestions
          faultDescription={draft.faultDescription}
          modelId={draft.device?.modelId ?? draft.modelId}
          attached={draft.knowledgeArticles}
          onChange={(knowledgeArticles) => patch({ knowledgeArticles })}
        />
      </IntakeSection>
      <IntakeSection title={t('ui.intake.sectionClass')}>
        <ClassificationFields value={draft} errors={errors} patch={patch} />
      </IntakeSection>
      {message && (
        <Alert color="red" role="alert" data-testid="intake-error">
          {message}
          {otherErrors(errors).map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <Paper p="sm" withBorder>
        <Group justify="flex-end">
          <Button size="md" onClick={() => void submit()} loading={busy} data-testid="intake-submit">
            {t('ui.intake.submit')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
