import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { FactGrid } from '../../components/FactGrid';
import { useSession } from '../auth/session-context';
import { AttachmentThumb } from './AttachmentThumb';
import { PartsTable } from './PartsTable';
import { ServiceRecordForm } from './ServiceRecordForm';
import { UploadButton } from './UploadButton';

const FINISHED = ['closed', 'cancelled'];

/** Steps, problems, parts and photos; the assigned engineer (or staff) edits them during service. */
export function ServiceRecordSection({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const p = d.progress;
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const mayRecord = d.status === 'in_service' && (p.assignedTo?.id === user.id || staff);
  const mayAttach = !FINISHED.includes(d.status);
  if (!mayRecord && p.serviceSteps === '' && p.parts.length === 0 && p.attachments.length === 0 && !['dispatched', 'in_service'].includes(d.status)) return null;
  return (
    <Paper withBorder p="sm" data-testid="service-record">
      <Text fw={600} size="sm" mb="xs" c="blue.8">
        {t('ui.lifecycle.service.title')}
      </Text>
      <Stack gap="sm">
        {!mayRecord && (p.serviceSteps || p.serviceProblems) && (
          <FactGrid
            facts={[
              { label: t('ui.lifecycle.service.steps'), value: p.serviceSteps, wide: true, testId: 'service-steps-text' },
              { label: t('ui.lifecycle.service.problems'), value: p.serviceProblems, wide: true },
            ]}
          />
        )}
        {mayRecord && <ServiceRecordForm key={d.version} ticket={d} onDone={onChanged} />}
        <PartsTable parts={p.parts} />
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('ui.lifecycle.service.photos')}
          </Text>
          {mayAttach && (
            <Group gap="xs">
              <UploadButton ticketId={d.id} kind="photo" onDone={onChanged} />
              <UploadButton ticketId={d.id} kind="file" onDone={onChanged} />
            </Group>
          )}
        </Group>
        {p.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.lifecycle.service.noAttachments')}
          </Text>
        ) : (
          <Group gap="xs" data-testid="attachments">
            {p.attachments.map((a) => (
              <AttachmentThumb key={a.id} attachment={a} />
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
