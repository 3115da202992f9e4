/**
 * The admin's banner above every page when the check of the whole database after the start (backups.health) found damage:
 * what happened and what to do, with the way to 备份与恢复. Asked again while the check still runs.
 */
import { useEffect } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../api/use-api';

const ASK_AGAIN_MS = 5000;

export function DatabaseHealthBanner() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const health = useApi('backups.health', {});
  const running = !health.data || health.data.state === 'checking' || health.data.state === 'unchecked';
  const { reload } = health;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, ASK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  if (health.data?.state !== 'damaged') return null;
  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertTriangle />}
      title={t('ui.dataSafety.health.title')}
      data-testid="database-damaged-banner"
      mb="md"
    >
      <Text size="sm">{t('ui.dataSafety.health.damaged', { detail: health.data.detail })}</Text>
      <Group mt="xs">
        <Button size="xs" color="red" variant="white" onClick={() => void navigate('/admin/backups')}>
          {t('ui.dataSafety.health.open')}
        </Button>
      </Group>
    </Alert>
  );
}
