import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_TYPES, URGENCIES, mentionsSafetyRisk, type ProblemType, type Urgency } from '../../../../shared/domain/ticket';
import { enumOptions } from '../../components/enum-options';
import type { FieldErrors } from '../../components/translate-problems';
import type { FaultDraft } from './intake-draft';

interface Props {
  value: FaultDraft;
  errors: FieldErrors;
  patch: (p: Partial<FaultDraft>) => void;
}

/** Urgency, problem type and the safety flag (a safety risk is always urgent). */
export function ClassificationFields({ value, errors, patch }: Props) {
  const { t } = useTranslation();
  const suggest = !value.safetyRisk && mentionsSafetyRisk(value.faultDescription);
  return (
    <>
      <SimpleGrid cols={2} spacing="xs">
        <Select
          label={t('ui.intake.urgency')}
          data={enumOptions(URGENCIES, 'urgency', t)}
          value={value.safetyRisk ? 'urgent' : value.urgency}
          onChange={(v) => v && patch({ urgency: v as Urgency })}
          disabled={value.safetyRisk}
          allowDeselect={false}
          searchable
          error={errors.urgency}
          data-testid="urgency-select"
        />
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
        checked={value.safetyRisk}
        onChange={(e) => patch({ safetyRisk: e.currentTarget.checked })}
        data-testid="safety-risk"
      />
      {value.safetyRisk && (
        <Text size="xs" c="red" mt={4}>
          {t('ui.intake.safetyHint')}
        </Text>
      )}
      {suggest && (
        <Alert color="orange" mt="xs" py={6} icon={<IconAlertTriangle size={16} />} data-testid="safety-suggest">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('ui.intake.safetySuggest')}</Text>
            <Button size="compact-xs" color="orange" onClick={() => patch({ safetyRisk: true })} data-skip-enter>
              {t('ui.intake.safetyRisk')}
            </Button>
          </Group>
        </Alert>
      )}
    </>
  );
}
