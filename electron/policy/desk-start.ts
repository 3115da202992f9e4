/**
 * When the desktop app asks 本机 / 连接到主机 (issue 18): at the first start only. A kept choice is never asked
 * again; a data folder that already holds a database is a 本机 desk without asking (the choice is then written,
 * so it is never asked either).
 */

/** The core's database file in the data folder (restore.ts DATABASE_FILE; the unit test keeps them one). */
export const DATABASE_FILE = 'aftercare.sqlite';

/** `ask`: show the choice; `local`/`host`: the kept choice; `adoptLocal`: 本机 without asking, to be written down. */
export type DeskStart = 'ask' | 'local' | 'host' | 'adoptLocal';

export function deskStart(kept: 'local' | 'host' | null, hasDatabase: boolean): DeskStart {
  if (kept) return kept;
  return hasDatabase ? 'adoptLocal' : 'ask';
}
