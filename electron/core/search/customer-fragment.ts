/** Finding customers by a fragment of their name or contact person, through the trigram or the gram index. */
import { likeEscape } from '../services/sql';

/** Double quotes inside an FTS5 phrase are written twice; the phrase then matches the text literally. */
export const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Customer ids (column `id`: callers select it by that name) whose name (or, with `contact`, contact person) contains `q`: 3+ characters through the
 * trigram index, shorter fragments through the 1–2 character gram table (trigram cannot look those up).
 */
export function customerFragment(q: string, contact: boolean): { sql: string; params: unknown[] } {
  if ([...q].length >= 3) {
    return { sql: 'SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?', params: [contact ? ftsPhrase(q) : `name : ${ftsPhrase(q)}`] };
  }
  if (contact) return { sql: 'SELECT customer_id AS id FROM customer_grams WHERE gram = ?', params: [q.toLowerCase()] };
  return {
    sql: "SELECT g.customer_id AS id FROM customer_grams g JOIN customers c ON c.id = g.customer_id WHERE g.gram = ? AND c.name LIKE ? ESCAPE '\\'",
    params: [q.toLowerCase(), `%${likeEscape(q)}%`],
  };
}
