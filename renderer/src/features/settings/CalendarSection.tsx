/** The working calendar: opening hours, working weekdays, public holidays and make-up days (调休). */
import { useState } from 'react';
import { Badge, Button, Checkbox, CloseButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings } from '../../../../shared/domain/settings';
import type { FieldErrors } from '../../components/translate-problems';
import { CalendarImportModal } from './CalendarImportModal';
import { DateField } from '../../components/DateField';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props {
  value: CalendarSettings;
  errors: FieldErrors;
  onChange: (v: CalendarSettings) => void;
}

export function CalendarSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const set = (p: Partial<CalendarSettings>) => onChange({ ...value, ...p });
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm" c="blue.8">
          {t('ui.settings.calendar')}
        </Text>
        <Button size="xs" variant="light" onClick={() => setImporting(true)} data-testid="calendar-import">
          {t('ui.settings.importYear')}
        </Button>
      </Group>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput type="time" label={t('ui.settings.opens')} value={value.opens} error={errors['calendar.opens']} onChange={(e) => set({ opens: e.currentTarget.value })} w={130} />
          <TextInput type="time" label={t('ui.settings.closes')} value={value.closes} error={errors['calendar.closes']} onChange={(e) => set({ closes: e.currentTarget.value })} w={130} />
          <Checkbox.Group label={t('ui.settings.weekdays')} value={value.weekdays.map(String)} onChange={(days) => set({ weekdays: days.map(Number).sort() })}>
            <Group gap="xs" mt={6}>
              {WEEKDAYS.map((d) => (
                <Checkbox key={d} value={String(d)} label={t(`ui.settings.weekday${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Group>
        <DateList label={t('ui.settings.holidays')} testId="holidays" dates={value.holidays} error={errors['calendar.holidays']} onChange={(holidays) => set({ holidays })} />
        <DateList label={t('ui.settings.makeupDays')} testId="makeup" dates={value.makeupDays} error={errors['calendar.makeupDays']} onChange={(makeupDays) => set({ makeupDays })} />
      </Stack>
      <CalendarImportModal opened={importing} onClose={() => setImporting(false)} current={value} onApply={(lists) => set(lists)} />
    </Paper>
  );
}

/** Dates grouped by year, each removable; a date field adds one (Enter adds too). */
function DateList({ label, dates, error, testId, onChange }: { label: string; dates: string[]; error?: string | undefined; testId: string; onChange: (d: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft)) return;
    onChange([...new Set([...dates, draft])].sort());
    setDraft('');
  };
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
  return (
    <div data-testid={`calendar-${testId}`}>
      <Group gap="xs" align="flex-end">
        <DateField
          label={label}
          value={draft}
          error={error}
          onChange={setDraft}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-skip-enter
          w={180}
        />
        <Button size="sm" variant="default" onClick={add} disabled={!draft}>
          {t('ui.settings.addDate')}
        </Button>
      </Group>
      {years.map((year) => {
        const ofYear = dates.filter((d) => d.startsWith(year));
        return (
          <Group key={year} gap={4} mt={6}>
            <Text size="xs" c="dimmed" w={90}>
              {t('ui.settings.yearDays', { year, count: ofYear.length })}
            </Text>
            {ofYear.map((d) => (
              <Badge key={d} variant="light" color="gray" pr={2} rightSection={<CloseButton size="xs" aria-label={t('ui.settings.removeDate', { date: d })} onClick={() => onChange(dates.filter((x) => x !== d))} />}>
                {d.slice(5)}
              </Badge>
            ))}
          </Group>
        );
      })}
    </div>
  );
}
