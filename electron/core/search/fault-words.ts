/**
 * Search by words of the fault description (issue 7). Chinese has no spaces, and the FTS5 trigram
 * tokenizer cannot look up the 2-character words clerks type most (漏水, 异响); a dictionary segmenter
 * (Intl.Segmenter) cuts the same word differently in different sentences (有异响 → 有异 + 响). So runs of
 * Chinese characters are indexed as their overlapping character pairs (室内机漏水 → 室内 内机 机漏 漏水),
 * other runs as lower-cased words, in ticket_fault_words (FTS5, contentless); a query is cut the same way
 * and matched as one phrase, which finds exactly the descriptions that contain it.
 */
import type { Tx } from '../db/db';
import { faultTerms } from '../../../shared/domain/fault-terms';

export { faultTerms };

/** An FTS5 query for `q` as one phrase of its terms; null when `q` has none. Quotes make any FTS syntax plain text. */
export function faultQuery(q: string): string | null {
  const terms = faultTerms(q);
  return terms.length === 0 ? null : `"${terms.join(' ').replace(/"/g, '""')}"`;
}

/** Puts a ticket's description in the index, replacing what was there. */
export async function indexFault(tx: Tx, ticketId: number, description: string): Promise<void> {
  await tx.run('DELETE FROM ticket_fault_words WHERE rowid = ?', [ticketId]);
  await tx.run('INSERT INTO ticket_fault_words (rowid, words) VALUES (?, ?)', [ticketId, faultTerms(description).join(' ')]);
}
