/**
 * Imports a year of holidays and make-up days from pasted text or a .txt/.csv file, with a preview
 * of what changes. A file with any bad line is not applied: the admin fixes it first.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, FileButton, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyCalendarImport, parseCalendarImport } from '../../../../shared/domain/calendar-import';
import type { CalendarSettings } from '../../../../shared/domain/settings';

const MAX_FILE_BYTES = 200 * 1024;

interface Props {
  opened: boolean;
  onClose: () => void;
  current: CalendarSettings;
  onApply: (lists: Pick<CalendarSettings, 'holidays' | 'makeupDays'>) => void;
}

export function CalendarImportModal({ opened, onClose, current, onApply }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const parsed = useMemo(() => parseCalendarImport(text), [text]);
  const count = parsed.holidays.length + parsed.makeupDays.length;
  const canApply = count > 0 && parsed.problems.length === 0;

  async function load(file: File | null) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileError(t('ui.settings.importTooBig'));
    setFileError(null);
    setText(await file.text());
  }

  function apply() {
    onApply(applyCalendarImport(current, parsed));
    setText('');
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.settings.importTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('ui.settings.importHint')}
        </Text>
        <Textarea
          autosize
          minRows={8}
          maxRows={16}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          placeholder={'2026-10-01~2026-10-07 休\n2026-09-27 班\n2026-10-10 班'}
          data-testid="calendar-import-text"
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Group>
          <FileButton onChange={(f) => void load(f)} accept=".txt,.csv,text/plain,text/csv">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {t('ui.settings.importFile')}
              </Button>
            )}
          </FileButton>
          {fileError && (
            <Text size="sm" c="red">
              {fileError}
            </Text>
          )}
        </Group>
        {count > 0 && (
          <Alert color="blue" data-testid="calendar-import-preview">
            {parsed.years.map((year) => (
              <Text size="sm" key={year}>
                {t('ui.settings.importPreview', {
                  year,
                  holidays: parsed.holidays.filter((d) => d.startsWith(String(year))).length,
                  makeup: parsed.makeupDays.filter((d) => d.startsWith(String(year))).length,
                })}
              </Text>
            ))}
          </Alert>
        )}
        {parsed.problems.length > 0 && (
          <Alert color="red" title={t('ui.settings.importProblems')} data-testid="calendar-import-problems">
            <List size="sm">
              {parsed.problems.slice(0, 20).map((p) => (
                <List.Item key={p.line}>{t('ui.settings.importLine', { line: p.line, text: p.text, problem: t(`ui.settings.importProblem.${p.problem}`) })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={apply} disabled={!canApply} data-testid="calendar-import-apply">
            {t('ui.settings.importApply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
