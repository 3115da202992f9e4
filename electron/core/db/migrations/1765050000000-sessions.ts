/**
 * Sessions kept across a host restart (issue 18): only the SHA-256 of each token, its user, the paired desk
 * and the last use. A new small table; the user index serves the sign-out of an account's sessions.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1765050000000 implements MigrationInterface {
  name = 'Sessions1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "sessions" ("token_hash" varchar(64) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "desk_id" integer, "last_seen_at" varchar(24) NOT NULL)`);
    await q.query(`CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "sessions"');
  }
}
