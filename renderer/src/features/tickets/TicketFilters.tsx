import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROBLEM_TYPES, TICKET_STATUSES, URGENCIES, type ProblemType, type TicketStatus, type Urgency } from '../../../../shared/domain/ticket';
import { useApi } from '../../api/use-api';
import { enumOptions } from '../../components/enum-options';
import { TicketSearchBox } from './TicketSearchBox';
import type { TicketQuery } from './use-ticket-query';
import { DateField } from '../../components/DateField';

interface Props {
  query: TicketQuery;
  onSearch: (q: string) => void;
  onEnter: (q: string) => void;
  onChange: (next: Partial<TicketQuery>) => void;
}

const idOf = (value: string | null) => (value ? Number(value) : null);

/** Search as you type, and the filters: status, urgency, type, reported dates, engineer, model. */
export function TicketFilters({ query, onSearch, onEnter, onChange }: Props) {
  const { t } = useTranslation();
  const people = useApi('users.directory', {});
  const models = useApi('models.list', {});
  const engineers = (people.data ?? []).filter((u) => u.role === 'engineer').map((u) => ({ value: String(u.id), label: u.displayName }));
  const modelOptions = (models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }));
  const filtered = query.status.length + query.urgency.length + query.problemType.length > 0 || query.from || query.to || query.engineerId || query.modelId;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TicketSearchBox value={query.q} onSearch={onSearch} onEnter={onEnter} />
      <MultiSelect w={190} label={t('ui.tickets.status')} data={enumOptions(TICKET_STATUSES, 'status', t)} value={query.status}
        onChange={(v) => onChange({ status: v as TicketStatus[] })} clearable data-testid="filter-status" />
      <MultiSelect w={150} label={t('ui.tickets.urgency')} data={enumOptions(URGENCIES, 'urgency', t)} value={query.urgency}
        onChange={(v) => onChange({ urgency: v as Urgency[] })} clearable data-testid="filter-urgency" />
      <MultiSelect w={170} label={t('ui.tickets.problemType')} data={enumOptions(PROBLEM_TYPES, 'problemType', t)} value={query.problemType}
        onChange={(v) => onChange({ problemType: v as ProblemType[] })} clearable data-testid="filter-type" />
      <DateField w={150} label={t('ui.tickets.list.from')} value={query.from ?? ''} max={query.to ?? undefined}
        onChange={(value) => onChange({ from: value || null })} data-testid="filter-from" />
      <DateField w={150} label={t('ui.tickets.list.to')} value={query.to ?? ''} min={query.from ?? undefined}
        onChange={(value) => onChange({ to: value || null })} data-testid="filter-to" />
      <Select w={150} label={t('ui.tickets.list.engineer')} placeholder={t('ui.tickets.list.anyEngineer')} data={engineers} searchable clearable
        value={query.engineerId ? String(query.engineerId) : null} onChange={(v) => onChange({ engineerId: idOf(v) })} data-testid="filter-engineer" />
      <Select w={200} label={t('ui.tickets.list.model')} placeholder={t('ui.tickets.list.anyModel')} data={modelOptions} searchable clearable
        value={query.modelId ? String(query.modelId) : null} onChange={(v) => onChange({ modelId: idOf(v) })} data-testid="filter-model" />
      {filtered && (
        <Button variant="subtle" onClick={() => onChange({ status: [], urgency: [], problemType: [], from: null, to: null, engineerId: null, modelId: null })}>
          {t('ui.tickets.list.clear')}
        </Button>
      )}
    </Group>
  );
}
