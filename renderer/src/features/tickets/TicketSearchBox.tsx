import { useEffect, useRef, useState } from 'react';
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** How long typing must pause before the list follows it. */
export const SEARCH_DEBOUNCE_MS = 250;

interface Props {
  value: string;
  /** Typing paused: the list follows the text. */
  onSearch: (q: string) => void;
  /** Enter (a scanner ends with it): open the exact match at once. */
  onEnter: (q: string) => void;
}

/** The list's search box: results follow typing after a short pause; Enter goes at once. */
export function TicketSearchBox({ value, onSearch, onEnter }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sent = useRef(value);
  // The URL changed under the box (Back, a linked queue): show what it searches for.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (q: string, now: boolean) => {
    clearTimeout(timer.current);
    const go = () => {
      sent.current = q.trim();
      if (now) onEnter(q);
      else onSearch(q.trim());
    };
    if (now) go();
    else timer.current = setTimeout(go, SEARCH_DEBOUNCE_MS);
  };

  return (
    <TextInput
      w={340}
      autoFocus
      label={t('ui.tickets.search')}
      placeholder={t('ui.tickets.searchPlaceholder')}
      leftSection={<IconSearch size={14} />}
      value={text}
      data-testid="ticket-search"
      onChange={(e) => {
        setText(e.currentTarget.value);
        send(e.currentTarget.value, false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') send(text, true);
      }}
    />
  );
}
