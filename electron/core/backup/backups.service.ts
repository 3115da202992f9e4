/** The API side of backups: the list, and a manual backup (admin only). */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { AppError } from '../errors';
import type { CallContext } from '../context';
import { listBackups, manualBackup, type BackupFile } from './backups';

export async function backupList(ctx: CallContext): Promise<BackupFile[]> {
  return listBackups(ctx.dataDir);
}

export async function backupNow(ctx: CallContext, input: ParsedInputOf<'backups.create'>): Promise<BackupFile> {
  const target = input.targetDir ? path.resolve(input.targetDir) : null;
  if (target && !(fs.existsSync(target) && fs.statSync(target).isDirectory())) {
    throw new AppError('VALIDATION', { fields: { targetDir: { key: 'validation.folder', params: {} } } });
  }
  return manualBackup(ctx.db, ctx.dataDir, ctx.now(), target);
}
