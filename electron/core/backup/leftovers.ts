/**
 * What a backup killed midway leaves behind (the app closed by force, a power cut): the `.partial` copy
 * with its SQLite companions (`-journal`, `-wal`, `-shm`) and a `.attachments.partial` folder. A finished
 * backup is renamed from these only once it passed its integrity check, so they are never a usable backup:
 * removed at start, and when a backup fails.
 */
import fs from 'node:fs';
import path from 'node:path';

const HALF_WRITTEN = /\.partial(?:-journal|-wal|-shm)?$/;

/** The partial copy and its companions, and the attachments being staged, for the backup `file`. */
export function removePartial(file: string, attachmentsStaging: string): void {
  for (const end of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}.partial${end}`, { force: true });
  fs.rmSync(attachmentsStaging, { recursive: true, force: true });
}

/** Every half-written backup under `backups/` (one level of kinds: daily, quit, manual …); returns what went. */
export function removeHalfWritten(backupsDir: string): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, depth: number) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (HALF_WRITTEN.test(entry.name)) {
        fs.rmSync(full, { recursive: true, force: true });
        removed.push(full);
      } else if (entry.isDirectory() && depth > 0 && !entry.name.endsWith('.attachments')) sweep(full, depth - 1);
    }
  };
  sweep(backupsDir, 1);
  return removed;
}
