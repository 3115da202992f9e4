/** 消息设置 (admin): the e-mail server, the SMS provider, the team's robot and overdue alert, pickup terms, and the template of each customer message with its preview on a real ticket. */
import { useState } from 'react';
import { Alert, Button, Group, Loader, NumberInput, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MessagingView } from '../../../../shared/domain/messaging';
import { CUSTOMER_EVENTS } from '../../../../shared/domain/messaging';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { SmsSection } from './SmsSection';
import { TeamSection } from './TeamSection';
import { TemplateCard } from './TemplateCard';
import { SectionTitle } from '../../components/SectionTitle';

type Draft = Omit<MessagingView, 'emailPasswordSet' | 'smsSecretSet' | 'wecomSet'>;

export default function MessagingSettingsPage() {
  const view = useApi('messaging.settings.get', {});
  if (view.error) return <Alert color="red">{view.error.message}</Alert>;
  if (!view.data) return <Loader size="sm" />;
  return <MessagingForm key={view.data.version} view={view.data} onSaved={view.reload} />;
}

function MessagingForm({ view, onSaved }: { view: MessagingView; onSaved: () => void }) {
  const { t } = useTranslation();
  const { emailPasswordSet, smsSecretSet, wecomSet, ...initial } = view;
  const [draft, setDraft] = useState<Draft>(initial);
  const [password, setPassword] = useState('');
  const [smsSecret, setSmsSecret] = useState('');
  const [webhook, setWebhook] = useState('');
  const [ticketNumber, setTicketNumber] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const email = (patch: Partial<Draft['email']>) => setDraft({ ...draft, email: { ...draft.email, ...patch } });
  const save = async () => {
    const r = await call('messaging.settings.update', {
      ...draft,
      emailPassword: password === '' ? undefined : password,
      smsSecret: smsSecret === '' ? undefined : smsSecret,
      wecomWebhook: webhook === '' ? undefined : webhook,
    });
    if (r.ok) {
      notifications.show({ color: 'teal', message: t('ui.messaging.settings.saved') });
      onSaved();
      return;
    }
    setError(r.error.message);
    setProblems(r.error.fields ?? {});
  };
  return (
    <Stack gap="sm" maw={1100} data-testid="messaging-settings">
      <Title order={3}>{t('ui.messaging.settings.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.messaging.settings.hint')}
      </Text>
      <Paper withBorder p="sm">
        <SectionTitle title={t('ui.messaging.settings.email')} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('ui.messaging.settings.host')} value={draft.email.host} onChange={(e) => email({ host: e.currentTarget.value })} error={problems['email.host']} data-testid="smtp-host" />
          <NumberInput label={t('ui.messaging.settings.port')} value={draft.email.port} min={1} max={65535} onChange={(v) => email({ port: Number(v) || 0 })} error={problems['email.port']} data-testid="smtp-port" />
          <Select
            label={t('ui.messaging.settings.security')}
            value={draft.email.security}
            allowDeselect={false}
            onChange={(v) => email({ security: (v ?? 'starttls') as Draft['email']['security'] })}
            data={(['starttls', 'tls', 'none'] as const).map((v) => ({ value: v, label: t(`ui.messaging.settings.securityOption.${v}`) }))}
            data-testid="smtp-security"
          />
          <TextInput label={t('ui.messaging.settings.user')} value={draft.email.user} onChange={(e) => email({ user: e.currentTarget.value })} error={problems['email.user']} data-testid="smtp-user" />
          <PasswordInput
            label={t('ui.messaging.settings.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            placeholder={emailPasswordSet ? t('ui.messaging.settings.passwordSet') : t('ui.messaging.settings.passwordNone')}
            autoComplete="new-password"
            data-testid="smtp-password"
          />
          <TextInput label={t('ui.messaging.settings.from')} value={draft.email.from} onChange={(e) => email({ from: e.currentTarget.value })} error={problems['email.from']} data-testid="smtp-from" />
        </SimpleGrid>
      </Paper>
      <SmsSection sms={draft.sms} onChange={(sms) => setDraft({ ...draft, sms })} secret={smsSecret} onSecret={setSmsSecret} secretSet={smsSecretSet} problems={problems} />
      <TeamSection
        webhook={webhook}
        onWebhook={setWebhook}
        webhookSet={wecomSet}
        overdueEmail={draft.overdueEmail}
        onOverdueEmail={(overdueEmail) => setDraft({ ...draft, overdueEmail })}
        retentionDays={draft.retentionDays}
        onRetentionDays={(retentionDays) => setDraft({ ...draft, retentionDays })}
        problems={problems}
      />
      <Paper withBorder p="sm">
        <SectionTitle title={t('ui.messaging.settings.pickup')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label={t('ui.messaging.settings.openingHours')} value={draft.openingHours} onChange={(e) => setDraft({ ...draft, openingHours: e.currentTarget.value })} />
          <TextInput label={t('ui.messaging.settings.storageTerms')} value={draft.storageTerms} onChange={(e) => setDraft({ ...draft, storageTerms: e.currentTarget.value })} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm">
        <SectionTitle
          title={t('ui.messaging.settings.templates')}
          hint={t('ui.messaging.settings.placeholders')}
          actions={<TextInput size="xs" w={260} label={t('ui.messaging.settings.previewTicket')} value={ticketNumber} onChange={(e) => setTicketNumber(e.currentTarget.value.trim())} data-testid="preview-ticket" />}
        />
        <Stack gap="sm">
          {CUSTOMER_EVENTS.map((event) => (
            <TemplateCard key={event} event={event} draft={draft} onChange={(next) => setDraft({ ...next, version: draft.version })} ticketNumber={ticketNumber} problems={problems} />
          ))}
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button onClick={() => void save()} data-testid="messaging-save">
          {t('ui.messaging.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
