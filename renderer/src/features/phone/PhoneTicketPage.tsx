/**
 * One ticket on the phone, top to bottom as the visit goes: who and where (tap to call), contact the
 * customer, start service, the service record with parts, photos, finish service (labour) and the
 * customer's acceptance with a drawn signature.
 */
import { Alert, Anchor, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { StatusBadge } from '../../components/StatusBadge';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { DeadlineText } from '../lifecycle/DeadlineText';
import { CallButton } from './CallButton';
import { PhoneAcceptance } from './PhoneAcceptance';
import { PhoneContact } from './PhoneContact';
import { PhoneFinish } from './PhoneFinish';
import { PhonePhotos } from './PhonePhotos';
import { PhoneRecord } from './PhoneRecord';
import { PhoneSection } from './PhoneSection';
import { PhoneService } from './PhoneService';

export function PhoneTicketPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const ticket = useApi('tickets.get', { id }, Number.isInteger(id) && id > 0);
  useChangeEvents(ticket.reload);
  const d = ticket.data;
  const atWork = d?.status === 'dispatched' || d?.status === 'in_service';

  return (
    <Stack gap="sm" data-testid="phone-ticket-page">
      <Anchor component={Link} to="/m" style={{ display: 'flex', alignItems: 'center', gap: 4, minHeight: 44 }} data-testid="phone-back">
        <IconArrowLeft size={18} />
        {t('ui.phone.back')}
      </Anchor>
      {ticket.error && <Alert color="red">{ticket.error.message}</Alert>}
      {!d && !ticket.error && (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      )}
      {d && (
        <>
          <Facts ticket={d} />
          {d.status === 'accepted' && (
            <Alert color="teal" data-testid="phone-accepted">
              {t('ui.phone.status.accepted')}
            </Alert>
          )}
          {!atWork && d.status !== 'accepted' && <Alert color="gray">{t('ui.phone.status.other')}</Alert>}
          {atWork && <PhoneContact ticket={d} onChanged={ticket.reload} />}
          {atWork && <PhoneService ticket={d} onChanged={ticket.reload} />}
          {d.status === 'in_service' && <PhoneRecord ticket={d} onChanged={ticket.reload} />}
          {(atWork || d.status === 'accepted') && <PhonePhotos ticket={d} onChanged={ticket.reload} />}
          {d.status === 'in_service' && <PhoneFinish ticket={d} onChanged={ticket.reload} />}
          {d.progress.moves.includes('accept') && <PhoneAcceptance ticket={d} onChanged={ticket.reload} />}
        </>
      )}
    </Stack>
  );
}

function Facts({ ticket: d }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const device = [d.model?.code, d.model?.name, d.serial].filter(Boolean).join(' · ');
  const line = (label: string, value: string, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid={testId}>
        {value || '—'}
      </Text>
    </div>
  );
  return (
    <PhoneSection title={d.customer.name} testId="phone-facts">
      <Group justify="space-between" gap="xs">
        <Text ff="monospace" fw={600} size="sm" data-testid="phone-number">
          {d.number}
        </Text>
        <Group gap={4} wrap="nowrap">
          <UrgencyBadge urgency={d.urgency} />
          <StatusBadge status={d.status} />
        </Group>
      </Group>
      {line(t('ui.phone.address'), d.progress.visitAddress, 'phone-address')}
      {line(t('ui.phone.contactName'), `${d.contactName} ${d.contactPhone}`)}
      <CallButton phone={d.contactPhone} />
      {line(t('ui.phone.device'), device)}
      {line(t('ui.phone.fault'), d.faultDescription)}
      <div>
        <Text size="xs" c="dimmed">
          {t('ui.phone.due')}
        </Text>
        <DeadlineText dueAt={d.resolveDueAt} doneAt={d.progress.resolvedAt} />
      </div>
    </PhoneSection>
  );
}
