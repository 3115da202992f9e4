import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/result';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { BackupPreviewModal } from './BackupPreviewModal';
import { formatSize } from './size';
import { SectionTitle } from '../../components/SectionTitle';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const KIND_COLOR = { daily: 'blue', monthly: 'indigo', quit: 'gray', manual: 'teal', safety: 'orange' } as const;

/** The admin's backups: the list, a backup now (to the data folder or a named folder), preview and restore. */
export default function BackupsPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const backups = useApi('backups.list', {});
  const [targetDir, setTargetDir] = useState('');
  const [taking, setTaking] = useState(false);
  const [takeError, setTakeError] = useState<ApiError | null>(null);
  const [filePath, setFilePath] = useState('');
  const [previewing, setPreviewing] = useState<string | null>(null);

  async function takeNow() {
    setTaking(true);
    setTakeError(null);
    const r = await call('backups.create', { targetDir: targetDir.trim() || null });
    setTaking(false);
    if (!r.ok) return setTakeError(r.error);
    notifications.show({ color: 'green', message: t('ui.dataSafety.backups.taken', { file: r.value.file }) });
    backups.reload();
  }

  return (
    <Stack gap="sm" maw={1100}>
      <Title order={3}>{t('ui.dataSafety.backups.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.dataSafety.backups.intro')}
      </Text>
      <Group align="stretch" grow>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <SectionTitle title={t('ui.dataSafety.backups.takeTitle')} mb={0} />
            <TextInput
              label={t('ui.dataSafety.backups.targetDir')}
              description={t('ui.dataSafety.backups.targetDirHint')}
              value={targetDir}
              onChange={(e) => setTargetDir(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void takeNow();
              }}
              error={takeError?.fields?.targetDir}
              data-testid="backup-target"
            />
            {takeError && !takeError.fields && <Alert color="red">{takeError.message}</Alert>}
            <Group>
              <Button leftSection={<IconDatabaseExport size={16} />} loading={taking} onClick={() => void takeNow()} data-testid="backup-now">
                {t('ui.dataSafety.backups.takeNow')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <SectionTitle title={t('ui.dataSafety.backups.fromFileTitle')} mb={0} />
            <TextInput
              label={t('ui.dataSafety.backups.filePath')}
              description={t('ui.dataSafety.backups.filePathHint')}
              value={filePath}
              onChange={(e) => setFilePath(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && filePath.trim()) setPreviewing(filePath.trim());
              }}
              data-testid="restore-file"
            />
            <Group>
              <Button variant="light" leftSection={<IconEye size={16} />} disabled={!filePath.trim()} onClick={() => setPreviewing(filePath.trim())} data-testid="preview-file">
                {t('ui.dataSafety.backups.preview')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Group>
      <SectionTitle
        title={t('ui.dataSafety.backups.list')}
        mb={0}
        actions={
          backups.data && (
            <Text size="sm" data-testid="backups-total">
              {t('ui.dataSafety.backups.total', {
                count: backups.data.backups.length,
                total: formatSize(backups.data.totalBytes),
                database: formatSize(backups.data.databaseBytes),
              })}
            </Text>
          )
        }
      />
      {backups.error && <Alert color="red">{backups.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={NOWRAP}>{t('ui.dataSafety.backups.createdAt')}</Table.Th>
              <Table.Th style={NOWRAP}>{t('ui.dataSafety.backups.kind')}</Table.Th>
              <Table.Th style={NOWRAP}>{t('ui.dataSafety.backups.size')}</Table.Th>
              <Table.Th style={NOWRAP}>
                <Tooltip label={t('ui.dataSafety.backups.storedHint')}>
                  <span>{t('ui.dataSafety.backups.stored')}</span>
                </Tooltip>
              </Table.Th>
              <Table.Th style={NOWRAP}>{t('ui.dataSafety.backups.attachments')}</Table.Th>
              <Table.Th>{t('ui.dataSafety.backups.file')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(backups.data?.backups ?? []).map((b) => (
              <Table.Tr key={b.file} data-testid="backup-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt, i18n.language, timeZone)}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <Badge variant="light" color={KIND_COLOR[b.kind]} tt="none" style={{ minWidth: 'max-content' }}>
                    {t(`ui.dataSafety.backups.kinds.${b.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSize(b.sizeBytes)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="backup-stored">
                  {formatSize(b.storedBytes)}
                </Table.Td>
                <Table.Td style={NOWRAP}>{t(b.attachmentsDir ? 'ui.dataSafety.backups.withAttachments' : 'ui.dataSafety.backups.noAttachments')}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {b.file}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => setPreviewing(b.file)} data-testid="backup-preview-button">
                    {t('ui.dataSafety.backups.preview')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {backups.data?.backups.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    {t('ui.dataSafety.backups.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {previewing && <BackupPreviewModal file={previewing} onClose={() => setPreviewing(null)} />}
    </Stack>
  );
}
