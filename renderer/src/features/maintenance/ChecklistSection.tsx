import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { checklistSaveInput } from '../../../../shared/api/maintenance.schema';
import type { ChecklistResult, MaintenanceVisit } from '../../../../shared/domain/maintenance';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

const FINISHED = ['closed', 'cancelled'];

function initial(visit: MaintenanceVisit): ChecklistResult[] {
  return visit.checklist.map((item) => visit.results.find((r) => r.id === item.id) ?? { id: item.id, pass: null, value: null, note: '' });
}

/** The maintenance checklist on a 维护保养 ticket: pass/fail or a measured value per item, with a note. */
export function ChecklistSection({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const visit = ticket.maintenance;
  if (!visit) return null;
  return <ChecklistForm key={visit.version} ticket={ticket} visit={visit} onChanged={onChanged} />;
}

function ChecklistForm({ ticket, visit, onChanged }: { ticket: TicketDetail; visit: MaintenanceVisit; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const runner = useActionRunner(onChanged);
  const [results, setResults] = useState<ChecklistResult[]>(() => initial(visit));
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const mayFill = !FINISHED.includes(ticket.status) && (staff || (user.role === 'engineer' && ticket.progress.assignedTo?.id === user.id));
  const set = (i: number, next: Partial<ChecklistResult>) => setResults(results.map((r, j) => (j === i ? { ...r, ...next } : r)));

  function save() {
    const input = { ticketId: ticket.id, version: visit.version, results };
    void runner.run(checklistSaveInput, input, (i) => call('maintenance.checklist.save', i), t('ui.maintenance.checklist.save'));
  }
  const onKeyDown = useEnterNavigation(save);

  return (
    <Paper withBorder p="sm" data-testid="maintenance-checklist">
      <SectionTitle
        title={t('ui.maintenance.checklist.title')}
        actions={
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              <Link to={`/maintenance/${visit.planId}`}>{visit.planName}</Link> · {t('ui.maintenance.dueDate')} {visit.dueDate}
            </Text>
            <Badge size="sm" variant="light" color={visit.summary.failed > 0 ? 'red' : 'teal'} data-testid="checklist-summary">
              {t('ui.maintenance.checklist.summary', visit.summary)}
            </Badge>
          </Group>
        }
      />
      <Stack gap="xs" onKeyDown={onKeyDown}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.maintenance.checklist.item')}</Table.Th>
              <Table.Th w={220}>{t('ui.maintenance.checklist.result')}</Table.Th>
              <Table.Th>{t('ui.maintenance.checklist.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visit.checklist.map((item, i) => (
              <Table.Tr key={item.id} data-testid="checklist-row">
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>
                  {item.kind === 'pass' ? (
                    <SegmentedControl
                      size="xs"
                      disabled={!mayFill}
                      value={results[i]!.pass === null ? '' : results[i]!.pass ? 'pass' : 'fail'}
                      onChange={(v) => set(i, { pass: v === '' ? null : v === 'pass' })}
                      data={[
                        { value: '', label: t('ui.maintenance.checklist.unanswered') },
                        { value: 'pass', label: t('ui.maintenance.checklist.pass') },
                        { value: 'fail', label: t('ui.maintenance.checklist.fail') },
                      ]}
                      data-testid="checklist-pass"
                    />
                  ) : (
                    <NumberInput
                      size="xs"
                      disabled={!mayFill}
                      rightSection={<Text size="xs">{item.unit}</Text>}
                      rightSectionWidth={item.unit ? 44 : undefined}
                      value={results[i]!.value ?? ''}
                      onChange={(v) => set(i, { value: v === '' ? null : Number(v) })}
                      aria-label={item.label}
                      data-testid="checklist-value"
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" disabled={!mayFill} value={results[i]!.note} onChange={(e) => set(i, { note: e.currentTarget.value })} aria-label={t('ui.maintenance.checklist.note')} data-testid="checklist-note" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {runner.error && (
          <Alert color="red" role="alert">
            {runner.error}
          </Alert>
        )}
        {mayFill && (
          <Group justify="flex-end">
            <Button size="xs" onClick={save} loading={runner.busy} data-testid="checklist-save">
              {t('ui.maintenance.checklist.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
