/**
 * The desktop app's first-start choice (issue 18): 本机 (this PC keeps the data) or 连接到主机 (a host on the LAN,
 * paired with its code). Kept in `connection.json` in the data folder, readable by its owner only (it holds the
 * desk's token; index.ts then answers from that host through host-relay.ts). Plain Node, so it is tested without the
 * Electron binary; the pre-core dispatcher (desk-gate.ts) answers the screen that asks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import type { ApiError } from '../../shared/api/result';
import { hostUrl } from '../../shared/domain/desk-choice';
import { DATABASE_FILE, deskStart } from '../policy/desk-start';
import { NotAHostError, pairWithHost, type HostConnection } from './host-connection';

export type DeskChoice = { mode: 'local' } | ({ mode: 'host' } & HostConnection);

const choiceSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('local') }),
  z.strictObject({ mode: z.literal('host'), url: z.url({ protocol: /^https$/ }), fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/i), deskToken: z.string().min(20) }),
]);

const fileOf = (dataDir: string) => path.join(dataDir, 'connection.json');

/** The choice made at the first start; null until then (or when the file is not one this app wrote: asked again). */
export function readDeskChoice(dataDir: string): DeskChoice | null {
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written aside and renamed, so a crash never leaves half a file. */
export function saveDeskChoice(dataDir: string, choice: DeskChoice): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const temp = `${fileOf(dataDir)}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(choice, null, 2), { mode: 0o600 });
  fs.renameSync(temp, fileOf(dataDir));
}

/** Undoes a pairing: the folder asks again at the next start (and, through desk-gate.ts, at once). */
export function forgetDeskChoice(dataDir: string): void {
  fs.rmSync(fileOf(dataDir), { force: true });
}

/**
 * The choice this start goes on with, or null when it must be asked (first start: no choice kept, no database).
 * A folder that already has a database is 本机 without asking, written down so it is never asked.
 */
export function startingChoice(dataDir: string): DeskChoice | null {
  const kept = readDeskChoice(dataDir);
  const start = deskStart(kept?.mode ?? null, fs.existsSync(path.join(dataDir, DATABASE_FILE)));
  if (start === 'ask') return null;
  if (start === 'adoptLocal') {
    saveDeskChoice(dataDir, { mode: 'local' });
    return { mode: 'local' };
  }
  return kept;
}

/**
 * 连接到主机: pairs with the address and code the user typed and keeps the pinned connection; otherwise the refusal in
 * words, on the field it concerns (the address when it cannot be reached, is no host, or shows a foreign certificate).
 */
export async function chooseHost(dataDir: string, address: string, code: string, deskName: string, locale: Locale): Promise<{ ok: true; connection: HostConnection } | { ok: false; error: ApiError }> {
  const url = hostUrl(address);
  const onAddress = (message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'VALIDATION', message, fields: { address: message } } });
  if (!url) return onAddress(translate(locale, 'validation.hostAddress'));
  try {
    const paired = await pairWithHost(url, code, deskName, locale);
    if (!paired.ok) {
      const error = paired.error.ok ? { code: 'INTERNAL' as const, message: translate(locale, 'error.INTERNAL') } : paired.error.error;
      return error.fields || error.code !== 'FORBIDDEN' ? { ok: false, error } : onAddress(error.message);
    }
    saveDeskChoice(dataDir, { mode: 'host', ...paired.connection });
    return { ok: true, connection: paired.connection };
  } catch (error) {
    if (error instanceof NotAHostError) return onAddress(translate(locale, 'error.desk.notAHost'));
    return onAddress(translate(locale, 'error.desk.unreachable', { detail: error instanceof Error ? error.message : String(error) }));
  }
}
