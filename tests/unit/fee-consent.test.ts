/** No money before consent: which bills stand on the customer's recorded consent (seed 001). */
import { describe, expect, it } from 'vitest';
import { consentSource, lacksConsent } from '../../shared/domain/fee-consent';

const AT = '2026-11-24T10:00:00.000Z';

describe('bill consent', () => {
  it.each([
    ['charged, from an accepted quote', 128_000, true, null, 'quote', false],
    ['charged, consent recorded on the bill', 128_000, false, AT, 'bill', false],
    ['charged, both', 128_000, true, AT, 'quote', false],
    ['charged, neither (only quote still pending)', 128_000, false, null, null, true],
    ['nothing charged, neither', 0, false, null, null, false],
  ] as const)('%s → source %s', (_case, totalFen, fromAcceptedQuote, consentAt, source, lacks) => {
    const bill = { totalFen, fromAcceptedQuote, consentAt };
    expect([consentSource(bill), lacksConsent(bill)]).toEqual([source, lacks]);
  });
});
