/** Desk rules: the approval threshold, the follow-up call and first-contact deadlines, the serial batch prefix. */
import { Group, NumberInput, Paper, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings';
import type { ClockBasis } from '../../../../shared/domain/sla';
import type { FieldErrors } from '../../components/translate-problems';
import { SectionTitle } from '../../components/SectionTitle';

export type Rules = Pick<Settings, 'approvalThresholdFen' | 'followUp' | 'contactWithinMinutes' | 'serialBatchPrefix'>;

interface Props {
  value: Rules;
  errors: FieldErrors;
  onChange: (v: Rules) => void;
}

const number = (n: string | number) => (typeof n === 'number' ? n : Number(n) || 0);

export function RulesSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (p: Partial<Rules>) => onChange({ ...value, ...p });
  return (
    <Paper withBorder p="sm">
      <SectionTitle title={t('ui.settings.rules')} />
      <Group grow align="flex-start">
        <NumberInput
          label={t('ui.settings.approvalThreshold')}
          description={t('ui.settings.approvalThresholdHint')}
          prefix="¥"
          decimalScale={2}
          thousandSeparator=","
          min={0}
          value={value.approvalThresholdFen / 100}
          error={errors.approvalThresholdFen}
          // Yuan typed, fen stored: round, so 12.34 never becomes 1233.9999.
          onChange={(n) => set({ approvalThresholdFen: Math.round(number(n) * 100) })}
          data-testid="settings-approval"
        />
        <NumberInput
          label={t('ui.settings.contactWithin')}
          min={1}
          value={value.contactWithinMinutes}
          error={errors.contactWithinMinutes}
          onChange={(n) => set({ contactWithinMinutes: number(n) })}
        />
        <NumberInput
          label={t('ui.settings.serialBatchPrefix')}
          description={t('ui.settings.serialBatchPrefixHint')}
          min={1}
          max={32}
          value={value.serialBatchPrefix}
          error={errors.serialBatchPrefix}
          onChange={(n) => set({ serialBatchPrefix: number(n) })}
        />
      </Group>
      <Group grow align="flex-start" mt="xs">
        <NumberInput
          label={t('ui.settings.followUpWithin')}
          min={1}
          value={value.followUp.minutes}
          error={errors['followUp.minutes']}
          onChange={(n) => set({ followUp: { ...value.followUp, minutes: number(n) } })}
          data-testid="settings-follow-up"
        />
        <Select
          label={t('ui.settings.basis')}
          allowDeselect={false}
          value={value.followUp.basis}
          onChange={(v) => v && set({ followUp: { ...value.followUp, basis: v as ClockBasis } })}
          data={[
            { value: 'elapsed', label: t('ui.settings.basisElapsed') },
            { value: 'working', label: t('ui.settings.basisWorking') },
          ]}
        />
        <div />
      </Group>
    </Paper>
  );
}
