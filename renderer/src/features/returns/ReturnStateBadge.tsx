import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReturnState } from '../../../../shared/domain/returns';

const COLORS: Record<ReturnState, string> = {
  received: 'blue',
  inspecting: 'cyan',
  waiting_quote: 'yellow',
  repairing: 'teal',
  waiting_parts: 'orange',
  repaired: 'green',
  unrepairable: 'red',
  returned: 'gray',
  scrapped: 'dark',
};

export function ReturnStateBadge({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" size="sm" data-testid="return-state" data-state={state}>
      {t(`returnState.${state}`)}
    </Badge>
  );
}
