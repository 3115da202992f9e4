import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Combobox, Group, TextInput, useCombobox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

interface Props<T> {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  autoFocus?: boolean;
  testId: string;
  load: (q: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** An option after the hits, e.g. "new customer". */
  extra?: { label: string; onPick: () => void } | undefined;
  /** Enter with no option highlighted (a scanner finished typing). */
  onEnter?: (text: string) => void;
  /** Highlight the first option as the user types, so Enter picks it. */
  selectFirst?: boolean;
}

const EXTRA = '__extra__';

/** A text field that searches as you type and offers the hits below it; keyboard only works. */
export function TypeAhead<T>(p: Props<T>) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [hits, setHits] = useState<T[]>([]);
  const seq = useRef(0);
  const { load, value, selectFirst } = p;

  useEffect(() => {
    const q = value.trim();
    const mine = ++seq.current;
    if (!q) return;
    const timer = setTimeout(() => {
      void load(q).then((found) => {
        if (mine !== seq.current) return;
        setHits(found);
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [value, load]);

  // Once the hits of what was typed are on screen (not before: the highlight would stay on the old row).
  useEffect(() => {
    if (selectFirst && value.trim()) combobox.selectFirstOption();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits, selectFirst]);

  function submit(key: string) {
    if (key === EXTRA) p.extra?.onPick();
    const hit = hits.find((h) => p.keyOf(h) === key);
    if (hit) p.onPick(hit);
    combobox.closeDropdown();
  }

  const shown = value.trim() === '' ? [] : hits;
  const show = value.trim() !== '' && (shown.length > 0 || p.extra !== undefined);
  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal={false}>
      <Combobox.Target>
        <TextInput
          label={p.label}
          placeholder={p.placeholder}
          value={value}
          error={p.error}
          autoFocus={p.autoFocus}
          data-testid={p.testId}
          autoComplete="off"
          data-typeahead
          onChange={(e) => {
            p.onChange(e.currentTarget.value);
            // Enter waits for the hits of the new text rather than taking a row of the old one.
            combobox.resetSelectedOption();
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            // Runs before the combobox's own handler: only act when no option is highlighted.
            const highlighted = combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1;
            if (e.key === 'Enter' && !e.ctrlKey && !highlighted) {
              p.onEnter?.(value);
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!show}>
        <Combobox.Options data-testid={`${p.testId}-options`}>
          {shown.map((h) => (
            <Combobox.Option value={p.keyOf(h)} key={p.keyOf(h)}>
              {p.render(h)}
            </Combobox.Option>
          ))}
          {p.extra && (
            // No colour of its own: highlighted, it takes the list's white on blue like every option.
            <Combobox.Option value={EXTRA} key={EXTRA} fw={600} data-testid={`${p.testId}-extra`}>
              <Group gap={6} wrap="nowrap">
                <IconPlus size={14} />
                {p.extra.label}
              </Group>
            </Combobox.Option>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
