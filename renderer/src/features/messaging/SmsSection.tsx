/** 消息设置 → 短信: the provider, its key (the secret kept sealed, never shown back), signature, endpoint and each message's template code. */
import { Paper, PasswordInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_EVENTS, SMS_ENDPOINTS, SMS_PROVIDERS, type SmsProvider, type SmsSettings } from '../../../../shared/domain/messaging';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  sms: SmsSettings;
  onChange: (next: SmsSettings) => void;
  secret: string;
  onSecret: (value: string) => void;
  secretSet: boolean;
  problems: Record<string, string>;
}

export function SmsSection({ sms, onChange, secret, onSecret, secretSet, problems }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<SmsSettings>) => onChange({ ...sms, ...patch });
  const off = sms.provider === 'none';
  return (
    <Paper withBorder p="sm" data-testid="sms-settings">
      <SectionTitle title={t('ui.messaging.sms.title')} hint={t('ui.messaging.sms.hint')} />
      <SimpleGrid cols={4} spacing="sm">
        <Select
          label={t('ui.messaging.sms.provider')}
          value={sms.provider}
          allowDeselect={false}
          onChange={(v) => set({ provider: (v ?? 'none') as SmsProvider })}
          data={SMS_PROVIDERS.map((p) => ({ value: p, label: t(`ui.messaging.sms.providerOption.${p}`) }))}
          data-testid="sms-provider"
        />
        <TextInput label={t('ui.messaging.sms.keyId')} value={sms.keyId} disabled={off} onChange={(e) => set({ keyId: e.currentTarget.value })} error={problems['sms.keyId']} data-testid="sms-key-id" />
        <PasswordInput
          label={t('ui.messaging.sms.secret')}
          value={secret}
          disabled={off}
          onChange={(e) => onSecret(e.currentTarget.value)}
          placeholder={secretSet ? t('ui.messaging.sms.secretSet') : t('ui.messaging.sms.secretNone')}
          autoComplete="new-password"
          error={problems.smsSecret}
          data-testid="sms-secret"
        />
        <TextInput label={t('ui.messaging.sms.signName')} value={sms.signName} disabled={off} onChange={(e) => set({ signName: e.currentTarget.value })} error={problems['sms.signName']} data-testid="sms-sign" />
        {sms.provider === 'tencent' && (
          <>
            <TextInput label={t('ui.messaging.sms.appId')} value={sms.appId} onChange={(e) => set({ appId: e.currentTarget.value })} error={problems['sms.appId']} data-testid="sms-app-id" />
            <TextInput label={t('ui.messaging.sms.region')} value={sms.region} onChange={(e) => set({ region: e.currentTarget.value })} error={problems['sms.region']} />
          </>
        )}
        <TextInput
          style={{ gridColumn: 'span 2' }}
          label={t('ui.messaging.sms.endpoint')}
          value={sms.endpoint}
          disabled={off}
          placeholder={off ? '' : SMS_ENDPOINTS[sms.provider as Exclude<SmsProvider, 'none'>]}
          onChange={(e) => set({ endpoint: e.currentTarget.value.trim() })}
          error={problems['sms.endpoint']}
          data-testid="sms-endpoint"
        />
      </SimpleGrid>
      <Text size="sm" fw={500} mt="sm" mb={4}>
        {t('ui.messaging.sms.codes')}
      </Text>
      <SimpleGrid cols={5} spacing="sm">
        {CUSTOMER_EVENTS.map((event) => (
          <TextInput
            key={event}
            size="xs"
            label={t(`messageEvent.${event}`)}
            value={sms.templateCodes[event]}
            disabled={off}
            onChange={(e) => set({ templateCodes: { ...sms.templateCodes, [event]: e.currentTarget.value.trim() } })}
            error={problems[`sms.templateCodes.${event}`]}
            data-testid={`sms-code-${event}`}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}
