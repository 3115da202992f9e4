/**
 * The working calendar: opening hours with the lunch break, working weekdays, the official arrangement the
 * app brings, the company's own days over it (days off, working days, half days), and a deadline check.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarSettings } from '../../../../shared/domain/settings';
import { withOfficialDays } from '../../../../shared/domain/official-calendar';
import { useApi } from '../../api/use-api';
import { deskNow } from '../../api/desk-clock';
import { OfficialArrangement } from './OfficialArrangement';
import { DeadlinePreview } from './DeadlinePreview';
import type { FieldErrors } from '../../components/translate-problems';
import { CalendarImportModal } from './CalendarImportModal';
import { DateField } from '../../components/DateField';
import { TimeField } from '../../components/TimeField';
import { SectionTitle } from '../../components/SectionTitle';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props {
  value: CalendarSettings;
  timeZone: string;
  errors: FieldErrors;
  onChange: (v: CalendarSettings) => void;
}

export function CalendarSection({ value, timeZone, errors, onChange }: Props) {
  const { t } = useTranslation();
  const [importing, setImporting] = useState(false);
  const official = useApi('calendar.official', {});
  const set = (p: Partial<CalendarSettings>) => onChange({ ...value, ...p });
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(deskNow()));
  const calendar = withOfficialDays({ ...value, timeZone }, (official.data ?? []).flatMap((y) => y.days));
  return (
    <>
      <Paper withBorder p="sm">
        <SectionTitle
          title={t('ui.settings.calendar')}
          actions={
            <Button size="xs" variant="light" onClick={() => setImporting(true)} data-testid="calendar-import">
              {t('ui.settings.importYear')}
            </Button>
          }
        />
        <Stack gap="xs">
          <Group align="flex-end">
            <TimeField label={t('ui.settings.opens')} value={value.opens} error={errors['calendar.opens']} onChange={(v) => set({ opens: v })} w={130} />
            <Checkbox label={t('ui.settings.lunch')} checked={Boolean(value.lunch)} onChange={(e) => set({ lunch: e.currentTarget.checked ? { from: '12:00', to: '13:30' } : null })} mb={8} data-testid="calendar-lunch" />
            {value.lunch && (
              <>
                <TimeField label={t('ui.settings.lunchFrom')} value={value.lunch.from} error={errors['calendar.lunch.from']} onChange={(v) => set({ lunch: { ...value.lunch!, from: v } })} w={130} data-testid="calendar-lunch-from" />
                <TimeField label={t('ui.settings.lunchTo')} value={value.lunch.to} error={errors['calendar.lunch.to']} onChange={(v) => set({ lunch: { ...value.lunch!, to: v } })} w={130} data-testid="calendar-lunch-to" />
              </>
            )}
            <TimeField label={t('ui.settings.closes')} value={value.closes} error={errors['calendar.closes']} onChange={(v) => set({ closes: v })} w={130} />
            <Checkbox.Group label={t('ui.settings.weekdays')} value={value.weekdays.map(String)} onChange={(days) => set({ weekdays: days.map(Number).sort() })}>
              <Group gap="xs" mt={6}>
                {WEEKDAYS.map((d) => (
                  <Checkbox key={d} value={String(d)} label={t(`ui.settings.weekday${d}`)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Group>
          <Text size="xs" c="dimmed">
            {t('ui.settings.companyDays')}
          </Text>
          <DateList label={t('ui.settings.holidays')} testId="holidays" dates={value.holidays} error={errors['calendar.holidays']} onChange={(holidays) => set({ holidays })} />
          <DateList label={t('ui.settings.makeupDays')} testId="makeup" dates={value.makeupDays} error={errors['calendar.makeupDays']} onChange={(makeupDays) => set({ makeupDays })} />
          <DateList label={t('ui.settings.halfDays')} testId="half" dates={value.halfDays ?? []} error={errors['calendar.halfDays']} onChange={(halfDays) => set({ halfDays })} />
        </Stack>
        <CalendarImportModal opened={importing} onClose={() => setImporting(false)} current={value} onApply={(lists) => set(lists)} />
      </Paper>
      {official.data && <OfficialArrangement years={official.data} thisYear={thisYear} onAccepted={official.reload} />}
      <DeadlinePreview calendar={calendar} />
    </>
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
