import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { FactGrid } from '../../components/FactGrid';
import { useSession } from '../auth/session-context';
import { AttachmentThumb } from './AttachmentThumb';
import { PartsTable } from './PartsTable';
import { ServiceRecordForm } from './ServiceRecordForm';
import { UploadButton } from './UploadButton';
import { SectionTitle } from '../../components/SectionTitle';

const FINISHED = ['closed', 'cancelled'];

/**
 * Steps, problems, parts and photos. What was saved shows as the record (issue 21: it used to show as
 * emptied fields); the assigned engineer (or staff) opens the form again while the ticket is in service.
 */
export function ServiceRecordSection({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const p = d.progress;
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const mayRecord = d.status === 'in_service' && (p.assignedTo?.id === user.id || staff);
  const mayAttach = !FINISHED.includes(d.status);
  const saved = p.serviceSteps !== '' || p.serviceProblems !== '';
  // Signatures are the customer's, not the engineer's photos: they are shown apart, each with what it signed.
  const files = p.attachments.filter((a) => a.kind !== 'signature');
  const signatures = p.attachments.filter((a) => a.kind === 'signature');
  const [editing, setEditing] = useState(false);
  if (!mayRecord && !saved && p.parts.length === 0 && p.attachments.length === 0 && !['dispatched', 'in_service'].includes(d.status)) return null;
  const showForm = mayRecord && (editing || !saved);
  return (
    <Paper withBorder p="sm" data-testid="service-record">
      <SectionTitle
        title={t('ui.lifecycle.service.title')}
        actions={
          mayRecord &&
          saved &&
          !editing && (
            <Button size="compact-sm" variant="light" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="service-edit">
              {t('ui.lifecycle.service.edit')}
            </Button>
          )
        }
      />
      <Stack gap="sm">
        {saved && !showForm && (
          <div data-testid="service-record-view">
            <FactGrid
              facts={[
                { label: t('ui.lifecycle.service.steps'), value: p.serviceSteps, wide: true, testId: 'service-steps-text' },
                { label: t('ui.lifecycle.service.problems'), value: p.serviceProblems, wide: true, testId: 'service-problems-text' },
              ]}
            />
          </div>
        )}
        {showForm && (
          <ServiceRecordForm
            key={d.version}
            ticket={d}
            onDone={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={saved ? () => setEditing(false) : undefined}
          />
        )}
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
        {files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.lifecycle.service.noAttachments')}
          </Text>
        ) : (
          <Group gap="xs" data-testid="attachments">
            {files.map((a) => (
              <AttachmentThumb key={a.id} attachment={a} />
            ))}
          </Group>
        )}
        {signatures.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('ui.lifecycle.service.signatures')}
            </Text>
            <Group gap="xs" data-testid="signatures">
              {signatures.map((a) => (
                <AttachmentThumb key={a.id} attachment={a} />
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
