/** An outbox message's state as a coloured badge, in the user's words. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxState } from '../../../../shared/domain/messaging';

const STATE_COLOR: Record<OutboxState, string> = { queued: 'blue', sending: 'cyan', sent: 'green', failed: 'red', cancelled: 'gray', needs_look: 'orange' };

export function OutboxStateBadge({ state }: { state: OutboxState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" tt="none" styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }} data-testid="outbox-state" data-state={state}>
      {t(`outboxState.${state}`)}
    </Badge>
  );
}
