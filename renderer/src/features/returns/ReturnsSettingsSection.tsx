/** Settings → returned-device register: slip numbering, default repair days, condition checklists per product line. */
import { Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CHECKLIST_KEY, type ReturnsSettings } from '../../../../shared/domain/returns';

interface Props {
  value: ReturnsSettings;
  /** The product lines of the models, so each can get its own checklist. */
  productLines: string[];
  errors: Record<string, string>;
  onChange: (value: ReturnsSettings) => void;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function ReturnsSettingsSection({ value, productLines, errors, onChange }: Props) {
  const { t } = useTranslation();
  const keys = [DEFAULT_CHECKLIST_KEY, ...new Set([...productLines, ...Object.keys(value.checklists)].filter((k) => k !== DEFAULT_CHECKLIST_KEY))];
  return (
    <Paper withBorder p="sm" data-testid="settings-returns">
      <Text fw={600} size="sm" mb="xs" c="blue.8">
        {t('ui.returns.settings.title')}
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('ui.returns.settings.pattern')}
            description={t('ui.settings.patternHint')}
            value={value.numberPattern}
            error={errors['returns.numberPattern']}
            onChange={(e) => onChange({ ...value, numberPattern: e.currentTarget.value })}
            data-testid="settings-return-pattern"
          />
          <NumberInput
            label={t('ui.returns.settings.repairDays')}
            min={1}
            max={365}
            value={value.defaultRepairDays}
            error={errors['returns.defaultRepairDays']}
            onChange={(v) => onChange({ ...value, defaultRepairDays: typeof v === 'number' ? v : 1 })}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('ui.returns.settings.checklistHint')}
        </Text>
        <Group grow align="flex-start">
          {keys.map((key) => (
            <Textarea
              key={key}
              label={key === DEFAULT_CHECKLIST_KEY ? t('ui.returns.settings.checklistDefault') : t('ui.returns.settings.checklistFor', { line: key })}
              autosize
              minRows={4}
              maxRows={12}
              // Stored as a list, edited one item per line; an empty line list falls back to the default checklist.
              defaultValue={(value.checklists[key] ?? []).join('\n')}
              error={errors[`returns.checklists.${key}`]}
              onChange={(e) => {
                const items = lines(e.currentTarget.value);
                const next = { ...value.checklists };
                if (items.length === 0 && key !== DEFAULT_CHECKLIST_KEY) delete next[key];
                else next[key] = items;
                onChange({ ...value, checklists: next });
              }}
              data-testid={`settings-checklist-${key === DEFAULT_CHECKLIST_KEY ? 'default' : key}`}
            />
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
