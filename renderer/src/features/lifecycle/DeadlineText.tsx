import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { useNow } from './use-now';

interface Props {
  dueAt: string | null;
  /** When the deadline was met (then no countdown). */
  doneAt?: string | null;
  testId?: string;
}

/** A deadline with the time left, or how long it is overdue, in red. */
export function DeadlineText({ dueAt, doneAt = null, testId }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const now = useNow();
  if (!dueAt) return <Text size="sm">—</Text>;
  const due = Date.parse(dueAt);
  const end = doneAt ? Date.parse(doneAt) : now;
  const late = end > due;
  const minutes = Math.round(Math.abs(due - end) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const span = d > 0 ? t('ui.lifecycle.deadline.days', { d, h }) : h > 0 ? t('ui.lifecycle.deadline.hours', { h, m }) : t('ui.lifecycle.deadline.minutes', { m });
  const note = doneAt ? (late ? t('ui.lifecycle.deadline.overdue', { time: span }) : t('ui.lifecycle.deadline.met')) : late ? t('ui.lifecycle.deadline.overdue', { time: span }) : t('ui.lifecycle.deadline.left', { time: span });
  return (
    <Text size="sm" component="div" data-testid={testId} data-overdue={late ? 'yes' : 'no'}>
      {formatDateTime(dueAt, i18n.language, timeZone)}
      <Text span size="xs" ml={6} c={late ? 'red.7' : doneAt ? 'teal.7' : 'dimmed'} fw={late ? 600 : 400}>
        {note}
      </Text>
    </Text>
  );
}
