/**
 * Credentials kept encrypted at rest (issue 20). Each secret is sealed with AES-256-GCM under the desk's key;
 * where that key lives is the seam: browser mode keeps it in `secret.key` in the data folder (mode 0600), the
 * desktop shell may hand the core a key it keeps sealed with Electron's safeStorage instead (`CoreOptions.secretKey`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../db/db';

export const KEY_FILE = 'secret.key';
const VERSION = 'v1';

/** The 32-byte key of the desk: read from the data folder, written there (0600) on first use. */
export function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length === 32) return key;
    throw new Error(`${file} is not a 32-byte key`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = crypto.randomBytes(32);
  // `wx`: two starts racing never overwrite each other's key.
  fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
  return key;
}

export function seal(key: Buffer, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function unseal(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** The sealed secrets of the desk, by name (`email.password`, …). The key is loaded on first use. */
export class Secrets {
  private key: Buffer | null = null;

  constructor(
    private readonly db: Db,
    private readonly loadKey: () => Buffer,
  ) {}

  private desk(): Buffer {
    this.key ??= this.loadKey();
    return this.key;
  }

  async get(name: string): Promise<string | null> {
    const row = await this.db.get<{ sealed: string }>('SELECT sealed FROM secrets WHERE name = ?', [name]);
    return row ? unseal(this.desk(), row.sealed) : null;
  }

  async has(name: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS x FROM secrets WHERE name = ?', [name])) !== undefined;
  }

  /** Inside the caller's transaction; an empty value removes the secret. */
  async put(tx: Tx, name: string, plain: string, at: string): Promise<void> {
    if (plain === '') {
      await tx.run('DELETE FROM secrets WHERE name = ?', [name]);
      return;
    }
    await tx.run('INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at', [name, seal(this.desk(), plain), at]);
  }
}
