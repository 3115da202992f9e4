/**
 * The ids of the tickets one search box text finds (issue 21): each kind that shared/domain/ticket-search.ts
 * reads in the text becomes one index lookup, and the lookups are joined with UNION. Lookups that can match
 * many tickets (a phone's first digits, its last four, a serial prefix, a model code, a fault word) take the
 * newest SEARCH_HITS of theirs, so typing "139" on a million tickets reads index entries, never rows.
 * INDEXED BY (SQLite dialect) pins each lookup to its index: with ORDER BY id DESC the planner could
 * otherwise walk the whole table backwards looking for a rare match.
 */
import { parseTicketSearch, SEARCH_HITS } from '../../../shared/domain/ticket-search';
import { customerFragment } from './customer-fragment';
import { faultQuery } from './fault-words';

/** The upper bound of a prefix range: every text that starts with `prefix` sorts below it. */
const after = (prefix: string) => `${prefix}\uffff`;

const newest = (sql: string) => `SELECT * FROM (${sql} ORDER BY id DESC LIMIT ${SEARCH_HITS})`;

export function searchHits(q: string): { sql: string; params: unknown[] } {
  const s = parseTicketSearch(q);
  const parts = ['SELECT id FROM tickets WHERE number = ?', 'SELECT id FROM tickets WHERE serial = ?'];
  const params: unknown[] = [s.exact, s.exact];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (s.phone) {
    add('SELECT id FROM tickets WHERE customer_id IN (SELECT id FROM customers WHERE phone_norm = ? UNION SELECT id FROM customers WHERE phone2_norm = ?)', s.phone, s.phone);
  }
  if (s.phonePrefix) {
    add(newest('SELECT id FROM tickets INDEXED BY ix_tickets_phone WHERE contact_phone_norm >= ? AND contact_phone_norm < ?'), s.phonePrefix, after(s.phonePrefix));
  }
  if (s.phoneLast4) {
    add(newest('SELECT id FROM tickets INDEXED BY ix_tickets_phone_last4 WHERE substr(contact_phone_norm, -4) = ?'), s.phoneLast4);
    add(
      newest('SELECT id FROM tickets INDEXED BY ix_tickets_customer WHERE customer_id IN (SELECT id FROM customers INDEXED BY ix_customers_phone_last4 WHERE substr(phone_norm, -4) = ?)'),
      s.phoneLast4,
    );
  }
  if (s.serialPrefix) {
    add(newest('SELECT id FROM tickets INDEXED BY ix_tickets_serial WHERE serial >= ? AND serial < ?'), s.serialPrefix, after(s.serialPrefix));
  }
  if (s.modelPrefix) {
    add(
      newest('SELECT id FROM tickets INDEXED BY ix_tickets_model_reported WHERE model_id IN (SELECT id FROM product_models WHERE code >= ? AND code < ?)'),
      s.modelPrefix,
      after(s.modelPrefix),
    );
  }
  if (s.words) {
    const names = customerFragment(q.trim(), false);
    add(`SELECT id FROM tickets WHERE customer_id IN (${names.sql})`, ...names.params);
    const fault = faultQuery(q);
    if (fault) add(`SELECT * FROM (SELECT rowid AS id FROM ticket_fault_words WHERE ticket_fault_words MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_HITS})`, fault);
  }
  return { sql: parts.join(' UNION '), params };
}
