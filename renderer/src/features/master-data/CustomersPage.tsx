/** 客户与设备: find a customer by phone or name, or a device by serial (a scanner types it), and open its page. */
import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconBarcode, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/use-api';
import { WarrantyBadge } from '../../components/WarrantyBadge';

export default function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [serial, setSerial] = useState('');
  const customers = useApi('customers.search', { q: q.trim(), limit: 50 }, q.trim() !== '');
  const devices = useApi('devices.search', { q: serial.trim(), limit: 50 }, serial.trim() !== '');

  /** A scanner ends with Enter: the one device with exactly that serial opens at once. */
  function onSerialEnter() {
    const exact = devices.data?.find((d) => d.serial.toUpperCase() === serial.trim().toUpperCase());
    if (exact) navigate(`/devices/${exact.id}`);
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Title order={3}>{t('ui.masterData.customers.title')}</Title>
      <SimpleGrid cols={2} spacing="sm">
        <Paper withBorder p="sm">
          <TextInput
            label={t('ui.masterData.customers.search')}
            description={t('ui.masterData.customers.searchHint')}
            leftSection={<IconSearch size={16} />}
            value={q}
            autoFocus
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="customers-search"
          />
          {q.trim() !== '' && (
            <Table fz="sm" mt="xs" highlightOnHover data-testid="customers-found">
              <Table.Tbody>
                {(customers.data ?? []).map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <Anchor component={Link} to={`/customers/${c.id}`} size="sm" data-testid="customer-link">
                          {c.name}
                          {c.salutation ? ` ${t(`salutation.${c.salutation}`)}` : ''}
                        </Anchor>
                        {c.keyAccount && (
                          <Badge size="xs" color="orange" variant="light">
                            {t('ui.masterData.customers.keyAccount')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{c.phone}</Table.Td>
                    <Table.Td>{c.contactPerson}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {customers.data?.length === 0 && q.trim() !== '' && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('ui.masterData.customers.noCustomer')}
            </Text>
          )}
        </Paper>
        <Paper withBorder p="sm">
          <TextInput
            label={t('ui.masterData.customers.serial')}
            description={t('ui.masterData.customers.serialHint')}
            leftSection={<IconBarcode size={16} />}
            value={serial}
            onChange={(e) => setSerial(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) onSerialEnter();
            }}
            data-testid="devices-search"
          />
          {serial.trim() !== '' && (
            <Table fz="sm" mt="xs" highlightOnHover data-testid="devices-found">
              <Table.Tbody>
                {(devices.data ?? []).map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/devices/${d.id}`} size="sm" data-testid="device-link">
                        {d.serial}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {d.modelCode} · {d.modelName}
                    </Table.Td>
                    <Table.Td>{d.customerName ?? ''}</Table.Td>
                    <Table.Td>
                      <WarrantyBadge status={d.warrantyStatus} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {devices.data?.length === 0 && serial.trim() !== '' && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('ui.masterData.customers.noDevice')}
            </Text>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
