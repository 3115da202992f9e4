/** The shell's log: userData/logs/aftercare.log, 1 MB per file, 5 files kept. */
import path from 'node:path';
import { createRotatingLog, type RotatingLog } from '../policy/log-rotation';

export function logsDir(userData: string): string {
  return path.join(userData, 'logs');
}

export function openShellLog(userData: string): RotatingLog {
  return createRotatingLog({ dir: logsDir(userData), maxBytes: 1024 * 1024, keep: 5 });
}
