/**
 * Signed-in sessions. The core holds them in memory and, given a store, also in the database's
 * `sessions` table, so a host restart keeps every desk and phone signed in. The table holds only the
 * SHA-256 of each token (a copy of the file or a backup signs nobody in), the user, the paired desk and
 * when it was last used: the idle timeout, a revoked desk, a password change and a deactivated account
 * end sessions there as in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../shared/domain/user';
import type { Db } from '../db/db';

interface Session {
  user: SessionUser;
  lastSeen: number;
  /** When `lastSeen` was last written to the table. */
  stored: number;
  /** The paired desk it was signed in on (host mode); null on the host PC. */
  deskId: number | null;
}

/** Last use is written at most this often: a call is not a write, and a restart shortens an idle time by at most this. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class Sessions {
  /** By the token's hash. */
  private readonly byHash = new Map<string, Session>();

  /** `idleMs`: a session ends after this long without a call (the admin's setting, read at each call). `db`: where they are kept; none keeps them in memory only (the demo's own sign-ins). */
  constructor(
    private readonly now: () => Date,
    private readonly idleMs: () => number = () => 12 * 60 * 60 * 1000,
    private readonly db: Db | null = null,
    private readonly log: (message: string, error: unknown) => void = () => undefined,
  ) {}

  /**
   * At start: the kept sessions still alive, of active accounts on desks not revoked. Only reads: writes
   * wait for the start's snapshot, so the others are removed by a write queued behind it.
   */
  async load(): Promise<void> {
    if (!this.db) return;
    const oldest = new Date(this.now().getTime() - this.idleMs()).toISOString();
    const rows = await this.db.query<{ token_hash: string; desk_id: number | null; last_seen_at: string; id: number; username: string; display_name: string; role: SessionUser['role'] }>(
      `SELECT s.token_hash, s.desk_id, s.last_seen_at, u.id, u.username, u.display_name, u.role FROM sessions s JOIN users u ON u.id = s.user_id AND u.active = 1
        WHERE s.last_seen_at >= ? AND (s.desk_id IS NULL OR s.desk_id IN (SELECT id FROM lan_desks WHERE revoked_at IS NULL))`,
      [oldest],
    );
    for (const r of rows) {
      const lastSeen = Date.parse(r.last_seen_at);
      this.byHash.set(r.token_hash, { user: { id: r.id, username: r.username, displayName: r.display_name, role: r.role }, lastSeen, stored: lastSeen, deskId: r.desk_id });
    }
    const alive = [...this.byHash.keys()];
    this.persist(`DELETE FROM sessions WHERE token_hash NOT IN (${alive.map(() => '?').join(', ')})`, alive);
  }

  /** Signs in: the token goes to the client, its hash is kept (and committed before the answer). */
  async start(user: SessionUser, deskId: number | null = null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const hash = hashOf(token);
    const now = this.now().getTime();
    this.byHash.set(hash, { user, lastSeen: now, stored: now, deskId });
    await this.db?.write((tx) => tx.run('INSERT INTO sessions (token_hash, user_id, desk_id, last_seen_at) VALUES (?, ?, ?, ?)', [hash, user.id, deskId, new Date(now).toISOString()]));
    return token;
  }

  get(token: string | null): SessionUser | null {
    if (!token) return null;
    const hash = hashOf(token);
    const session = this.byHash.get(hash);
    if (!session) return null;
    const now = this.now().getTime();
    if (now - session.lastSeen > this.idleMs()) {
      this.remove('token_hash = ?', [hash], (_, h) => h === hash);
      return null;
    }
    session.lastSeen = now;
    if (now - session.stored >= TOUCH_EVERY_MS) {
      session.stored = now;
      this.persist('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [new Date(now).toISOString(), hash]);
    }
    return session.user;
  }

  /** The session's user without counting this as activity (null when it ended). */
  peek(token: string | null): SessionUser | null {
    return token && this.alive(token) ? this.byHash.get(hashOf(token))!.user : null;
  }

  /** Whether the session is still signed in, without counting this as activity (an open event stream is not the user). */
  alive(token: string | null): boolean {
    const session = token ? this.byHash.get(hashOf(token)) : undefined;
    return session !== undefined && this.now().getTime() - session.lastSeen <= this.idleMs();
  }

  end(token: string | null): void {
    if (!token) return;
    const hash = hashOf(token);
    this.remove('token_hash = ?', [hash], (_, h) => h === hash);
  }

  /** A revoked desk: whoever was signed in on it is out. */
  endDesk(deskId: number): void {
    this.remove('desk_id = ?', [deskId], (s) => s.deskId === deskId);
  }

  /** After a restore: the accounts the sessions named may no longer exist or mean someone else (the restored file's kept sessions too). */
  endAll(): void {
    this.remove('1 = 1', [], () => true);
  }

  /**
   * After a password change or reset: whoever signed in with the old password is signed out. `keep` is
   * the session that changed it (its owner just proved the new password); a reset keeps none.
   */
  endUser(userId: number, keep: string | null = null): void {
    const kept = keep ? hashOf(keep) : '';
    this.remove('user_id = ? AND token_hash <> ?', [userId, kept], (s, h) => s.user.id === userId && h !== kept);
  }

  /** After an account changes: refresh its sessions, or end them if it may no longer sign in. */
  refreshUser(user: SessionUser, active: boolean): void {
    if (!active) return this.remove('user_id = ?', [user.id], (s) => s.user.id === user.id);
    for (const session of this.byHash.values()) if (session.user.id === user.id) session.user = user;
  }

  /** Ends the sessions `which` picks, in memory at once (the next call is refused) and in the table (`where`). */
  private remove(where: string, params: unknown[], which: (s: Session, hash: string) => boolean): void {
    for (const [hash, session] of this.byHash) if (which(session, hash)) this.byHash.delete(hash);
    this.persist(`DELETE FROM sessions WHERE ${where}`, params);
  }

  /** A write the caller does not wait for: memory already says what counts, and the writes are queued in order. */
  private persist(sql: string, params: unknown[]): void {
    this.db?.write((tx) => tx.run(sql, params)).catch((error: unknown) => this.log('keeping the sessions failed', error));
  }
}
