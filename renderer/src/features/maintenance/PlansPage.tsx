import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { PlanEditorModal } from './PlanEditorModal';
import { intervalText } from './interval-text';

/** Preventive maintenance plans, next due first; staff add plans, the admin can run the generator now. */
export default function PlansPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const plans = useApi('maintenance.plans.list', {});
  useChangeEvents(plans.reload);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);

  async function generate() {
    setBusy(true);
    const r = await call('maintenance.generate', {});
    setBusy(false);
    notifications.show(r.ok ? { color: 'teal', message: t('ui.maintenance.generated', { n: r.value.created }) } : { color: 'red', message: r.error.message });
    plans.reload();
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Title order={3}>{t('ui.maintenance.title')}</Title>
        <Group gap="xs">
          {user.role === 'admin' && (
            <Button variant="light" leftSection={<IconPlayerPlay size={16} />} loading={busy} onClick={() => void generate()} data-testid="maintenance-generate">
              {t('ui.maintenance.generate')}
            </Button>
          )}
          {staff && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="add-plan">
              {t('ui.maintenance.add')}
            </Button>
          )}
        </Group>
      </Group>
      {plans.error && <Alert color="red">{plans.error.message}</Alert>}
      <Paper withBorder>
        {plans.data?.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('ui.maintenance.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="plans-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.maintenance.name')}</Table.Th>
                <Table.Th>{t('ui.maintenance.customer')}</Table.Th>
                <Table.Th>{t('ui.maintenance.project')}</Table.Th>
                <Table.Th>{t('ui.maintenance.interval')}</Table.Th>
                <Table.Th>{t('ui.maintenance.nextDue')}</Table.Th>
                <Table.Th>{t('ui.maintenance.leadDays')}</Table.Th>
                <Table.Th>{t('ui.maintenance.engineer')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(plans.data ?? []).map((p) => (
                <Table.Tr key={p.id} data-testid="plan-row">
                  <Table.Td>
                    <Link to={`/maintenance/${p.id}`}>{p.name}</Link>
                  </Table.Td>
                  <Table.Td>{p.customer.name}</Table.Td>
                  <Table.Td>{p.project || p.device?.serial || ''}</Table.Td>
                  <Table.Td>{intervalText(p, t)}</Table.Td>
                  <Table.Td ff="monospace">{p.nextDue ?? t('ui.maintenance.finished')}</Table.Td>
                  <Table.Td>{p.leadDays}</Table.Td>
                  <Table.Td>{p.engineer?.name ?? ''}</Table.Td>
                  <Table.Td>
                    {!p.active && (
                      <Badge size="sm" color="gray" variant="outline">
                        {t('ui.maintenance.inactive')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {creating && <PlanEditorModal plan={null} onClose={() => setCreating(false)} onDone={(id) => void navigate(`/maintenance/${id}`)} />}
    </Stack>
  );
}
