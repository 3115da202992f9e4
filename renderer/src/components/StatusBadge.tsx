import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../shared/domain/ticket';

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  const color = status === 'closed' || status === 'cancelled' ? 'gray' : status === 'registered' ? 'blue' : 'teal';
  return (
    <Badge color={color} variant="outline" size="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
