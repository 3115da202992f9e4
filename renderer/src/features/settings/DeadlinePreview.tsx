/** 到期试算: when a number of working hours from a start time ends, on the calendar as edited (not yet saved). */
import { useState } from 'react';
import { Group, NumberInput, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addWorkingMinutes, type WorkingCalendar } from '../../../../shared/domain/calendar';
import { deskNow } from '../../api/desk-clock';
import { isoToWall, wallToIso } from '../../components/format-time';
import { DateField } from '../../components/DateField';
import { SectionTitle } from '../../components/SectionTitle';

export function DeadlinePreview({ calendar }: { calendar: WorkingCalendar }) {
  const { t, i18n } = useTranslation();
  const [start, setStart] = useState(() => isoToWall(deskNow().toISOString(), calendar.timeZone));
  const [hours, setHours] = useState<number | string>(8);
  const at = Date.parse(wallToIso(start, calendar.timeZone));
  let due = '';
  if (!Number.isNaN(at) && typeof hours === 'number' && hours >= 0) {
    try {
      const format = new Intl.DateTimeFormat(i18n.language, { timeZone: calendar.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
      due = format.format(new Date(addWorkingMinutes(calendar, at, Math.round(hours * 60))));
    } catch {
      // A calendar without working time in the next 800 days has no due time to show.
    }
  }
  return (
    <Paper withBorder p="sm" data-testid="deadline-preview">
      <SectionTitle title={t('ui.settings.preview.title')} hint={t('ui.settings.preview.hint')} />
      <Group align="flex-end">
        <DateField withTime label={t('ui.settings.preview.start')} value={start} onChange={setStart} w={220} data-testid="preview-start" />
        <NumberInput label={t('ui.settings.preview.hours')} value={hours} onChange={setHours} min={0} max={2000} step={1} w={120} data-testid="preview-hours" />
        <div>
          <Text size="xs" c="dimmed">
            {t('ui.settings.preview.due')}
          </Text>
          <Text fw={600} data-testid="preview-due">
            {due || '—'}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
