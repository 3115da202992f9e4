/**
 * The customer's consent to a quote (客户同意报价), wherever the desk records it: on the ticket's fee card
 * (quotes.consent) or as the returned device's 客户同意报价 (returns.move). One fact: the quote is accepted, the
 * ticket's timeline says so, and a device of the ticket waiting for that answer goes on to repair.
 */
import type { ParsedInputOf } from '../../../../shared/api/contract';
import { actor, type CallContext } from '../../context';
import type { Tx } from '../../db/db';
import { AppError, conflict } from '../../errors';
import { audit } from '../audit';
import { pngFromDataUrl, storeAttachment } from '../attachments';
import { approveWaitingReturns } from '../returns-write';

export type QuoteConsent = Pick<ParsedInputOf<'quotes.consent'>, 'channel' | 'signature' | 'note'>;

/** Records consent on a pending quote read in this transaction (its id, version, ticket and status). */
export async function recordQuoteConsent(tx: Tx, ctx: CallContext, q: { id: number; version: number; ticket_id: number; status: string }, consent: QuoteConsent): Promise<void> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  if (q.status !== 'pending') throw new AppError('CONFLICT', { key: 'fees.quoteNotPending' });
  const signatureId = consent.signature
    ? await storeAttachment(tx, ctx.dataDir, at, me.id, { ticketId: q.ticket_id, kind: 'signature', fileName: 'quote-consent-signature.png', mime: 'image/png', bytes: pngFromDataUrl(consent.signature) })
    : null;
  const values = { status: 'accepted', consent_at: at, consent_channel: consent.channel, consent_signature_id: signatureId, consent_note: consent.note };
  const changed = await tx.run(
    'UPDATE quotes SET status = ?, consent_at = ?, consent_channel = ?, consent_signature_id = ?, consent_note = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
    [...Object.values(values), at, me.id, q.id, q.version],
  );
  if (changed !== 1) throw conflict();
  await audit(tx, at, me.id, 'quotes', q.id, 'update', { status: q.status }, values);
  const data = JSON.stringify({ quoteId: q.id, channel: consent.channel });
  await tx.insert('ticket_events', { ticket_id: q.ticket_id, at, actor_id: me.id, kind: 'quoteConsent', from_status: null, to_status: null, note: null, data });
  await approveWaitingReturns(tx, ctx, q.ticket_id, q.id);
}
