import { useState } from 'react';
import { Group, MultiSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_TYPES, TICKET_STATUSES, URGENCIES, type ProblemType, type TicketStatus, type Urgency } from '../../../../shared/domain/ticket';
import { enumOptions } from '../../components/enum-options';
import type { TicketQuery } from './use-ticket-query';

interface Props {
  query: TicketQuery;
  onSearch: (q: string) => void;
  onChange: (next: Partial<TicketQuery>) => void;
}

export function TicketFilters({ query, onSearch, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(query.q);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        w={340}
        autoFocus
        label={t('ui.tickets.search')}
        placeholder={t('ui.tickets.searchPlaceholder')}
        leftSection={<IconSearch size={14} />}
        value={text}
        data-testid="ticket-search"
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearch(text);
        }}
        onBlur={() => text !== query.q && onSearch(text)}
      />
      <MultiSelect
        w={200}
        label={t('ui.tickets.status')}
        data={enumOptions(TICKET_STATUSES, 'status', t)}
        value={query.status}
        onChange={(v) => onChange({ status: v as TicketStatus[] })}
        clearable
        data-testid="filter-status"
      />
      <MultiSelect
        w={180}
        label={t('ui.tickets.urgency')}
        data={enumOptions(URGENCIES, 'urgency', t)}
        value={query.urgency}
        onChange={(v) => onChange({ urgency: v as Urgency[] })}
        clearable
        data-testid="filter-urgency"
      />
      <MultiSelect
        w={200}
        label={t('ui.tickets.problemType')}
        data={enumOptions(PROBLEM_TYPES, 'problemType', t)}
        value={query.problemType}
        onChange={(v) => onChange({ problemType: v as ProblemType[] })}
        clearable
        data-testid="filter-type"
      />
    </Group>
  );
}
