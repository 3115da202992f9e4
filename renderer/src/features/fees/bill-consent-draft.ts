/** The customer's consent to a bill as the form holds it, and as the contract takes it (bills.create, bills.consent). */
import { CONSENT_CHANNELS } from '../../../../shared/api/lifecycle.schema';

export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export interface BillConsentDraft {
  channel: ConsentChannel;
  signature: string | null;
  note: string;
  /** The clerk's attestation: the fee standard was explained and the customer agreed. */
  informed: boolean;
}

export const EMPTY_BILL_CONSENT: BillConsentDraft = { channel: 'onsite', signature: null, note: '', informed: false };

/**
 * The input the contract's schema checks: a signature only on site; `informed` goes as ticked, so an unticked
 * box is refused with its own field message (the schema wants `true`).
 */
export function billConsentInput(draft: BillConsentDraft): { channel: ConsentChannel; signature: string | null; note: string; informed: true } {
  return { channel: draft.channel, signature: draft.channel === 'onsite' ? draft.signature : null, note: draft.note, informed: draft.informed as true };
}
