/**
 * The desktop app's key for the credentials the core seals (e-mail password): a random 32-byte key kept in
 * `secret.key.safe`, encrypted with Electron's safeStorage (DPAPI on Windows, the Keychain on macOS, the secret
 * service on Linux). Where safeStorage cannot encrypt, or a desk already has browser mode's plain `secret.key`,
 * the core keeps using that file (mode 0600) instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';

export const SAFE_KEY_FILE = 'secret.key.safe';

/** The key as base64 for the core process, or undefined to let the core use `secret.key`. */
export function deskKey(dataDir: string, warn: (message: string) => void): string | undefined {
  if (fs.existsSync(path.join(dataDir, 'secret.key'))) return undefined;
  if (!safeStorage.isEncryptionAvailable()) {
    warn('safeStorage is not available: credentials are sealed with secret.key in the data folder');
    return undefined;
  }
  const file = path.join(dataDir, SAFE_KEY_FILE);
  if (fs.existsSync(file)) return safeStorage.decryptString(fs.readFileSync(file));
  const key = crypto.randomBytes(32).toString('base64');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600, flag: 'wx' });
  return key;
}
