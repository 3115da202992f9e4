/**
 * The customer's consent behind a bill (shared/domain/fee-consent.ts): checked when the bill is made and before
 * any money is taken on it, recorded on the bill when no accepted quote carries it (bills.create's `consent`,
 * or bills.consent for a bill that has none yet).
 */
import type { ParsedInputOf } from '../../../../shared/api/contract';
import { consentSource, lacksConsent, type BillConsentFacts } from '../../../../shared/domain/fee-consent';
import { actor, type CallContext } from '../../context';
import type { Tx } from '../../db/db';
import { AppError, conflict, notFound } from '../../errors';
import { audit } from '../audit';
import { pngFromDataUrl, storeAttachment } from '../attachments';
import { timeline } from './quotes.service';

type Consent = NonNullable<ParsedInputOf<'bills.create'>['consent']>;

export interface ConsentColumns {
  consent_at: string | null;
  consent_channel: string | null;
  consent_signature_id: number | null;
  consent_note: string;
}

export const NO_CONSENT: ConsentColumns = { consent_at: null, consent_channel: null, consent_signature_id: null, consent_note: '' };

/** The facts the rule reads, from a stored bill row. */
export const consentFacts = (row: { total_fen: number; quote_total_fen: number | null; consent_at: string | null }): BillConsentFacts => ({
  totalFen: row.total_fen,
  quoteTotalFen: row.quote_total_fen,
  consentAt: row.consent_at,
});

/**
 * A chargeable bill without an accepted quote must bring the customer's consent. One made from a quote but
 * above it is made, and waits for the customer's consent to the difference before any money (bills.consent).
 */
export function requireConsentToBill(facts: BillConsentFacts): void {
  if (facts.quoteTotalFen === null && lacksConsent(facts)) throw new AppError('VALIDATION', { key: 'fees.consentRequired', fields: { consent: { key: 'error.fees.consentRequired', params: {} } } });
}

/** No money is taken, and no balance signed for, on a bill the customer has not consented to. */
export function refuseWithoutConsent(row: { total_fen: number; quote_total_fen: number | null; consent_at: string | null }): void {
  if (lacksConsent(consentFacts(row))) throw new AppError('CONFLICT', { key: 'fees.noConsent' });
}

/** Stores the drawn signature (on site) and returns the bill's consent columns. */
export async function consentColumns(tx: Tx, ctx: CallContext, ticketId: number, consent: Consent, at: string): Promise<ConsentColumns> {
  const signatureId = consent.signature
    ? await storeAttachment(tx, ctx.dataDir, at, actor(ctx).id, { ticketId, kind: 'signature', fileName: 'bill-consent-signature.png', mime: 'image/png', bytes: pngFromDataUrl(consent.signature) })
    : null;
  return { consent_at: at, consent_channel: consent.channel, consent_signature_id: signatureId, consent_note: consent.note };
}

/** bills.consent: the customer's consent on a bill that has none yet (one made before the rule, or above its quote); returns its ticket. */
export async function recordBillConsent(ctx: CallContext, input: ParsedInputOf<'bills.consent'>): Promise<number> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  return ctx.db.write(async (tx) => {
    const [row] = await tx.query<{ id: number; version: number; ticket_id: number; total_fen: number; quote_total_fen: number | null; consent_at: string | null }>(
      'SELECT id, version, ticket_id, total_fen, quote_total_fen, consent_at FROM bills WHERE id = ?',
      [input.id],
    );
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict();
    if (consentSource(consentFacts(row)) !== null) throw new AppError('CONFLICT', { key: 'fees.alreadyConsented' });
    const values = await consentColumns(tx, ctx, row.ticket_id, input, at);
    const changed = await tx.run(
      'UPDATE bills SET consent_at = ?, consent_channel = ?, consent_signature_id = ?, consent_note = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
      [values.consent_at, values.consent_channel, values.consent_signature_id, values.consent_note, at, me.id, row.id, row.version],
    );
    if (changed !== 1) throw conflict();
    await audit(tx, at, me.id, 'bills', row.id, 'update', { consent_at: null }, values);
    await timeline(tx, row.ticket_id, at, me.id, 'billConsent', { billId: row.id, channel: input.channel });
    return row.ticket_id;
  });
}
