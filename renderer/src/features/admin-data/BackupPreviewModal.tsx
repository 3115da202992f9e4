import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { FactGrid } from '../../components/FactGrid';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { formatSize } from './size';

/**
 * What a backup holds, read from the file before anything changes; the restore button only after the
 * admin types the confirmation word. A successful restore signs everyone out: the page goes to the login.
 */
export function BackupPreviewModal({ file, onClose }: { file: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone, refresh } = useSession();
  const preview = useApi('backups.preview', { file });
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const word = t('ui.dataSafety.preview.confirmWord');
  const p = preview.data;
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, timeZone);
  // A file that fails its check has nothing trustworthy to count: dashes, not zeros.
  const sound = p?.integrity === 'ok';
  const count = (n: number) => (sound ? String(n) : '—');

  async function restore() {
    setBusy(true);
    setFailure(null);
    const r = await call('backups.restore', { file });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    notifications.show({
      color: 'green',
      autoClose: false,
      title: t('ui.dataSafety.preview.restoredTitle'),
      message: t('ui.dataSafety.preview.restored', { at: when(r.value.restored.takenAt), tickets: r.value.restored.tickets, file: r.value.safetyCopy }),
    });
    onClose();
    refresh(); // the session ended with the restore: the login screen comes next
  }

  return (
    <Modal opened onClose={onClose} title={t('ui.dataSafety.preview.title')} size="lg" data-testid="backup-preview">
      {preview.loading && !p && <Loader size="sm" />}
      {preview.error && (
        <Alert color="red" data-testid="preview-error">
          {preview.error.message}
        </Alert>
      )}
      {p && (
        <Stack gap="md">
          <FactGrid
            facts={[
              { label: t('ui.dataSafety.preview.file'), value: <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{p.file}</Text>, wide: true },
              { label: t('ui.dataSafety.preview.takenAt'), value: when(p.takenAt), testId: 'preview-taken-at' },
              { label: t('ui.dataSafety.preview.size'), value: formatSize(p.sizeBytes) },
              {
                label: t('ui.dataSafety.preview.integrity'),
                value: (
                  <Badge color={p.integrity === 'ok' ? 'green' : 'red'} variant="light" tt="none" data-testid="preview-integrity">
                    {p.integrity === 'ok' ? t('ui.dataSafety.preview.integrityOk') : t('ui.dataSafety.preview.integrityBad', { detail: p.integrity.slice(0, 120) })}
                  </Badge>
                ),
              },
              { label: t('ui.dataSafety.preview.tickets'), value: count(p.tickets), testId: 'preview-tickets' },
              { label: t('ui.dataSafety.preview.customers'), value: count(p.customers), testId: 'preview-customers' },
              { label: t('ui.dataSafety.preview.returnedDevices'), value: count(p.returnedDevices) },
              { label: t('ui.dataSafety.preview.newestTicket'), value: sound ? when(p.newestTicketAt) : '—' },
              { label: t('ui.dataSafety.preview.attachments'), value: count(p.attachments) },
              {
                label: t('ui.dataSafety.preview.schema'),
                value: sound ? `${p.schemaVersion ?? '—'} · ${t(`ui.dataSafety.preview.schemaFit.${p.schema}`)}` : '—',
                testId: 'preview-schema',
              },
            ]}
          />
          {!p.restorable && (
            <Alert color="red" icon={<IconAlertTriangle size={16} />} data-testid="not-restorable">
              {t('ui.dataSafety.preview.notRestorable')}
            </Alert>
          )}
          {p.restorable && (
            <>
              <Alert color="orange" icon={<IconAlertTriangle size={16} />}>
                {t('ui.dataSafety.preview.warning')}
              </Alert>
              <TextInput
                label={t('ui.dataSafety.preview.typeToConfirm', { word })}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && typed.trim() === word && !busy) void restore();
                }}
                data-testid="restore-confirm"
                autoComplete="off"
              />
            </>
          )}
          {failure && (
            <Alert color="red" data-testid="restore-error">
              {failure.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            {p.restorable && (
              <Button color="red" leftSection={<IconRestore size={16} />} disabled={typed.trim() !== word} loading={busy} onClick={() => void restore()} data-testid="restore-button">
                {t('ui.dataSafety.preview.restore')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
