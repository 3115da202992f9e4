/** Printed slips: the paper and the terms of each document, the print language, the response promise. */
import { Group, Paper, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PAPERS, SLIP_DOCUMENTS, SLIP_LANGUAGES, type Paper as PaperSize, type PrintSettings, type SlipLanguage } from '../../../../shared/domain/printing';
import type { FieldErrors } from '../../components/translate-problems';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  value: PrintSettings;
  errors: FieldErrors;
  onChange: (v: PrintSettings) => void;
}

export function PrintingSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const papers = PAPERS.map((p) => ({ value: p, label: t(`ui.settings.paper.${p}`) }));
  return (
    <Paper withBorder p="sm">
      <SectionTitle title={t('ui.settings.printing')} />
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('ui.settings.printLanguage')}
            description={t('ui.settings.printLanguageHint')}
            allowDeselect={false}
            value={value.language}
            onChange={(v) => v && onChange({ ...value, language: v as SlipLanguage })}
            data={SLIP_LANGUAGES.map((l) => ({ value: l, label: t(`ui.language.${l}`) }))}
          />
          <TextInput
            label={t('ui.settings.responseNote')}
            description={t('ui.settings.responseNoteHint')}
            value={value.responseNote}
            error={errors['printing.responseNote']}
            onChange={(e) => onChange({ ...value, responseNote: e.currentTarget.value })}
          />
        </Group>
        {SLIP_DOCUMENTS.map((doc) => (
          <Group key={doc} align="flex-start" wrap="nowrap" data-testid={`print-${doc}`}>
            <Select
              w={200}
              label={t(`slipDocument.${doc}`)}
              allowDeselect={false}
              value={value.paper[doc]}
              onChange={(v) => v && onChange({ ...value, paper: { ...value.paper, [doc]: v as PaperSize } })}
              data={papers}
              data-testid={`paper-${doc}`}
            />
            <Textarea
              style={{ flex: 1 }}
              label={t('ui.settings.terms')}
              autosize
              minRows={2}
              maxRows={6}
              value={value.terms[doc]}
              error={errors[`printing.terms.${doc}`]}
              onChange={(e) => onChange({ ...value, terms: { ...value.terms, [doc]: e.currentTarget.value } })}
              data-testid={`terms-${doc}`}
            />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
