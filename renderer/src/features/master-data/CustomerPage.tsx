/** The customer page: contact data (editable by the desk), the devices they own, their ticket history. */
import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CustomerProfile } from '../../../../shared/domain/party';
import { useApi } from '../../api/use-api';
import { WarrantyBadge } from '../../components/WarrantyBadge';
import { useSession } from '../auth/session-context';
import { CustomerForm } from './CustomerForm';
import { HistoryTable } from './HistoryTable';
import { ConsentSection } from '../messaging/ConsentSection';
import { SectionTitle } from '../../components/SectionTitle';

export default function CustomerPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = Number(useParams().id);
  const profile = useApi('customers.profile', { id });
  if (profile.error) return <Alert color="red">{profile.error.message}</Alert>;
  if (!profile.data) return <Loader size="sm" />;
  const { customer, devices, tickets, ticketTotal } = profile.data;
  return (
    <Stack gap="sm" maw={1200}>
      <Group gap="xs">
        <Title order={3} data-testid="customer-title">
          {t('ui.masterData.customer.title', { name: customer.name })}
        </Title>
        {customer.keyAccount && (
          <Badge color="orange" variant="filled" data-testid="key-account-badge">
            {t('ui.masterData.customers.keyAccount')}
          </Badge>
        )}
        {customer.keyAccountNote && (
          <Text size="sm" c="dimmed" data-testid="key-account-note">
            {customer.keyAccountNote}
          </Text>
        )}
      </Group>
      <Paper withBorder p="sm">
        <SectionTitle title={t('ui.masterData.customer.contact')} />
        {/* Keyed by version: a save or a conflict reloads the form from what is stored. */}
        <CustomerForm key={customer.version} customer={customer} canEdit={user.role !== 'engineer'} canFlag={user.role === 'supervisor' || user.role === 'admin'} onSaved={profile.reload} />
      </Paper>
      <ConsentSection customerId={customer.id} canEdit={user.role !== 'engineer'} />
      <Paper withBorder p="sm">
        <SectionTitle title={t('ui.masterData.customer.devices', { count: devices.length })} />
        <DevicesTable devices={devices} />
      </Paper>
      <Paper withBorder p="sm">
        <SectionTitle title={ticketTotal > tickets.length ? t('ui.masterData.customer.ticketsNewest', { total: ticketTotal, count: tickets.length }) : t('ui.masterData.customer.tickets', { count: ticketTotal })} />
        <HistoryTable tickets={tickets} empty={t('ui.masterData.customer.noTickets')} />
      </Paper>
    </Stack>
  );
}

function DevicesTable({ devices }: { devices: CustomerProfile['devices'] }) {
  const { t } = useTranslation();
  if (devices.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.masterData.customer.noDevices')}
      </Text>
    );
  return (
    <Table fz="sm" striped data-testid="customer-devices">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.masterData.history.serial')}</Table.Th>
          <Table.Th>{t('ui.masterData.device.model')}</Table.Th>
          <Table.Th>{t('ui.masterData.device.purchaseDate')}</Table.Th>
          <Table.Th>{t('ui.masterData.device.warrantyEnd')}</Table.Th>
          <Table.Th>{t('ui.masterData.device.warranty')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {devices.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Anchor component={Link} to={`/devices/${d.id}`} size="sm" data-testid="device-link">
                {d.serial}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {d.modelCode} · {d.modelName}
            </Table.Td>
            <Table.Td>{d.purchaseDate ?? ''}</Table.Td>
            <Table.Td>{d.warrantyEnd ?? ''}</Table.Td>
            <Table.Td>
              <WarrantyBadge status={d.warrantyStatus} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
