/** Benchmark data: the fault-description search index (ticket_fault_words), as the services keep it, for every generated ticket. */
import type Database from 'better-sqlite3';
import { faultTerms } from '../../electron/core/search/fault-words';

export function indexFaults(db: Database.Database, log: (message: string) => void): void {
  const read = db.prepare('SELECT id, fault_description FROM tickets WHERE id > ? ORDER BY id LIMIT 20000').raw(true);
  const insert = db.prepare('INSERT INTO ticket_fault_words (rowid, words) VALUES (?, ?)');
  // Descriptions are composed from a few hundred phrases: each distinct text is cut once.
  const cache = new Map<string, string>();
  let count = 0;
  for (let after = 0; ; ) {
    const rows = read.all(after) as [number, string][];
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const [id, text] of rows) {
        let terms = cache.get(text);
        if (terms === undefined) {
          terms = faultTerms(text).join(' ');
          if (cache.size < 200_000) cache.set(text, terms);
        }
        insert.run(id, terms);
      }
    })();
    after = rows[rows.length - 1]![0];
    count += rows.length;
  }
  log(`fault search index: ${count} tickets`);
}
