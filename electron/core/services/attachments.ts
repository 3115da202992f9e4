/** Files kept in the data directory (signatures, photos): written atomically, referenced from the database. */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Tx } from '../db/db';

export interface StoredFile {
  ticketId: number | null;
  kind: 'signature' | 'photo' | 'file';
  fileName: string;
  mime: string;
  bytes: Buffer;
}

/** Content-addressed under attachments/YYYY/MM/, so a retried save never writes a second copy. */
export async function storeAttachment(tx: Tx, dataDir: string, at: string, by: number, file: StoredFile): Promise<number> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const ext = path.extname(file.fileName) || '.bin';
  const relative = path.posix.join('attachments', at.slice(0, 4), at.slice(5, 7), `${sha256}${ext}`);
  const target = path.join(dataDir, relative);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, file.bytes, { flush: true });
  await fs.rename(temp, target);
  return tx.insert('attachments', {
    ticket_id: file.ticketId,
    kind: file.kind,
    file_name: file.fileName,
    stored_path: relative,
    mime: file.mime,
    size: file.bytes.length,
    sha256,
    created_at: at,
    created_by: by,
  });
}

/** A PNG data URL (as the signature canvas exports it) as bytes. */
export function pngFromDataUrl(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
