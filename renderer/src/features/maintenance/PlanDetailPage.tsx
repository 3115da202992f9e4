import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { FactGrid } from '../../components/FactGrid';
import { StatusBadge } from '../../components/StatusBadge';
import type { TicketStatus } from '../../../../shared/domain/ticket';
import { useSession } from '../auth/session-context';
import { PlanEditorModal } from './PlanEditorModal';
import { intervalText } from './interval-text';

/** One plan: its schedule and checklist template, and its history (every generated ticket with its results). */
export default function PlanDetailPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const id = Number(useParams().id);
  const plan = useApi('maintenance.plans.get', { id }, Number.isInteger(id) && id > 0);
  useChangeEvents(plan.reload);
  const [editing, setEditing] = useState(false);
  const staff = user.role === 'supervisor' || user.role === 'admin';
  if (plan.error) return <Alert color="red">{plan.error.message}</Alert>;
  const p = plan.data;
  if (!p)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  return (
    <Stack gap="sm" maw={1200}>
      <Anchor component={Link} to="/maintenance" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.maintenance.back')}
        </Group>
      </Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3} data-testid="plan-title">{p.name}</Title>
          {!p.active && <Badge color="gray" variant="outline">{t('ui.maintenance.inactive')}</Badge>}
        </Group>
        {staff && (
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="edit-plan">
            {t('ui.common.edit')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <FactGrid
          facts={[
            { label: t('ui.maintenance.customer'), value: p.customer.name },
            { label: t('ui.maintenance.project'), value: p.project },
            { label: t('ui.maintenance.device'), value: p.device?.serial ?? '' },
            { label: t('ui.maintenance.interval'), value: intervalText(p, t) },
            { label: t('ui.maintenance.nextDue'), value: p.nextDue ?? t('ui.maintenance.finished'), testId: 'plan-next-due' },
            { label: t('ui.maintenance.leadDays'), value: String(p.leadDays) },
            { label: t('ui.maintenance.engineer'), value: p.engineer?.name ?? '' },
            { label: t('ui.maintenance.checklistTemplate'), value: p.checklist.map((i) => (i.unit ? `${i.label}（${i.unit}）` : i.label)).join('；'), wide: true },
          ]}
        />
      </Paper>
      <Title order={5}>{t('ui.maintenance.history')}</Title>
      <Paper withBorder>
        {p.visits.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">{t('ui.maintenance.noHistory')}</Text>
        ) : (
          <Table striped verticalSpacing={6} fz="sm" data-testid="plan-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.maintenance.dueDate')}</Table.Th>
                <Table.Th>{t('ui.maintenance.ticket')}</Table.Th>
                <Table.Th>{t('ui.maintenance.status')}</Table.Th>
                <Table.Th>{t('ui.maintenance.checklist.title')}</Table.Th>
                <Table.Th>{t('ui.maintenance.results')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.visits.map((v) => (
                <Table.Tr key={v.id} data-testid="plan-visit">
                  <Table.Td ff="monospace">{v.dueDate}</Table.Td>
                  <Table.Td><Link to={`/tickets/${v.ticket.id}`}>{v.ticket.number}</Link></Table.Td>
                  <Table.Td><StatusBadge status={v.ticket.status as TicketStatus} /></Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={v.summary.failed > 0 ? 'red' : v.summary.answered === v.summary.total ? 'teal' : 'gray'}>
                      {t('ui.maintenance.checklist.summary', v.summary)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {v.checklist
                      .map((item) => {
                        const r = v.results.find((x) => x.id === item.id);
                        if (!r) return null;
                        const value = item.kind === 'pass' ? (r.pass === null ? null : t(r.pass ? 'ui.maintenance.checklist.pass' : 'ui.maintenance.checklist.fail')) : r.value === null ? null : `${r.value}${item.unit}`;
                        return value === null ? null : `${item.label}：${value}${r.note ? `（${r.note}）` : ''}`;
                      })
                      .filter(Boolean)
                      .join('；')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {editing && <PlanEditorModal plan={p} onClose={() => setEditing(false)} onDone={() => { setEditing(false); plan.reload(); }} />}
    </Stack>
  );
}
