/**
 * The list's search, filters, queue, sort and paging live in the URL: Back returns to the same page of
 * results, and a supervisor's queue (#/tickets?queue=dueSoon) can be linked or bookmarked.
 */
import { useSearchParams } from 'react-router';
import { PROBLEM_TYPES, TICKET_STATUSES, URGENCIES, type ProblemType, type TicketStatus, type Urgency } from '../../../../shared/domain/ticket';
import { TICKET_QUEUES, TICKET_SORTS, type TicketQueue, type TicketSort } from '../../../../shared/domain/ticket-search';

export const PAGE_SIZES = [20, 50, 100] as const;

export interface TicketQuery {
  q: string;
  status: TicketStatus[];
  urgency: Urgency[];
  problemType: ProblemType[];
  queue: TicketQueue | null;
  from: string | null;
  to: string | null;
  engineerId: number | null;
  modelId: number | null;
  sort: TicketSort;
  page: number;
  pageSize: number;
}

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  return (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | null {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (raw: string | null) => (raw && DATE.test(raw) ? raw : null);
const positive = (raw: string | null) => (raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null);

export function readTicketQuery(params: URLSearchParams): TicketQuery {
  const size = positive(params.get('size'));
  return {
    q: params.get('q') ?? '',
    status: listOf(params.get('status'), TICKET_STATUSES),
    urgency: listOf(params.get('urgency'), URGENCIES),
    problemType: listOf(params.get('type'), PROBLEM_TYPES),
    queue: oneOf(params.get('queue'), TICKET_QUEUES),
    from: date(params.get('from')),
    to: date(params.get('to')),
    engineerId: positive(params.get('engineer')),
    modelId: positive(params.get('model')),
    sort: oneOf(params.get('sort'), TICKET_SORTS) ?? 'newest',
    page: positive(params.get('page')) ?? 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size ?? 0) ? size! : PAGE_SIZES[0],
  };
}

export function writeTicketQuery(query: TicketQuery): URLSearchParams {
  const out = new URLSearchParams();
  const put = (key: string, value: string | number | null, skip: string | number | null = null) => {
    if (value !== null && value !== '' && value !== skip) out.set(key, String(value));
  };
  put('q', query.q);
  put('status', query.status.join(','));
  put('urgency', query.urgency.join(','));
  put('type', query.problemType.join(','));
  put('queue', query.queue);
  put('from', query.from);
  put('to', query.to);
  put('engineer', query.engineerId);
  put('model', query.modelId);
  put('sort', query.sort, 'newest');
  put('size', query.pageSize, PAGE_SIZES[0]);
  put('page', query.page, 1);
  return out;
}

/** The query and a setter that merges a change into it (any change but the page goes back to page 1). */
export function useTicketQuery(): [TicketQuery, (next: Partial<TicketQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = readTicketQuery(params);
  // From the URL as it is when the change lands: a debounced search must not undo a filter chosen meanwhile.
  const update = (next: Partial<TicketQuery>) => setParams((now) => writeTicketQuery({ ...readTicketQuery(now), page: 1, ...next }), { replace: true });
  return [query, update];
}
