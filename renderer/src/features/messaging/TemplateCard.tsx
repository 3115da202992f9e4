/** One customer message's templates (SMS text; e-mail subject and text), whether each is sent, and its preview on a real ticket. */
import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { smsSegments, type CustomerEvent, type MessageChannel, type MessagingSettings } from '../../../../shared/domain/messaging';
import type { OutputOf } from '../../../../shared/api/contract';
import { call } from '../../api/call';

interface Props {
  event: CustomerEvent;
  draft: MessagingSettings;
  onChange: (next: MessagingSettings) => void;
  ticketNumber: string;
  problems: Record<string, string>;
}

export function TemplateCard({ event, draft, onChange, ticketNumber, problems }: Props) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ channel: MessageChannel; value: OutputOf<'messaging.preview'> } | { channel: MessageChannel; error: string } | null>(null);
  const key = (channel: MessageChannel) => `${event}.${channel}` as const;
  const set = (channel: MessageChannel, patch: Partial<{ subject: string; body: string }>) =>
    onChange({ ...draft, templates: { ...draft.templates, [key(channel)]: { ...draft.templates[key(channel)], ...patch } } });
  const toggle = (channel: MessageChannel, on: boolean) => onChange({ ...draft, enabled: { ...draft.enabled, [key(channel)]: on } });
  const show = async (channel: MessageChannel) => {
    const tpl = draft.templates[key(channel)];
    const r = await call('messaging.preview', { ticketNumber, event, subject: tpl.subject, body: tpl.body });
    setPreview(r.ok ? { channel, value: r.value } : { channel, error: r.error.fields?.ticketNumber ?? r.error.message });
  };
  const sms = smsSegments(draft.templates[key('sms')].body);
  return (
    <Paper withBorder p="xs" data-testid={`template-${event}`}>
      <Text fw={600} size="sm" mb={4}>
        {t(`messageEvent.${event}`)}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={5}>
          <Stack gap={4}>
            <Group justify="space-between">
              <Switch size="xs" label={`${t('ui.messaging.settings.sms')} · ${t('ui.messaging.settings.enabled')}`} checked={draft.enabled[key('sms')]} onChange={(e) => toggle('sms', e.currentTarget.checked)} />
              <Badge variant="light" tt="none" color={sms.segments > 1 ? 'orange' : 'blue'} data-testid="sms-length">
                {t('ui.messaging.settings.length', sms)}
              </Badge>
            </Group>
            <Textarea autosize minRows={3} value={draft.templates[key('sms')].body} onChange={(e) => set('sms', { body: e.currentTarget.value })} error={problems[`templates.${key('sms')}.body`]} data-testid="template-sms" />
            <Button size="compact-xs" variant="light" w="fit-content" disabled={!ticketNumber} onClick={() => void show('sms')} data-testid="preview-sms">
              {t('ui.messaging.settings.preview')}
            </Button>
          </Stack>
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap={4}>
            <Switch size="xs" label={`${t('ui.messaging.settings.emailBody')} · ${t('ui.messaging.settings.enabled')}`} checked={draft.enabled[key('email')]} onChange={(e) => toggle('email', e.currentTarget.checked)} />
            <TextInput size="xs" placeholder={t('ui.messaging.settings.subject')} value={draft.templates[key('email')].subject} onChange={(e) => set('email', { subject: e.currentTarget.value })} data-testid="template-email-subject" />
            <Textarea autosize minRows={2} value={draft.templates[key('email')].body} onChange={(e) => set('email', { body: e.currentTarget.value })} error={problems[`templates.${key('email')}.body`]} data-testid="template-email" />
            <Button size="compact-xs" variant="light" w="fit-content" disabled={!ticketNumber} onClick={() => void show('email')} data-testid="preview-email">
              {t('ui.messaging.settings.preview')}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
      {preview && 'error' in preview && (
        <Alert color="red" mt="xs" py={6}>
          {preview.error}
        </Alert>
      )}
      {preview && 'value' in preview && (
        <Alert color="blue" mt="xs" py={6} data-testid="preview">
          {preview.value.subject && <Text size="sm" fw={600}>{preview.value.subject}</Text>}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-body">
            {preview.value.body}
          </Text>
          <Text size="xs" c="dimmed" data-testid="preview-length">
            {t('ui.messaging.settings.length', preview.value)}
            {preview.value.unknown.length > 0 && ` · ${t('ui.messaging.settings.unknown', { names: preview.value.unknown.join('、') })}`}
          </Text>
        </Alert>
      )}
    </Paper>
  );
}
