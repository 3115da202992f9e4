/**
 * Instants stored as integers (milliseconds since 1970-01-01 UTC) instead of ISO-8601 text, for the columns
 * whose rows count in millions (issue 17: a timestamp as text is 24 bytes in the row and in each index that
 * holds it, as an integer 6). The services still see ISO-8601 text: a row read from one of these columns is
 * turned back into it here (by the result column's origin, so `e.at AS when` is turned too), a value written
 * through `Tx.insert` is turned into the number, and a query comparing such a column binds the number itself
 * (`instantParam`). `Db.arrays`, for reports that read a period's tickets, gives the numbers as stored. Every
 * other time column is ISO-8601 text, as ARCHITECTURE.md describes.
 */
import type { Database, Statement } from 'better-sqlite3';
import { LABOUR_INSTANTS, TICKET_INSTANTS } from './migrations/1765080000000-ticket-instants';

/** Table → its columns kept as milliseconds (migrations 1765070000000-trail-instants and 1765080000000-ticket-instants). */
export const MS_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  ticket_events: ['at'],
  audit_log: ['at'],
  tickets: TICKET_INSTANTS,
  ticket_labour: LABOUR_INSTANTS,
};

/** The stored number of an ISO-8601 instant. */
export function instantParam(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${iso}`);
  return ms;
}

/** The ISO-8601 text of a stored number (what the column held before it was a number). */
export const instantText = (ms: number): string => new Date(ms).toISOString();

/** The values of a row about to be inserted into `table`, its instants as numbers. */
export function storedValues(table: string, values: Record<string, unknown>): Record<string, unknown> {
  const columns = MS_COLUMNS[table];
  if (!columns) return values;
  const out = { ...values };
  for (const column of columns) {
    const value = out[column];
    if (typeof value === 'string') out[column] = instantParam(value);
  }
  return out;
}

/** A reader's result columns that come straight from an instant column, by name. */
export interface InstantColumns {
  names: string[];
}

const NONE: InstantColumns = { names: [] };
const known = new WeakMap<Statement, InstantColumns>();

/** Which result columns of a prepared reader hold instants (none for a writer or a computed column); asked once per statement. */
export function instantColumnsOf(statement: Statement): InstantColumns {
  let found = known.get(statement);
  if (found) return found;
  const names = statement.reader ? statement.columns().filter((c) => c.table && c.column && MS_COLUMNS[c.table]?.includes(c.column)).map((c) => c.name) : [];
  found = names.length > 0 ? { names } : NONE;
  known.set(statement, found);
  return found;
}

/** Rows as objects, their instant columns back to ISO-8601 text (in place). */
export function textInstants<T>(rows: T[], columns: InstantColumns): T[] {
  if (columns.names.length === 0) return rows;
  for (const row of rows as Record<string, unknown>[]) {
    for (const name of columns.names) {
      const value = row[name];
      if (typeof value === 'number') row[name] = instantText(value);
    }
  }
  return rows;
}

/** When the newest ticket of a database file was registered: milliseconds since this migration, ISO-8601 text in a backup from before it. */
export function newestTicketAt(db: Database): string | null {
  const { at } = db.prepare('SELECT MAX(created_at) AS at FROM tickets').get() as { at: number | string | null };
  return typeof at === 'number' ? instantText(at) : at;
}
