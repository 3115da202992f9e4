/** 消息设置 → 团队通知: the 企业微信 robot's webhook (sealed, never shown back) with its test button, the overdue alert's address, the outbox's retention. */
import { useState } from 'react';
import { Button, Group, NumberInput, Paper, PasswordInput, SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  webhook: string;
  onWebhook: (value: string) => void;
  webhookSet: boolean;
  overdueEmail: string;
  onOverdueEmail: (value: string) => void;
  retentionDays: number;
  onRetentionDays: (value: number) => void;
  problems: Record<string, string>;
}

export function TeamSection({ webhook, onWebhook, webhookSet, overdueEmail, onOverdueEmail, retentionDays, onRetentionDays, problems }: Props) {
  const { t } = useTranslation();
  const [testError, setTestError] = useState<string | null>(null);
  const [testing, setTesting] = useState(false);
  const test = async () => {
    setTesting(true);
    const r = await call('messaging.wecom.test', { webhook });
    setTesting(false);
    if (r.ok) {
      setTestError(null);
      notifications.show({ color: 'teal', message: t('ui.messaging.team.tested') });
    } else setTestError(r.error.fields?.wecomWebhook ?? r.error.fields?.webhook ?? r.error.message);
  };
  return (
    <Paper withBorder p="sm" data-testid="team-settings">
      <SectionTitle title={t('ui.messaging.team.title')} hint={t('ui.messaging.team.hint')} />
      <SimpleGrid cols={3} spacing="sm">
        <Group gap="xs" align="flex-start" wrap="nowrap" style={{ gridColumn: 'span 3' }}>
          <PasswordInput
            style={{ flex: 1 }}
            label={t('ui.messaging.team.webhook')}
            value={webhook}
            onChange={(e) => onWebhook(e.currentTarget.value.trim())}
            placeholder={webhookSet ? t('ui.messaging.team.webhookSet') : t('ui.messaging.team.webhookNone')}
            autoComplete="off"
            error={testError ?? problems.wecomWebhook}
            data-testid="wecom-webhook"
          />
          <Button mt={25} variant="light" loading={testing} disabled={!webhook && !webhookSet} onClick={() => void test()} data-testid="wecom-test">
            {t('ui.messaging.team.test')}
          </Button>
        </Group>
        <TextInput label={t('ui.messaging.team.overdueEmail')} value={overdueEmail} onChange={(e) => onOverdueEmail(e.currentTarget.value.trim())} error={problems.overdueEmail} data-testid="overdue-email" />
        <NumberInput label={t('ui.messaging.team.retentionDays')} value={retentionDays} min={7} max={3650} onChange={(v) => onRetentionDays(Number(v) || 0)} error={problems.retentionDays} data-testid="retention-days" />
      </SimpleGrid>
    </Paper>
  );
}
