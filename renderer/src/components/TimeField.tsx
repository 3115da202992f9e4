/**
 * A time of day in 24 hours (HH:mm) whatever the browser's locale: the browser's own time input showed
 * 09:00 AM in an English one. Typed as text; 9:00, 0900 and 9：00 read as 09:00 on leaving the field.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { readClock } from './date-text';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & { value: string; onChange: (value: string) => void };

export function TimeField({ value, onChange, onBlur, ...rest }: Props) {
  return (
    <TextInput
      placeholder="HH:mm"
      maxLength={5}
      autoComplete="off"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        if (readClock(value) !== value) onChange(readClock(value));
        onBlur?.(e);
      }}
    />
  );
}
