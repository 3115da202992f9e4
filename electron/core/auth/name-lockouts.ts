/**
 * Failed sign-ins for names that are no usable account (unknown or deactivated), kept like an account's:
 * five failures lock the name for as long as a real account. Without this an unknown name answered
 * "wrong password" for ever while a real one got locked, which told an attacker which names exist.
 * Held in memory and bounded: names cost nothing on disk, and a flood of invented names only evicts the
 * oldest entries.
 */
export interface LockoutRule {
  maxFailures: number;
  lockMinutes: number;
}

interface Entry {
  failures: number;
  lockedUntil: string | null;
}

export class NameLockouts {
  private readonly byName = new Map<string, Entry>();

  constructor(
    private readonly rule: LockoutRule,
    private readonly maxNames = 10_000,
  ) {}

  /** The end of the name's lock when it is locked at `now`, else null. */
  lockedUntil(name: string, now: Date): string | null {
    const until = this.byName.get(key(name))?.lockedUntil ?? null;
    return until && until > now.toISOString() ? until : null;
  }

  /** Counts a failure; returns the lock's end when this failure locks the name (the counter then restarts, as for accounts). */
  fail(name: string, now: Date): string | null {
    const k = key(name);
    const entry = this.byName.get(k) ?? { failures: 0, lockedUntil: null };
    this.byName.delete(k); // re-inserted last: the map's order is the eviction order
    const failures = entry.failures + 1;
    const locks = failures >= this.rule.maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + this.rule.lockMinutes * 60_000).toISOString() : entry.lockedUntil;
    this.byName.set(k, { failures: locks ? 0 : failures, lockedUntil });
    if (this.byName.size > this.maxNames) this.byName.delete(this.byName.keys().next().value!);
    return locks ? lockedUntil : null;
  }
}

/** Names match as the users table matches them (COLLATE NOCASE). */
const key = (name: string) => name.toLowerCase();
