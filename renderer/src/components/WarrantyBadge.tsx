import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarrantyStatus } from '../../../shared/domain/warranty';

const COLORS: Record<WarrantyStatus, string> = { in: 'green', out: 'red', unknown: 'gray' };

export function WarrantyBadge({ status }: { status: WarrantyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" data-testid="warranty-badge">
      {t(`warranty.${status}`)}
    </Badge>
  );
}
