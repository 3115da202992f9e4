/** The API side of backups: the list, a manual backup, a backup's preview and the restore (admin only). */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { BackupInfo, BackupList, BackupPreview, DatabaseHealth, RestoreResult } from '../../../shared/domain/data-safety';
import { AppError } from '../errors';
import { actor, type CallContext } from '../context';
import { audit } from '../services/audit';
import { listBackups, manualBackup } from './backups';
import { RestoreRefused, previewBackup, resolveBackupFile, restoreBackup } from './restore';

export async function backupList(ctx: CallContext): Promise<BackupList> {
  return listBackups(ctx.dataDir);
}

export async function backupHealth(ctx: CallContext): Promise<DatabaseHealth> {
  return { ...ctx.health };
}

export async function backupNow(ctx: CallContext, input: ParsedInputOf<'backups.create'>): Promise<BackupInfo> {
  const target = input.targetDir ? path.resolve(input.targetDir) : null;
  if (target && !(fs.existsSync(target) && fs.statSync(target).isDirectory())) {
    throw new AppError('VALIDATION', { fields: { targetDir: { key: 'validation.folder', params: {} } } });
  }
  return manualBackup(ctx.snapshots, ctx.dataDir, ctx.now(), target);
}

/** A refusal worded for the admin, on the `file` field too so the form shows it in place. */
function refused(error: RestoreRefused): AppError {
  const key = `backup.${error.reason}`;
  const detail = error.message.slice(error.reason.length + 2, error.reason.length + 202);
  return new AppError('VALIDATION', { key, params: { detail }, fields: { file: { key: `error.${key}`, params: { detail } } } });
}

function resolve(ctx: CallContext, file: string): string {
  try {
    return resolveBackupFile(ctx.dataDir, file);
  } catch (error) {
    if (error instanceof RestoreRefused) throw refused(error);
    throw error;
  }
}

export async function backupPreview(ctx: CallContext, input: ParsedInputOf<'backups.preview'>): Promise<BackupPreview> {
  return previewBackup(resolve(ctx, input.file));
}

export async function backupRestore(ctx: CallContext, input: ParsedInputOf<'backups.restore'>): Promise<RestoreResult> {
  const source = resolve(ctx, input.file);
  const me = actor(ctx);
  let result: RestoreResult;
  try {
    result = await restoreBackup({ db: ctx.db, snapshots: ctx.snapshots, dataDir: ctx.dataDir, source, now: ctx.now() });
  } catch (error) {
    if (error instanceof RestoreRefused) throw refused(error);
    throw error;
  }
  // Sessions name users of the replaced database (ids, roles, names may differ): everyone signs in again.
  ctx.sessions.endAll();
  ctx.client.sessionId = null;
  ctx.settings.forget();
  ctx.official.forget();
  // The restored database has its own paired desks and host settings.
  ctx.host.forget();
  await ctx.host.get();
  // The restore is itself on the trail, in the restored database; the admin's id only if it means the same person there.
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const same = await tx.query('SELECT id FROM users WHERE id = ? AND username = ?', [me.id, me.username]);
    await audit(tx, at, same.length > 0 ? me.id : null, 'backups', 1, 'restore', null, {
      file: source,
      safetyCopy: result.safetyCopy,
      by: me.username,
    });
  });
  ctx.notify('tickets');
  ctx.notify('restored');
  return result;
}
