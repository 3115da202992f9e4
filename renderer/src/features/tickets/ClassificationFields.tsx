import { Alert, Checkbox, Input, SegmentedControl, Select, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_TYPES, URGENCIES, type ProblemType, type Urgency } from '../../../../shared/domain/ticket';
import { isSafetyRisk } from '../../../../shared/domain/safety';
import { enumOptions } from '../../components/enum-options';
import type { FieldErrors } from '../../components/translate-problems';
import type { FaultDraft } from './intake-draft';

interface Props {
  value: FaultDraft;
  errors: FieldErrors;
  patch: (p: Partial<FaultDraft>) => void;
}

const URGENCY_COLOR: Record<Urgency, string> = { urgent: 'red', important: 'orange', normal: 'blue' };

/**
 * Urgency, problem type and the safety flag. Urgency is a row of three radios: every level is in sight,
 * the arrow keys move the choice itself (no hidden highlight that Enter may or may not take), and what is
 * shown is what is saved. A safety risk is always urgent: safety words in the fault set
 * the flag as the core will on save (the same rule): shown ticked and locked, with the reason.
 */
export function ClassificationFields({ value, errors, patch }: Props) {
  const { t } = useTranslation();
  const fromWords = isSafetyRisk({ ...value, safetyRisk: false });
  const risky = value.safetyRisk || fromWords;
  return (
    <>
      <SimpleGrid cols={2} spacing="xs">
        <Input.Wrapper label={t('ui.intake.urgency')} description={t('ui.intake.urgencyKeys')} error={errors.urgency} inputWrapperOrder={['label', 'input', 'description', 'error']}>
          <SegmentedControl
            fullWidth
            data={enumOptions(URGENCIES, 'urgency', t)}
            value={risky ? 'urgent' : value.urgency}
            onChange={(v) => patch({ urgency: v as Urgency })}
            color={URGENCY_COLOR[risky ? 'urgent' : value.urgency]}
            disabled={risky}
            data-testid="urgency"
          />
        </Input.Wrapper>
        <Select
          label={t('ui.intake.problemType')}
          data={enumOptions(PROBLEM_TYPES, 'problemType', t)}
          value={value.problemType}
          onChange={(v) => v && patch({ problemType: v as ProblemType })}
          allowDeselect={false}
          searchable
          error={errors.problemType}
          data-testid="problem-type-select"
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        color="red"
        label={t('ui.intake.safetyRisk')}
        checked={risky}
        disabled={fromWords}
        onChange={(e) => patch({ safetyRisk: e.currentTarget.checked })}
        data-testid="safety-risk"
      />
      {risky && (
        <Text size="xs" c="red" mt={4}>
          {t('ui.intake.safetyHint')}
        </Text>
      )}
      {fromWords && (
        <Alert color="orange" mt="xs" py={6} icon={<IconAlertTriangle size={16} />} data-testid="safety-suggest">
          <Text size="sm">{t('ui.intake.safetyFromWords')}</Text>
        </Alert>
      )}
    </>
  );
}
