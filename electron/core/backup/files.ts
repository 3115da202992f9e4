/**
 * Files around a backup: its attachments folder (hard links of the content-addressed attachments) and the
 * rotation that keeps the newest of a kind. Plain Node, shared by the core and the backup worker.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PREFIX = 'aftercare-';
export const ATTACHMENTS = 'attachments';

/** A kept backup: a manifest of the store (`.backup`) or a whole database file (`.sqlite`). */
export const isBackupName = (name: string) => name.startsWith(PREFIX) && (name.endsWith('.backup') || name.endsWith('.sqlite'));

/** `x/aftercare-2026-11-24.backup` (or `.sqlite`) keeps its attachments in `x/aftercare-2026-11-24.attachments/`. */
export function attachmentsBeside(file: string): string {
  return `${file.replace(/\.(sqlite|backup)$/i, '')}.attachments`;
}

/**
 * Copies a folder tree as hard links where the file system allows it (same disk), else as copies (a
 * USB disk). Attachments are content-addressed and written once (see services/attachments.ts), so a
 * link never sees a later change; half-written `.tmp` files are skipped.
 */
export function linkTree(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  let count = 0;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) count += linkTree(source, target);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
      if (!fs.existsSync(target)) {
        try {
          fs.linkSync(source, target);
        } catch {
          fs.copyFileSync(source, target);
        }
      }
      count += 1;
    }
  }
  return count;
}

export function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(path.join(dir, entry.name));
    else if (entry.isFile()) count += 1;
  }
  return count;
}

/** Links the data folder's attachments beside a finished backup (staged, then renamed into place). */
export function attachFiles(dataDir: string, backup: string): void {
  const files = attachmentsBeside(backup);
  const staging = `${files}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  linkTree(path.join(dataDir, ATTACHMENTS), staging);
  fs.rmSync(files, { recursive: true, force: true });
  if (fs.existsSync(staging)) fs.renameSync(staging, files);
}

export function removeBackup(file: string): void {
  fs.rmSync(file, { force: true });
  fs.rmSync(attachmentsBeside(file), { recursive: true, force: true });
}

const stem = (name: string) => name.replace(/\.(sqlite|backup)$/, '');

/** Keeps the newest `keep` backups in `dir` (names sort by date), each with its attachments. */
export function rotate(dir: string, keep: number): void {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isBackupName).sort((a, b) => stem(a).localeCompare(stem(b))) : [];
  for (const old of names.slice(0, Math.max(0, names.length - keep))) removeBackup(path.join(dir, old));
}
