import type { Ref } from 'react';
import { Checkbox, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FAULT_FREQUENCIES, type FaultFrequency } from '../../../../shared/domain/ticket';
import { enumOptions } from '../../components/enum-options';
import type { FieldErrors } from '../../components/translate-problems';
import type { FaultDraft } from './intake-draft';

const MAX = 10_000;

interface Props {
  value: FaultDraft;
  errors: FieldErrors;
  patch: (p: Partial<FaultDraft>) => void;
  descriptionRef?: Ref<HTMLTextAreaElement>;
}

/** The fault description and its details (seed 002's questions). */
export function FaultFields({ value, errors, patch, descriptionRef }: Props) {
  const { t } = useTranslation();
  const text = (k: 'faultWhen' | 'alarmCodes' | 'abnormalNoise' | 'environment' | 'customerTried') => ({
    label: t(`ui.intake.${k}`),
    value: value[k],
    error: errors[k],
    'data-testid': `fault-${k}`,
    onChange: (e: { currentTarget: { value: string } }) => patch({ [k]: e.currentTarget.value }),
  });
  const length = value.faultDescription.length;
  return (
    <>
      <Textarea
        ref={descriptionRef}
        label={t('ui.intake.faultDescription')}
        placeholder={t('ui.intake.faultPlaceholder')}
        required
        autosize
        minRows={3}
        maxRows={8}
        value={value.faultDescription}
        error={errors.faultDescription}
        data-testid="fault-description"
        onChange={(e) => patch({ faultDescription: e.currentTarget.value })}
        description={
          <Text span size="xs" c={length > MAX ? 'red' : 'dimmed'} data-testid="fault-counter">
            {t('ui.intake.counter', { count: length, max: MAX })}
          </Text>
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
      />
      <SimpleGrid cols={3} spacing="xs" mt="xs">
        <TextInput {...text('faultWhen')} />
        <Select
          label={t('ui.intake.faultFrequency')}
          data={enumOptions(FAULT_FREQUENCIES, 'frequency', t)}
          value={value.faultFrequency}
          onChange={(v) => patch({ faultFrequency: v as FaultFrequency | null })}
          clearable
          searchable
          data-testid="fault-frequency"
        />
        <TextInput {...text('alarmCodes')} />
        <TextInput {...text('abnormalNoise')} />
        <TextInput {...text('environment')} />
        <TextInput {...text('customerTried')} />
      </SimpleGrid>
      <Checkbox
        mt="xs"
        label={t('ui.intake.reportedBefore')}
        checked={value.reportedBefore}
        onChange={(e) => patch({ reportedBefore: e.currentTarget.checked })}
        data-testid="reported-before"
      />
    </>
  );
}
