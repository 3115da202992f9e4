import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TICKET_QUEUES, type TicketQueue } from '../../../../shared/domain/ticket-search';

interface Props {
  value: TicketQueue | null;
  onChange: (queue: TicketQueue | null) => void;
}

const ALL = 'all';

/** The supervisor's queues over the list: 全部, 待审批, 一小时内到期, 未派工 (the choice lives in the URL). */
export function TicketQueueBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const data = [ALL, ...TICKET_QUEUES].map((q) => ({ value: q, label: t(`ui.tickets.list.queue.${q}`) }));
  return (
    <SegmentedControl
      size="sm"
      data={data}
      value={value ?? ALL}
      onChange={(v) => onChange(v === ALL ? null : (v as TicketQueue))}
      data-testid="ticket-queues"
    />
  );
}
