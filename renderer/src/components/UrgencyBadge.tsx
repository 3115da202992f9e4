import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../shared/domain/ticket';

const COLORS: Record<Urgency, string> = { urgent: 'red', important: 'orange', normal: 'gray' };

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[urgency]} variant={urgency === 'normal' ? 'light' : 'filled'} size="sm" data-testid="urgency-badge">
      {t(`urgency.${urgency}`)}
    </Badge>
  );
}
