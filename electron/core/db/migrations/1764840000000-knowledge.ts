/**
 * The knowledge base (常见故障处理手册): articles, their product models, "this helped" marks, history, links
 * to tickets, and the search index.
 * - knowledge_fts (FTS5, trigram, rowid = article id): title, symptom and the rest of the text, for terms of
 *   3+ characters (an exact substring anywhere).
 * - knowledge_grams: every distinct 1- and 2-character piece of an article's text (synonyms folded, see
 *   shared/domain/knowledge.ts), for the 1–2 character terms trigram cannot look up ("制冷", "屏幕") and for
 *   phrases that share only pieces with the text.
 * Both are written by the knowledge service in the same transaction as the article (grams need the
 * synonym folding, which SQL triggers cannot do). SQLite dialect: neither can be expressed in TypeORM's
 * EntitySchema, so they are not mirrored in entities/knowledge.ts.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Knowledge1764840000000 implements MigrationInterface {
  name = 'Knowledge1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "knowledge_articles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "state" varchar(12) NOT NULL, "title" varchar(120) NOT NULL, "symptom" text NOT NULL, "cause" text NOT NULL DEFAULT (''), "self_check" text NOT NULL DEFAULT (''), "solution" text NOT NULL DEFAULT (''), "prevention" text NOT NULL DEFAULT (''), "notes" text NOT NULL DEFAULT (''), "attachment_ids" text NOT NULL DEFAULT ('[]'), "author_id" integer NOT NULL, "reviewer_id" integer, "review_comment" text NOT NULL DEFAULT (''), "submitted_at" varchar(24), "published_at" varchar(24), "archived_at" varchar(24), "source_ticket_id" integer, "revision_of" integer, "revision" integer NOT NULL DEFAULT (1), "view_count" integer NOT NULL DEFAULT (0), "helped_count" integer NOT NULL DEFAULT (0), "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "created_by" integer, "updated_by" integer, "version" integer NOT NULL DEFAULT (1), CONSTRAINT "FK_4099548d209f5ebbad2164ac562" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5476bc245c15af4255425d95558" FOREIGN KEY ("reviewer_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_cbc9cbff6ae058ed1da509ce7e7" FOREIGN KEY ("source_ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f70230178304d0ae3c426ea2c0b" FOREIGN KEY ("revision_of") REFERENCES "knowledge_articles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "knowledge_article_models" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "model_id" integer NOT NULL, CONSTRAINT "FK_181e3d737cb2fcec38e20ef66bd" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_9a7fb27ed83587397fe8bc7f03a" FOREIGN KEY ("model_id") REFERENCES "product_models" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "knowledge_helped" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "user_id" integer NOT NULL, "at" varchar(24) NOT NULL, CONSTRAINT "FK_e58a84ce102f9e672794d72c7ab" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a87368e5551fa2bb2e044e6ac52" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "knowledge_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "article_id" integer NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, "kind" varchar(20) NOT NULL, "from_state" varchar(12), "to_state" varchar(12), "note" text, CONSTRAINT "FK_319cc4a6853e5b28dd8cc4a3c8f" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_b8385da5a84eec07a9dec9f3217" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE TABLE "ticket_articles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "ticket_id" integer NOT NULL, "article_id" integer NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer NOT NULL, CONSTRAINT "FK_02bbb94e9fbc261662dfb42e33f" FOREIGN KEY ("ticket_id") REFERENCES "tickets" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5db11c8032fd04dfbe12bdb847e" FOREIGN KEY ("article_id") REFERENCES "knowledge_articles" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0b58f4644664baf5e0d47f467fe" FOREIGN KEY ("actor_id") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await q.query(`CREATE INDEX "ix_knowledge_articles_state" ON "knowledge_articles" ("state", "updated_at")`);
    await q.query(`CREATE INDEX "ix_knowledge_articles_author" ON "knowledge_articles" ("author_id", "state")`);
    await q.query(`CREATE INDEX "ix_knowledge_articles_revision_of" ON "knowledge_articles" ("revision_of")`);
    await q.query(`CREATE UNIQUE INDEX "ux_knowledge_article_models" ON "knowledge_article_models" ("article_id", "model_id")`);
    await q.query(`CREATE INDEX "ix_knowledge_article_models_model" ON "knowledge_article_models" ("model_id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_knowledge_helped" ON "knowledge_helped" ("article_id", "user_id")`);
    await q.query(`CREATE INDEX "ix_knowledge_events_article" ON "knowledge_events" ("article_id", "id")`);
    await q.query(`CREATE UNIQUE INDEX "ux_ticket_articles" ON "ticket_articles" ("ticket_id", "article_id")`);
    await q.query(`CREATE INDEX "ix_ticket_articles_article" ON "ticket_articles" ("article_id")`);
    await q.query(`CREATE VIRTUAL TABLE "knowledge_fts" USING fts5(title, symptom, body, tokenize='trigram')`);
    await q.query(`CREATE TABLE "knowledge_grams" ("gram" varchar(2) NOT NULL, "article_id" integer NOT NULL, PRIMARY KEY ("gram", "article_id")) WITHOUT ROWID`);
    await q.query(`CREATE INDEX "ix_knowledge_grams_article" ON "knowledge_grams" ("article_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "knowledge_grams"');
    await q.query('DROP TABLE "knowledge_fts"');
    for (const t of ['ticket_articles', 'knowledge_events', 'knowledge_helped', 'knowledge_article_models', 'knowledge_articles']) {
      await q.query(`DROP TABLE "${t}"`);
    }
  }
}
