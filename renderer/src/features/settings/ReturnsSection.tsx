/**
 * The returned-device register: slip numbering, default repair days, and the condition-on-receipt
 * checklist per product line (`*` for every line without its own), one item per line.
 */
import { Button, CloseButton, Group, NumberInput, Paper, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CHECKLIST_KEY, type ReturnsSettings } from '../../../../shared/domain/returns';
import type { FieldErrors } from '../../components/translate-problems';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  value: ReturnsSettings;
  errors: FieldErrors;
  onChange: (v: ReturnsSettings) => void;
}

const items = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

export function ReturnsSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const lines = Object.entries(value.checklists);
  // Renaming a line keeps its place: rebuild the record in the same order.
  const setLines = (next: [string, string[]][]) => onChange({ ...value, checklists: Object.fromEntries(next) });
  return (
    <Paper withBorder p="sm">
      <SectionTitle title={t('ui.settings.returns')} />
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('ui.settings.returnPattern')}
            description={t('ui.settings.patternHint')}
            value={value.numberPattern}
            error={errors['returns.numberPattern']}
            onChange={(e) => onChange({ ...value, numberPattern: e.currentTarget.value })}
          />
          <NumberInput
            label={t('ui.settings.defaultRepairDays')}
            min={1}
            max={365}
            value={value.defaultRepairDays}
            error={errors['returns.defaultRepairDays']}
            onChange={(n) => onChange({ ...value, defaultRepairDays: typeof n === 'number' ? n : Number(n) || 0 })}
          />
        </Group>
        {lines.map(([line, list], i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <TextInput
              w={200}
              label={t('ui.settings.productLine')}
              description={line === DEFAULT_CHECKLIST_KEY ? t('ui.settings.anyLine') : undefined}
              value={line}
              readOnly={line === DEFAULT_CHECKLIST_KEY}
              error={errors['returns.checklists']}
              onChange={(e) => setLines(lines.map((l, j) => (j === i ? [e.currentTarget.value, l[1]] : l)))}
              data-testid={`checklist-line-${i}`}
            />
            <Textarea
              style={{ flex: 1 }}
              label={t('ui.settings.checklistItems')}
              autosize
              minRows={2}
              maxRows={8}
              defaultValue={list.join('\n')}
              onBlur={(e) => setLines(lines.map((l, j) => (j === i ? [l[0], items(e.currentTarget.value)] : l)))}
              data-testid={`checklist-items-${i}`}
            />
            {line !== DEFAULT_CHECKLIST_KEY && <CloseButton mt={28} aria-label={t('ui.settings.removeLine')} onClick={() => setLines(lines.filter((_, j) => j !== i))} />}
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => setLines([...lines, ['', []]])}>
            {t('ui.settings.addLine')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
