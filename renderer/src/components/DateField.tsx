/**
 * The desk's one date field (and date-and-time field): shows and accepts YYYY-MM-DD [HH:mm] whatever the
 * browser's or system's locale (also 2026/11/05, 20261105, 2026年11月5日). Typing is plain text, so the
 * keyboard and a scanner work as in any field; the calendar (in the desk's language) opens only from its
 * button, never over the next field. Values stay the forms' strings: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:mm`
 * with `withTime`; '' is empty. On leaving the field, text that is a day reads back as YYYY-MM-DD; text that
 * is no real day stays as typed and is named.
 */
import { useState } from 'react';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fromPickerValue, parseDeskDate } from './date-text';

type Props = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: string | null;
  onChange: (value: string) => void;
  withTime?: boolean;
  /** Earliest and latest day the calendar offers (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
};

const shown = (value: string | null): string => (value ?? '').replace('T', ' ');

export function DateField({ value, onChange, withTime = false, min, max, error, onBlur, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language !== 'en';
  const [text, setText] = useState(shown(value));
  const [bad, setBad] = useState(false);
  const [opened, setOpened] = useState(false);
  // A value set from outside (a draft restored, a form reset) replaces what is shown.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (parse(text) !== (value ?? '')) setText(shown(value));
  }

  function parse(typed: string): string | null {
    if (typed.trim() === '') return '';
    const parsed = parseDeskDate(typed, withTime);
    return parsed === null ? null : withTime ? fromPickerValue(parsed) : parsed;
  }

  const type = (typed: string) => {
    setText(typed);
    const next = parse(typed);
    if (next !== null) {
      setBad(false);
      if (next !== (value ?? '')) onChange(next);
    }
  };

  const day = (value ?? '').slice(0, 10) || null;
  const pick = (picked: string | null) => {
    setOpened(false);
    if (!picked) return;
    type(withTime ? `${picked} ${(value ?? '').slice(11, 16) || '09:00'}` : picked);
  };

  return (
    <TextInput
      {...rest}
      value={text}
      placeholder={withTime ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
      inputMode="numeric"
      autoComplete="off"
      onChange={(e) => type(e.currentTarget.value)}
      onBlur={(e) => {
        // What was typed the other ways (2026/11/5, 20261105, 2026年11月5日) reads back as YYYY-MM-DD.
        const parsed = parse(text);
        setBad(parsed === null);
        if (parsed !== null) setText(shown(parsed));
        onBlur?.(e);
      }}
      error={error ?? (bad ? t(withTime ? 'ui.common.date.formatTime' : 'ui.common.date.format') : undefined)}
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" tabIndex={-1} aria-label={t('ui.common.date.pick')} onClick={() => setOpened((o) => !o)}>
              <IconCalendar size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={day}
              defaultDate={day ?? undefined}
              onChange={pick}
              minDate={min || undefined}
              maxDate={max || undefined}
              monthLabelFormat={chinese ? 'YYYY年M月' : 'MMMM YYYY'}
              yearLabelFormat={chinese ? 'YYYY年' : 'YYYY'}
              monthsListFormat={chinese ? 'M月' : 'MMM'}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
