import { useState } from 'react';
import { Alert, Anchor, Button, Center, Grid, Group, Loader, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { RepeatBadge } from '../../components/RepeatBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { CustomerHistoryPanel } from '../history/CustomerHistoryPanel';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { useSession } from '../auth/session-context';
import { TicketEditForm } from './TicketEditForm';
import { EditingBadge } from '../lan/EditingBadge';
import { useEditingPresence } from '../lan/use-presence';
import { TicketFacts } from './TicketFacts';
import { TicketTimeline } from './TicketTimeline';
import { DeadlinePanel } from '../lifecycle/DeadlinePanel';
import { NextStepPanel } from '../lifecycle/NextStepPanel';
import { ProgressFacts } from '../lifecycle/ProgressFacts';
import { ServiceRecordSection } from '../lifecycle/ServiceRecordSection';
import { LabourSection } from '../labour/LabourSection';
import { SanbaoSection } from '../sanbao/SanbaoSection';
import { TicketLoansSection } from '../factory/TicketLoansSection';
import { TicketKnowledgePanel } from '../knowledge/TicketKnowledgePanel';
import { ChecklistSection } from '../maintenance/ChecklistSection';
import { TicketFeesSection } from '../fees/TicketFeesSection';
import { suggestsCheckIn } from '../lifecycle/next-steps';
import { TicketReturnsSection } from '../returns/TicketReturnsSection';
import { PrintPreviewModal } from '../printing/PrintPreviewModal';
import { TicketMessages } from '../messaging/TicketMessages';

const DESK_ROLES = ['clerk', 'supervisor', 'admin'];

export default function TicketDetailPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = Number(useParams().id);
  const ticket = useApi('tickets.get', { id }, Number.isInteger(id) && id > 0);
  const returns = useApi('returns.list', { ticketId: id, pageSize: 50 }, Number.isInteger(id) && id > 0);
  const [editing, setEditing] = useState(false);
  const [printing, setPrinting] = useState(false);
  useEditingPresence(id, editing);
  useChangeEvents(() => {
    if (editing) return;
    ticket.reload();
    returns.reload();
  });

  if (ticket.error) return <Alert color="red">{ticket.error.message}</Alert>;
  const d = ticket.data;
  if (!d)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  const returnRows = returns.data?.rows ?? [];
  const ticketOpen = d.status !== 'closed' && d.status !== 'cancelled';
  return (
    <Stack gap="sm" maw={1200}>
      <EditingBadge ticketId={id} />
      <Anchor component={Link} to="/tickets" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.detail.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3} data-testid="detail-number">
            {t('ui.detail.title', { number: d.number })}
          </Title>
          <UrgencyBadge urgency={d.urgency} />
          <StatusBadge status={d.status} />
          {d.isRepeat && <RepeatBadge />}
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconPrinter size={16} />} variant="light" onClick={() => setPrinting(true)} data-testid="print-acceptance">
            {t('ui.print.acceptance')}
          </Button>
          {!editing && ticketOpen && DESK_ROLES.includes(user.role) && (
            <Button leftSection={<IconEdit size={16} />} variant="light" onClick={() => setEditing(true)} data-testid="edit-ticket">
              {t('ui.common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {!editing && (
            <Stack gap="sm" mb="sm">
              <NextStepPanel ticket={d} onChanged={ticket.reload} suggestCheckIn={returns.data !== null && suggestsCheckIn(d, returnRows)} />
            </Stack>
          )}
          {/* What the clerk reads first (customer, device, fault) comes first; the work recorded so far follows. */}
          {editing ? (
            <TicketEditForm
              ticket={d}
              onSaved={() => {
                setEditing(false);
                ticket.reload();
              }}
              onCancel={() => setEditing(false)}
              onReload={() => {
                setEditing(false);
                ticket.reload();
              }}
            />
          ) : (
            <Stack gap="sm">
              <TicketFacts ticket={d} />
              <CustomerHistoryPanel customerId={d.customer.id} deviceId={d.device?.id ?? null} exceptTicketId={d.id} />
              <SanbaoSection ticket={d} />
              <ProgressFacts ticket={d} />
              <ServiceRecordSection ticket={d} onChanged={ticket.reload} />
              <LabourSection ticket={d} onChanged={ticket.reload} />
              <ChecklistSection ticket={d} onChanged={ticket.reload} />
              <TicketReturnsSection ticketId={d.id} rows={returnRows} canCheckIn={ticketOpen} />
              <TicketLoansSection ticket={d} onChanged={ticket.reload} />
              <TicketFeesSection ticket={d} />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <DeadlinePanel ticket={d} />
            <TicketKnowledgePanel ticket={d} />
            <TicketMessages ticketId={d.id} />
            <TicketTimeline events={d.events} />
          </Stack>
        </Grid.Col>
      </Grid>
      {printing && <PrintPreviewModal opened request={{ document: 'ticketAcceptance', id: d.id }} onClose={() => setPrinting(false)} />}
    </Stack>
  );
}
