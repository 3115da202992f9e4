/**
 * The outbox's pruning (daily maintenance): sent and cancelled messages older than the admin's retention are
 * deleted; failed ones and those needing a look stay until someone deals with them. A pruned message that was
 * sent for a ticket leaves its fact (channel, message, recipient, when) in `sent_messages`, so the ticket's
 * timeline still shows it was sent.
 */
import type { CoreDeps } from '../context';

const DAY_MS = 24 * 60 * 60_000;

export async function pruneOutbox(deps: Pick<CoreDeps, 'db' | 'now' | 'messaging'>): Promise<number> {
  const { retentionDays } = await deps.messaging.get();
  const cutoff = new Date(deps.now().getTime() - retentionDays * DAY_MS).toISOString();
  return deps.db.write(async (tx) => {
    // Both walk ix_outbox_sent (state, sent_at): the state's range, then the old end of it.
    await tx.run(
      `INSERT OR IGNORE INTO sent_messages (id, ticket_id, channel, event, recipient, created_at, sent_at)
       SELECT id, ticket_id, channel, event, recipient, created_at, sent_at FROM outbox WHERE state = 'sent' AND sent_at < ? AND ticket_id IS NOT NULL`,
      [cutoff],
    );
    const sent = await tx.run("DELETE FROM outbox WHERE state = 'sent' AND sent_at < ?", [cutoff]);
    const cancelled = await tx.run("DELETE FROM outbox WHERE state = 'cancelled' AND updated_at < ?", [cutoff]);
    return sent + cancelled;
  });
}
