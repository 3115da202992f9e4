/** Settings → printed documents: the paper of each document, the terms printed on it, the slips' language. */
import { Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAPERS, SLIP_DOCUMENTS, SLIP_LANGUAGES, type Paper as PaperSize, type PrintSettings, type SlipLanguage } from '../../../../shared/domain/printing';

interface Props {
  value: PrintSettings;
  errors: Record<string, string>;
  onChange: (value: PrintSettings) => void;
}

export function PrintSettingsSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="settings-printing">
      <Text fw={600} size="sm" mb="xs" c="blue.8">
        {t('ui.print.settings.title')}
      </Text>
      <Stack gap="sm">
        {SLIP_DOCUMENTS.map((doc) => (
          <Stack key={doc} gap={4}>
            <Group justify="space-between" align="flex-end">
              <Text size="sm" fw={500}>
                {t(`ui.print.settings.documents.${doc}`)}
              </Text>
              <SegmentedControl
                size="xs"
                value={value.paper[doc]}
                onChange={(p) => onChange({ ...value, paper: { ...value.paper, [doc]: p as PaperSize } })}
                data={PAPERS.map((p) => ({ value: p, label: t(`ui.print.papers.${p}`) }))}
                data-testid={`settings-paper-${doc}`}
              />
            </Group>
            <Textarea
              aria-label={t('ui.print.settings.terms')}
              description={t('ui.print.settings.terms')}
              autosize
              minRows={2}
              maxRows={8}
              value={value.terms[doc]}
              error={errors[`printing.terms.${doc}`]}
              onChange={(e) => onChange({ ...value, terms: { ...value.terms, [doc]: e.currentTarget.value } })}
              data-testid={`settings-terms-${doc}`}
            />
          </Stack>
        ))}
        <Select
          w={240}
          label={t('ui.print.settings.language')}
          description={t('ui.print.settings.languageHint')}
          data={SLIP_LANGUAGES.map((l) => ({ value: l, label: t(`ui.language.${l}`) }))}
          value={value.language}
          onChange={(l) => l && onChange({ ...value, language: l as SlipLanguage })}
          allowDeselect={false}
        />
      </Stack>
    </Paper>
  );
}
