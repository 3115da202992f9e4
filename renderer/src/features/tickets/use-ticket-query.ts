/** The list's search and filters live in the URL so Back returns to the same page of results. */
import { useSearchParams } from 'react-router';
import { PROBLEM_TYPES, TICKET_STATUSES, URGENCIES, type ProblemType, type TicketStatus, type Urgency } from '../../../../shared/domain/ticket';

export interface TicketQuery {
  q: string;
  status: TicketStatus[];
  urgency: Urgency[];
  problemType: ProblemType[];
  page: number;
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  return (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export function useTicketQuery(): [TicketQuery, (next: Partial<TicketQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query: TicketQuery = {
    q: params.get('q') ?? '',
    status: listOf(params.get('status'), TICKET_STATUSES),
    urgency: listOf(params.get('urgency'), URGENCIES),
    problemType: listOf(params.get('type'), PROBLEM_TYPES),
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  };
  const update = (next: Partial<TicketQuery>) => {
    const merged = { ...query, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.status.length) out.set('status', merged.status.join(','));
    if (merged.urgency.length) out.set('urgency', merged.urgency.join(','));
    if (merged.problemType.length) out.set('type', merged.problemType.join(','));
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out, { replace: true });
  };
  return [query, update];
}
