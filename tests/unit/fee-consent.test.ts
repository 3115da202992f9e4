/** No money before consent: which bills stand on the customer's recorded consent (seed 001). */
import { describe, expect, it } from 'vitest';
import { aboveQuoteFen, consentSource, lacksConsent } from '../../shared/domain/fee-consent';

const AT = '2026-11-24T10:00:00.000Z';

describe('bill consent', () => {
  it.each([
    ['charged, from an accepted quote of the same amount', 128_000, 128_000, null, 'quote', false, 0],
    ['charged, below the accepted quote', 98_000, 128_000, null, 'quote', false, 0],
    ['charged, one fen above the accepted quote', 128_001, 128_000, null, null, true, 1],
    ['charged, above the quote, consent recorded on the bill', 158_000, 128_000, AT, 'bill', false, 30_000],
    ['charged, consent recorded on the bill', 128_000, null, AT, 'bill', false, 0],
    ['charged, both', 128_000, 128_000, AT, 'quote', false, 0],
    ['charged, neither (only quote still pending)', 128_000, null, null, null, true, 0],
    ['nothing charged, neither', 0, null, null, null, false, 0],
    ['nothing charged, a quote of nothing', 0, 0, null, 'quote', false, 0],
  ] as const)('%s → source %s', (_case, totalFen, quoteTotalFen, consentAt, source, lacks, above) => {
    const bill = { totalFen, quoteTotalFen, consentAt };
    expect([consentSource(bill), lacksConsent(bill), aboveQuoteFen(bill)]).toEqual([source, lacks, above]);
  });
});
