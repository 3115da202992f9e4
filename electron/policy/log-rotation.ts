/**
 * The shell's log file in userData/logs: one line per entry, rotated at a size limit so a desk PC
 * that runs for years never fills its disk with logs. Appends synchronously: the last lines before
 * a crash are the useful ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../shared/domain/clock';

export interface RotatingLogOptions {
  dir: string;
  /** Base name; rotated files are `<name>.1` (newest) … `<name>.<keep-1>`. */
  name?: string;
  maxBytes?: number;
  /** Files kept in total, the current one included. */
  keep?: number;
  now?: () => Date;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface RotatingLog {
  readonly file: string;
  write(level: LogLevel, message: string, error?: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Shifts `name.N` to `name.N+1`, dropping the oldest, then the current file becomes `name.1`. */
export function rotate(file: string, keep: number): void {
  if (keep <= 1) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.rmSync(`${file}.${keep - 1}`, { force: true });
  for (let i = keep - 2; i >= 1; i--) {
    if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  }
  if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
}

export function createRotatingLog({ dir, name = 'aftercare.log', maxBytes = 1024 * 1024, keep = 5, now = systemClock }: RotatingLogOptions): RotatingLog {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return {
    file,
    write(level, message, error) {
      const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${error === undefined ? '' : `\n${describe(error)}`}\n`;
      const bytes = Buffer.byteLength(line);
      try {
        if (size > 0 && size + bytes > maxBytes) {
          rotate(file, keep);
          size = 0;
        }
        fs.appendFileSync(file, line);
        size += bytes;
      } catch {
        // Logging must never take the app down (read-only or full disk): drop the line.
      }
    },
  };
}
