import { Checkbox, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS } from '../../../../shared/api/lifecycle.schema';
import type { FieldErrors } from '../../components/translate-problems';
import { SignaturePad } from '../lifecycle/SignaturePad';
import type { BillConsentDraft, ConsentChannel } from './bill-consent-draft';

interface Props {
  value: BillConsentDraft;
  onChange: (draft: BillConsentDraft) => void;
  /** Field messages keyed as the schema names them (channel, signature, note, informed). */
  errors: FieldErrors;
}

/**
 * The customer's consent recorded on a bill (seed 001: no money before consent): how they agreed, their drawn
 * signature when present, and the clerk's attestation that the fee standard was explained.
 */
export function BillConsentFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const patch = (p: Partial<BillConsentDraft>) => onChange({ ...value, ...p });
  return (
    <Stack gap="xs" data-testid="bill-consent-fields">
      <Text size="sm" fw={600}>
        {t('ui.fees.ticket.billConsentTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ui.fees.ticket.billConsentHint')}
      </Text>
      <Select
        w={220}
        label={t('ui.fees.ticket.consentChannel')}
        data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`ui.lifecycle.consent.channels.${c}`) }))}
        value={value.channel}
        allowDeselect={false}
        onChange={(v) => v && patch({ channel: v as ConsentChannel })}
        data-testid="bill-consent-channel"
      />
      {value.channel === 'onsite' && (
        <SignaturePad value={value.signature} onChange={(signature) => patch({ signature })} error={errors.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.fees.ticket.signatureHint')} />
      )}
      <Textarea label={t('ui.fees.ticket.consentNote')} value={value.note} onChange={(e) => patch({ note: e.currentTarget.value })} error={errors.note} autosize minRows={1} maxLength={500} />
      <Checkbox
        label={t('ui.fees.ticket.billConsentInformed')}
        checked={value.informed}
        onChange={(e) => patch({ informed: e.currentTarget.checked })}
        error={errors.informed}
        data-testid="bill-consent-informed"
      />
    </Stack>
  );
}
