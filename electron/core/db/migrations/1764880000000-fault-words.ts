/**
 * The fault description's terms for search (electron/core/search/fault-words.ts): an FTS5 table without
 * content of its own (the text stays in tickets), filled here from every ticket. The terms are cut in
 * code, so the services keep the table, not triggers. SQLite dialect (FTS5); a
 * PostgreSQL dialect would use a tsvector column with a Chinese parser (zhparser).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { faultTerms } from '../../search/fault-words';

const BATCH = 5000;

export class FaultWords1764880000000 implements MigrationInterface {
  name = 'FaultWords1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIRTUAL TABLE "ticket_fault_words" USING fts5(words, content='', contentless_delete=1, tokenize='unicode61')`);
    // Each intake adds a segment. By default FTS5 merges every 4, and a merge at the bottom of a million
    // tickets' index holds that intake for 10–30 ms (the benchmark's create p95 went from 2.5 to 9.7 ms);
    // merging only when 32 have gathered keeps 97 % of intakes free of it, and a search reads at most a
    // few dozen small segments more.
    await q.query(`INSERT INTO ticket_fault_words (ticket_fault_words, rank) VALUES ('automerge', 0)`);
    await q.query(`INSERT INTO ticket_fault_words (ticket_fault_words, rank) VALUES ('crisismerge', 32)`);
    for (let after = 0; ; ) {
      const rows = (await q.query('SELECT id, fault_description FROM tickets WHERE id > ? ORDER BY id LIMIT ?', [after, BATCH])) as { id: number; fault_description: string }[];
      if (rows.length === 0) break;
      // One statement per batch: a million tickets are thousands of statements, not a million.
      await q.query(
        `INSERT INTO ticket_fault_words (rowid, words) VALUES ${rows.map(() => '(?, ?)').join(', ')}`,
        rows.flatMap((r) => [r.id, faultTerms(r.fault_description).join(' ')]),
      );
      after = rows[rows.length - 1]!.id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "ticket_fault_words"');
  }
}
