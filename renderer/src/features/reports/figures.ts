/** The key figures shown as cards: value, the previous period, the target and the ticket list behind each. */
import { TARGETS, type PeriodStats } from '../../../../shared/domain/statistics';
import { TICKET_STATUSES } from '../../../../shared/domain/ticket';
import { formatMoney } from '../../../../shared/domain/money';

export interface Figure {
  id: string;
  /** A `report.row.*` key shared with the workbook, so both name a figure the same way. */
  label: string;
  /** Money values are in fen. */
  kind: 'count' | 'rate' | 'money';
  value: number | null;
  previous: number | null;
  /** A rate's minimum (seed 002). */
  target?: number;
  /** Which way is good; neutral figures are only volume. */
  better: 'up' | 'down' | 'neutral';
  /** The list (hash path) showing the tickets behind the figure, where a list can filter so: the ticket list or a queue. */
  to?: string;
  /** A `report.note.*` key saying how the figure is counted (shown on hover, as the workbook says it under its table). */
  note?: string;
}

const OPEN_STATUSES = TICKET_STATUSES.filter((s) => s !== 'closed' && s !== 'cancelled');

export function figuresOf(cur: PeriodStats, prev: PeriodStats): Figure[] {
  return [
    { id: 'received', label: 'received', kind: 'count', value: cur.received, previous: prev.received, better: 'neutral' },
    { id: 'closed', label: 'closed', kind: 'count', value: cur.closed, previous: prev.closed, better: 'up', to: '/tickets?status=closed' },
    { id: 'openAtEnd', label: 'openAtEnd', kind: 'count', value: cur.openAtEnd, previous: prev.openAtEnd, better: 'down', to: `/tickets?status=${OPEN_STATUSES.join(',')}` },
    { id: 'complaints', label: 'complaints', kind: 'count', value: cur.complaints, previous: prev.complaints, better: 'down', to: '/tickets?type=complaint' },
    { id: 'responseRate', label: 'responseRate', kind: 'rate', value: cur.response.withinTargetRate, previous: prev.response.withinTargetRate, better: 'up', note: 'withinTarget' },
    // The unfinished tickets past their resolve deadline are the ones pulling this rate down.
    { id: 'resolutionRate', label: 'resolutionRate', kind: 'rate', value: cur.resolution.withinTargetRate, previous: prev.resolution.withinTargetRate, better: 'up', to: '/queue/overdue', note: 'withinTarget' },
    { id: 'firstTimeFix', label: 'firstTimeFix', kind: 'rate', value: cur.firstTimeFix.rate, previous: prev.firstTimeFix.rate, target: TARGETS.firstTimeFixRate, better: 'up' },
    { id: 'satisfaction', label: 'satisfactionRate', kind: 'rate', value: cur.satisfaction.rate, previous: prev.satisfaction.rate, target: TARGETS.satisfactionRate, better: 'up' },
    { id: 'followUpsOverdue', label: 'followUpsOverdue', kind: 'count', value: cur.followUps.overdue, previous: prev.followUps.overdue, better: 'down', to: '/queue/follow-up' },
    { id: 'repeatTickets', label: 'repeatTickets', kind: 'count', value: cur.repeatFaults.tickets, previous: prev.repeatFaults.tickets, better: 'down' },
    { id: 'returnsInDepot', label: 'returnsInDepot', kind: 'count', value: cur.returns.inDepotAtEnd, previous: prev.returns.inDepotAtEnd, better: 'down', to: '/returns' },
    { id: 'returnsOverdue', label: 'returnsOverdue', kind: 'count', value: cur.returns.overdueAtEnd, previous: prev.returns.overdueAtEnd, better: 'down', to: '/returns' },
    { id: 'collected', label: 'collectedYuan', kind: 'money', value: cur.fees.collectedFen, previous: prev.fees.collectedFen, better: 'up' },
    { id: 'outstanding', label: 'outstandingYuan', kind: 'money', value: cur.fees.outstandingFen, previous: prev.fees.outstandingFen, better: 'down', to: '/fees/receivables' },
  ];
}

/** +1 better than before, -1 worse, 0 same or not comparable. */
export function trendOf(f: Figure): -1 | 0 | 1 {
  if (f.value === null || f.previous === null || f.value === f.previous || f.better === 'neutral') return 0;
  const up = f.value > f.previous;
  return (f.better === 'up') === up ? 1 : -1;
}

export function formatFigure(value: number | null, kind: Figure['kind'], locale: string, none: string): string {
  if (value === null) return none;
  if (kind === 'count') return new Intl.NumberFormat(locale).format(value);
  if (kind === 'money') return formatMoney(value); // written one way everywhere: ¥1,180.00
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}
