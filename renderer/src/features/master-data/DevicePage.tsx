/** The device page: model, serial, owner, purchase and warranty dates (the desk edits the record, a supervisor corrects the dates), its service history. */
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCog, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DeviceProfile, ExchangeLink } from '../../../../shared/domain/party';
import { localDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/use-api';
import { FactGrid } from '../../components/FactGrid';
import { WarrantyBadge } from '../../components/WarrantyBadge';
import { useSession } from '../auth/session-context';
import { DeviceEditModal } from './DeviceEditModal';
import { HistoryTable } from './HistoryTable';
import { WarrantyCorrectionModal } from './WarrantyCorrectionModal';
import { SectionTitle } from '../../components/SectionTitle';

export default function DevicePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = Number(useParams().id);
  const profile = useApi('devices.profile', { id });
  const [correcting, setCorrecting] = useState(false);
  const [editing, setEditing] = useState(false);
  if (profile.error) return <Alert color="red">{profile.error.message}</Alert>;
  if (!profile.data) return <Loader size="sm" />;
  const p = profile.data;
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const desk = staff || user.role === 'clerk';

  function corrected() {
    setCorrecting(false);
    profile.reload();
    notifications.show({ color: 'green', message: t('ui.masterData.device.corrected') });
  }

  function edited() {
    setEditing(false);
    profile.reload();
    notifications.show({ color: 'green', message: t('ui.masterData.device.edit.saved') });
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Title order={3} data-testid="device-title">
          {t('ui.masterData.device.title', { serial: p.device.serial })}
        </Title>
        <Group gap="xs">
          {desk && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="device-edit">
              {t('ui.masterData.device.edit.open')}
            </Button>
          )}
          {staff && (
            <Button variant="light" leftSection={<IconCalendarCog size={16} />} onClick={() => setCorrecting(true)} data-testid="warranty-correct">
              {t('ui.masterData.device.correct')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SectionTitle title={t('ui.masterData.device.facts')} />
        <DeviceFacts profile={p} />
      </Paper>
      <Paper withBorder p="sm">
        <SectionTitle title={p.ticketTotal > p.tickets.length ? t('ui.masterData.device.ticketsNewest', { total: p.ticketTotal, count: p.tickets.length }) : t('ui.masterData.device.tickets', { count: p.ticketTotal })} />
        <HistoryTable tickets={p.tickets} empty={t('ui.masterData.device.noTickets')} />
      </Paper>
      {editing && <DeviceEditModal profile={p} onClose={() => setEditing(false)} onDone={edited} />}
      {correcting && <WarrantyCorrectionModal device={p.device} onClose={() => setCorrecting(false)} onDone={corrected} />}
    </Stack>
  );
}

function DeviceFacts({ profile: p }: { profile: DeviceProfile }) {
  const { t } = useTranslation();
  const end = p.warrantyEnd
    ? p.device.warrantyEnd
      ? t('ui.masterData.device.warrantySet', { date: p.warrantyEnd })
      : t('ui.masterData.device.warrantyDerived', { date: p.warrantyEnd, months: p.model.warrantyMonths })
    : '';
  return (
    <FactGrid
      facts={[
        { label: t('ui.masterData.history.serial'), value: p.device.serial, testId: 'device-serial' },
        { label: t('ui.masterData.device.model'), value: `${p.model.code} · ${p.model.name}`, testId: 'device-model' },
        { label: t('ui.masterData.device.productLine'), value: p.model.productLine },
        {
          label: t('ui.masterData.device.owner'),
          value: p.owner ? (
            <Anchor component={Link} to={`/customers/${p.owner.id}`} size="sm" data-testid="device-owner">
              {p.owner.name} · {p.owner.phone}
            </Anchor>
          ) : (
            t('ui.masterData.device.noOwner')
          ),
        },
        { label: t('ui.masterData.device.purchaseDate'), value: p.device.purchaseDate ?? '', testId: 'device-purchase' },
        { label: t('ui.masterData.device.purchaseChannel'), value: p.device.purchaseChannel },
        { label: t('ui.masterData.device.installDate'), value: p.device.installDate ?? '' },
        { label: t('ui.masterData.device.warrantyEnd'), value: end, testId: 'device-warranty-end' },
        { label: t('ui.masterData.device.warranty'), value: <WarrantyBadge status={p.warrantyStatus} /> },
        ...(p.exchangedTo ? [{ label: t('ui.sanbao.exchangedTo'), value: <Exchange link={p.exchangedTo} />, testId: 'device-exchanged-to' }] : []),
        ...(p.exchangedFrom ? [{ label: t('ui.sanbao.exchangedFrom'), value: <Exchange link={p.exchangedFrom} />, testId: 'device-exchanged-from' }] : []),
      ]}
    />
  );
}

/** The other unit of a 三包 exchange (a link to its page), the day and the ticket. */
function Exchange({ link }: { link: ExchangeLink }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  return (
    <>
      <Anchor component={Link} to={`/devices/${link.deviceId}`} size="sm">
        {link.serial}
      </Anchor>
      {' · '}
      {t('ui.sanbao.exchangeOn', { date: localDate(new Date(link.at), timeZone) })}
      <Anchor component={Link} to={`/tickets/${link.ticket.id}`} size="sm">
        {link.ticket.number}
      </Anchor>
    </>
  );
}
