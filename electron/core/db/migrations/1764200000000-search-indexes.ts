/**
 * Indexes for the list and search at 1,000,000 tickets (issue 7).
 * - ix_tickets_status_urgency_reported: the filtered list walks (status, urgency) in reported_at order and
 *   pages over the index alone (id is the rowid, so the index covers the page's id lookup).
 * - ticket_counts: the list's total per (status, urgency, problem type), kept by triggers, so the total is a
 *   sum over at most 180 rows instead of COUNT(*) over up to a million index entries.
 * - customers_fts (FTS5, trigram): a name or contact fragment of 3+ characters.
 * - customer_grams: every 1- and 2-character piece of name and contact person, for fragments the trigram
 *   tokenizer cannot look up (Chinese names are 2–3 characters; a clerk often types 2).
 * SQLite dialect: FTS5, WITHOUT ROWID, json_each and these triggers cannot be expressed in TypeORM's
 * EntitySchema, so only the plain index is mirrored in entities/index.ts. A PostgreSQL dialect would use
 * pg_trgm (GIN) for both fragment searches and a materialised count or trigger in plpgsql.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Character positions 1..80 (customers.name is varchar(80)), for the gram trigger without a CTE (not allowed in triggers). */
const POSITIONS = JSON.stringify(Array.from({ length: 80 }, (_, i) => i + 1));

const gramsOf = (row: 'NEW' | 'OLD') => `SELECT DISTINCT lower(substr(x.s, p.value, w.value)), ${row}.id
  FROM (SELECT ${row}.name AS s UNION ALL SELECT ${row}.contact_person) x, json_each('${POSITIONS}') p, json_each('[1,2]') w
  WHERE p.value + w.value - 1 <= length(x.s)`;

const countDelta = (row: 'NEW' | 'OLD', delta: '+ 1' | '- 1') =>
  `INSERT INTO ticket_counts (status, urgency, problem_type, n) VALUES (${row}.status, ${row}.urgency, ${row}.problem_type, 0 ${delta})
   ON CONFLICT (status, urgency, problem_type) DO UPDATE SET n = n ${delta};`;

export class SearchIndexes1764200000000 implements MigrationInterface {
  name = 'SearchIndexes1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_tickets_status_urgency_reported" ON "tickets" ("status", "urgency", "reported_at", "id")`);

    await q.query(`CREATE TABLE "ticket_counts" ("status" varchar(20) NOT NULL, "urgency" varchar(12) NOT NULL, "problem_type" varchar(12) NOT NULL, "n" integer NOT NULL, PRIMARY KEY ("status", "urgency", "problem_type")) WITHOUT ROWID`);
    await q.query(`INSERT INTO ticket_counts (status, urgency, problem_type, n) SELECT status, urgency, problem_type, COUNT(*) FROM tickets GROUP BY status, urgency, problem_type`);
    await q.query(`CREATE TRIGGER "tickets_count_ai" AFTER INSERT ON "tickets" BEGIN ${countDelta('NEW', '+ 1')} END`);
    await q.query(`CREATE TRIGGER "tickets_count_ad" AFTER DELETE ON "tickets" BEGIN ${countDelta('OLD', '- 1')} END`);
    await q.query(`CREATE TRIGGER "tickets_count_au" AFTER UPDATE OF status, urgency, problem_type ON "tickets" BEGIN ${countDelta('OLD', '- 1')} ${countDelta('NEW', '+ 1')} END`);

    await q.query(`CREATE VIRTUAL TABLE "customers_fts" USING fts5(name, contact_person, content='customers', content_rowid='id', tokenize='trigram')`);
    await q.query(`INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')`);
    await q.query(`CREATE TRIGGER "customers_fts_ai" AFTER INSERT ON "customers" BEGIN
      INSERT INTO customers_fts (rowid, name, contact_person) VALUES (NEW.id, NEW.name, NEW.contact_person); END`);
    await q.query(`CREATE TRIGGER "customers_fts_ad" AFTER DELETE ON "customers" BEGIN
      INSERT INTO customers_fts (customers_fts, rowid, name, contact_person) VALUES ('delete', OLD.id, OLD.name, OLD.contact_person); END`);
    await q.query(`CREATE TRIGGER "customers_fts_au" AFTER UPDATE OF name, contact_person ON "customers" BEGIN
      INSERT INTO customers_fts (customers_fts, rowid, name, contact_person) VALUES ('delete', OLD.id, OLD.name, OLD.contact_person);
      INSERT INTO customers_fts (rowid, name, contact_person) VALUES (NEW.id, NEW.name, NEW.contact_person); END`);

    await q.query(`CREATE TABLE "customer_grams" ("gram" varchar(2) NOT NULL, "customer_id" integer NOT NULL, PRIMARY KEY ("gram", "customer_id")) WITHOUT ROWID`);
    await q.query(`INSERT OR IGNORE INTO customer_grams (gram, customer_id) SELECT lower(substr(x.s, p.value, w.value)), x.id
      FROM (SELECT id, name AS s FROM customers UNION ALL SELECT id, contact_person FROM customers) x, json_each('${POSITIONS}') p, json_each('[1,2]') w
      WHERE p.value + w.value - 1 <= length(x.s)`);
    await q.query(`CREATE TRIGGER "customer_grams_ai" AFTER INSERT ON "customers" BEGIN INSERT OR IGNORE INTO customer_grams (gram, customer_id) ${gramsOf('NEW')}; END`);
    await q.query(`CREATE TRIGGER "customer_grams_ad" AFTER DELETE ON "customers" BEGIN DELETE FROM customer_grams WHERE customer_id = OLD.id AND gram IN (${gramsOf('OLD').replace(/, OLD\.id\n/, '\n')}); END`);
    await q.query(`CREATE TRIGGER "customer_grams_au" AFTER UPDATE OF name, contact_person ON "customers" BEGIN
      DELETE FROM customer_grams WHERE customer_id = OLD.id AND gram IN (${gramsOf('OLD').replace(/, OLD\.id\n/, '\n')});
      INSERT OR IGNORE INTO customer_grams (gram, customer_id) ${gramsOf('NEW')}; END`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['customer_grams_au', 'customer_grams_ad', 'customer_grams_ai', 'customers_fts_au', 'customers_fts_ad', 'customers_fts_ai', 'tickets_count_au', 'tickets_count_ad', 'tickets_count_ai']) {
      await q.query(`DROP TRIGGER "${t}"`);
    }
    await q.query('DROP TABLE "customer_grams"');
    await q.query('DROP TABLE "customers_fts"');
    await q.query('DROP TABLE "ticket_counts"');
    await q.query('DROP INDEX "ix_tickets_status_urgency_reported"');
  }
}
