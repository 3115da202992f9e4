/**
 * When another program holds the database's write lock (a second copy of the app, a backup tool, a
 * sqlite3 shell left in a transaction), SQLite answers SQLITE_BUSY. Waiting inside SQLite (busy_timeout)
 * sleeps on the thread that serves every request: a 5-second wait froze the whole desk. So SQLite waits
 * only a moment, and the retries wait here, on timers, with back-off up to a deadline; then the caller is
 * told, in words, that the database is busy (dispatch maps DatabaseBusyError to BUSY).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The wait SQLite itself may make (synchronous): short enough never to be felt. */
export const SQLITE_BUSY_WAIT_MS = 20;
/** How long a write keeps trying before it answers "busy". */
export const BUSY_DEADLINE_MS = 5_000;

export class DatabaseBusyError extends Error {
  constructor() {
    super('the database is locked by another program');
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …) from better-sqlite3. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof DatabaseBusyError || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

/**
 * Runs `attempt` until it succeeds or fails with something other than SQLITE_BUSY; between tries it waits on
 * a timer (10 ms doubling to 250 ms), so the event loop serves everything else. Past the deadline (real
 * elapsed time, not the desk clock: it is about a lock, not about business time) it throws DatabaseBusyError.
 */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>, deadlineMs = BUSY_DEADLINE_MS): Promise<T> {
  const start = performance.now();
  let delay = 10;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (performance.now() - start + delay > deadlineMs) throw new DatabaseBusyError();
      await sleep(delay);
      delay = Math.min(delay * 2, 250);
    }
  }
}
