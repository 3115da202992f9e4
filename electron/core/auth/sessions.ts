/** Signed-in sessions, held in memory by the core: a restart signs everyone out, nothing to steal on disk. */
import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../shared/domain/user';

interface Session {
  user: SessionUser;
  lastSeen: number;
  /** The paired desk it was signed in on (host mode); null on the host PC. */
  deskId: number | null;
}

export class Sessions {
  private readonly byId = new Map<string, Session>();

  /** `idleMs`: a session ends after this long without a call (the admin's setting, read at each call). */
  constructor(
    private readonly now: () => Date,
    private readonly idleMs: () => number = () => 12 * 60 * 60 * 1000,
  ) {}

  start(user: SessionUser, deskId: number | null = null): string {
    const id = randomBytes(32).toString('base64url');
    this.byId.set(id, { user, lastSeen: this.now().getTime(), deskId });
    return id;
  }

  get(id: string | null): SessionUser | null {
    if (!id) return null;
    const session = this.byId.get(id);
    if (!session) return null;
    const now = this.now().getTime();
    if (now - session.lastSeen > this.idleMs()) {
      this.byId.delete(id);
      return null;
    }
    session.lastSeen = now;
    return session.user;
  }

  /** The session's user without counting this as activity (null when it ended). */
  peek(id: string | null): SessionUser | null {
    return id && this.alive(id) ? this.byId.get(id)!.user : null;
  }

  /** Whether the session is still signed in, without counting this as activity (an open event stream is not the user). */
  alive(id: string | null): boolean {
    const session = id ? this.byId.get(id) : undefined;
    return session !== undefined && this.now().getTime() - session.lastSeen <= this.idleMs();
  }

  end(id: string | null): void {
    if (id) this.byId.delete(id);
  }

  /** A revoked desk: whoever was signed in on it is out. */
  endDesk(deskId: number): void {
    for (const [id, session] of this.byId) if (session.deskId === deskId) this.byId.delete(id);
  }

  /** After a restore: the accounts the sessions named may no longer exist or mean someone else. */
  endAll(): void {
    this.byId.clear();
  }

  /**
   * After a password change or reset: whoever signed in with the old password is signed out. `keep` is
   * the session that changed it (its owner just proved the new password); a reset keeps none.
   */
  endUser(userId: number, keep: string | null = null): void {
    for (const [id, session] of this.byId) {
      if (session.user.id === userId && id !== keep) this.byId.delete(id);
    }
  }

  /** After an account changes: refresh its sessions, or end them if it may no longer sign in. */
  refreshUser(user: SessionUser, active: boolean): void {
    for (const [id, session] of this.byId) {
      if (session.user.id !== user.id) continue;
      if (active) session.user = user;
      else this.byId.delete(id);
    }
  }
}
