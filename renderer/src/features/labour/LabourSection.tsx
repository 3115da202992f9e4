import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconClockPlus, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LabourVisit } from '../../../../shared/domain/labour';
import type { TicketDetail, TicketStatus } from '../../../../shared/domain/ticket';
import { isoToWall } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { useDuration } from './duration';
import { LabourForm } from './LabourForm';

/** The statuses in which the core takes labour time (labour.service's LOGGABLE). */
const LOGGABLE: TicketStatus[] = ['dispatched', 'in_service', 'accepted', 'follow_up'];

/** 工时 on the ticket: each logged visit and the total; the assigned engineer (or staff) logs another or corrects one. */
export function LabourSection({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const duration = useDuration();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<LabourVisit | null>(null);
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const mayLog = LOGGABLE.includes(d.status) && (staff || (user.role === 'engineer' && d.progress.assignedTo?.id === user.id));
  const { visits, totalMinutes } = d.labour;
  if (!mayLog && visits.length === 0) return null;
  const clock = (iso: string | null) => (iso ? isoToWall(iso, timeZone).slice(11) : '');
  return (
    <Paper withBorder p="sm" data-testid="labour">
      <Group justify="space-between" mb={visits.length ? 'xs' : 0}>
        <Group gap="xs">
          <Text fw={600} size="sm" c="blue.8">
            {t('ui.labour.title')}
          </Text>
          {visits.length > 0 ? (
            <Badge variant="light" tt="none" data-testid="labour-total" data-minutes={totalMinutes}>
              {t('ui.labour.total', { duration: duration(totalMinutes) })}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ui.labour.none')}
            </Text>
          )}
        </Group>
        {mayLog && (
          <Button size="compact-sm" variant="light" leftSection={<IconClockPlus size={14} />} onClick={() => setOpen(true)} data-testid="labour-add">
            {t('ui.labour.add')}
          </Button>
        )}
      </Group>
      {visits.length > 0 && (
        <Table verticalSpacing={4} data-testid="labour-visits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.labour.day')}</Table.Th>
              <Table.Th>{t('ui.labour.engineer')}</Table.Th>
              <Table.Th>{t('ui.labour.time')}</Table.Th>
              <Table.Th>{t('ui.labour.duration')}</Table.Th>
              <Table.Th>{t('ui.labour.note')}</Table.Th>
              {mayLog && <Table.Th w={40} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visits.map((v) => (
              <Table.Tr key={v.id} data-testid="labour-visit">
                <Table.Td>{v.workedOn}</Table.Td>
                <Table.Td>{v.engineer.name}</Table.Td>
                <Table.Td>{v.startedAt ? `${clock(v.startedAt)}–${clock(v.finishedAt)}` : '—'}</Table.Td>
                <Table.Td>{duration(v.minutes)}</Table.Td>
                <Table.Td>{v.note}</Table.Td>
                {mayLog && (
                  <Table.Td>
                    {(staff || v.engineer.id === user.id) && (
                      <ActionIcon variant="subtle" size="sm" onClick={() => setEditing(v)} aria-label={t('ui.labour.edit')} title={t('ui.labour.edit')} data-testid="labour-edit">
                        <IconPencil size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(open || editing) && (
        <LabourForm
          ticket={d}
          visit={editing ?? undefined}
          onClose={() => {
            setOpen(false);
            setEditing(null);
          }}
          onDone={() => {
            setOpen(false);
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
