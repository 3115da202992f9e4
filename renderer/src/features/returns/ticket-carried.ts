/** Tells the clerk where the ticket went with the device (or why it stayed), after a register move. */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { Result } from '../../../../shared/api/result';
import type { TicketCarried } from '../../../../shared/domain/return-ticket';
import type { TicketStatus } from '../../../../shared/domain/ticket';

export function showCarried(t: TFunction, before: TicketStatus, carried: TicketCarried): void {
  if (carried.held) notifications.show({ color: 'orange', message: t(`ui.returns.link.held.${carried.held}`) });
  else if (carried.status !== before) notifications.show({ color: 'blue', message: t('ui.returns.link.carried', { status: t(`status.${carried.status}`) }) });
}

/** Wraps a register call so its answer about the ticket is shown. */
export function carrying<I, O extends { ticket: TicketCarried }>(t: TFunction, before: TicketStatus, send: (input: I) => Promise<Result<O>>) {
  return async (input: I): Promise<Result<O>> => {
    const r = await send(input);
    if (r.ok) showCarried(t, before, r.value.ticket);
    return r;
  };
}
