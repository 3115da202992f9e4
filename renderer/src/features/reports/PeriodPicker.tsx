import { useState } from 'react';
import { ActionIcon, Group, SegmentedControl, Select } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isValidRange, monthPeriod, monthsUpTo, shiftMonth, wholeMonth, type Period } from './period';
import { DateField } from '../../components/DateField';

interface Props {
  value: Period;
  /** The desk's current month: the newest one offered. */
  latest: string;
  onChange: (next: Period) => void;
}

/** A month (the default) or any inclusive date range of up to a year. */
export function PeriodPicker({ value, latest, onChange }: Props) {
  const { t } = useTranslation();
  const month = wholeMonth(value);
  const [mode, setMode] = useState<'month' | 'range'>(month ? 'month' : 'range');
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // The period can change from outside (Back, a link): follow it unless it is the range being typed.
  if (seen.from !== value.from || seen.to !== value.to) {
    setSeen(value);
    if (draft.from !== value.from || draft.to !== value.to) {
      setDraft(value);
      setMode(month ? 'month' : 'range');
    }
  }
  const months = monthsUpTo(latest, 36).reverse();
  const shown = month ?? value.from.slice(0, 7);

  function editRange(next: Period) {
    setDraft(next);
    if (isValidRange(next)) onChange(next);
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        size="sm"
        value={mode}
        onChange={(m) => {
          setMode(m as 'month' | 'range');
          if (m === 'month') onChange(monthPeriod(shown));
          else setDraft(value);
        }}
        data={[
          { value: 'month', label: t('ui.stats.modeMonth') },
          { value: 'range', label: t('ui.stats.modeRange') },
        ]}
        data-testid="period-mode"
      />
      {mode === 'month' ? (
        <Group gap={4} align="flex-end" wrap="nowrap">
          <ActionIcon variant="default" size="lg" aria-label={t('ui.stats.prevMonth')} onClick={() => onChange(monthPeriod(shiftMonth(shown, -1)))}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Select
            w={130}
            aria-label={t('ui.stats.month')}
            data={months.includes(shown) ? months : [shown, ...months]}
            value={shown}
            allowDeselect={false}
            onChange={(m) => m && onChange(monthPeriod(m))}
            data-testid="period-month"
          />
          <ActionIcon variant="default" size="lg" aria-label={t('ui.stats.nextMonth')} disabled={shown >= latest} onClick={() => onChange(monthPeriod(shiftMonth(shown, 1)))}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      ) : (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <DateField w={160} label={t('ui.stats.from')} value={draft.from} onChange={(value) => editRange({ ...draft, from: value })} data-testid="period-from" />
          <DateField
            w={160}
            label={t('ui.stats.to')}
            value={draft.to}
            onChange={(value) => editRange({ ...draft, to: value })}
            error={isValidRange(draft) ? undefined : t('ui.stats.badRange')}
            data-testid="period-to"
          />
        </Group>
      )}
    </Group>
  );
}
