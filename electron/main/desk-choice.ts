/**
 * The desktop app's first-start choice (issue 18): 本机 (this PC keeps the data) or 连接到主机 (a host on the LAN,
 * paired with its code). Kept in `connection.json` in the data folder, readable by its owner only (it holds the
 * desk's token; index.ts then answers from that host through host-relay.ts). Plain Node, so it is tested without the
 * Electron binary; the window that asks is not built yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import { pairWithHost, type HostConnection } from './host-connection';

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

/** 连接到主机: pairs with the address and code the user typed and keeps the pinned connection; the refusal in words otherwise. */
export async function chooseHost(dataDir: string, address: string, code: string, deskName: string, locale: Locale): Promise<{ ok: true; fingerprint: string } | { ok: false; message: string }> {
  const url = /^https:\/\//i.test(address) ? address : `https://${address.includes(':') ? address : `${address}:5179`}`;
  try {
    const paired = await pairWithHost(url, code, deskName, locale);
    if (!paired.ok) {
      const error = paired.error.ok ? null : paired.error.error;
      return { ok: false, message: Object.values(error?.fields ?? {})[0] ?? error?.message ?? '' };
    }
    saveDeskChoice(dataDir, { mode: 'host', ...paired.connection });
    return { ok: true, fingerprint: paired.connection.fingerprint };
  } catch (error) {
    return { ok: false, message: translate(locale, 'error.desk.unreachable', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}
