/** Desk settings, one JSON row read once and cached; saved with optimistic locking and audited. */
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { Db } from '../db/db';
import { conflict } from '../errors';
import { audit, created } from './audit';
import type { CallContext } from '../context';
import { actor } from '../context';

export type VersionedSettings = Settings & { version: number };

export class SettingsStore {
  private cached: VersionedSettings | null = null;

  constructor(private readonly db: Db) {}

  async get(): Promise<VersionedSettings> {
    if (this.cached) return this.cached;
    const row = await this.db.get<{ data: string; version: number }>('SELECT data, version FROM settings WHERE id = 1');
    const stored = row ? (JSON.parse(row.data) as Partial<Settings>) : {};
    this.cached = { ...DEFAULT_SETTINGS, ...stored, version: row?.version ?? 0 };
    return this.cached;
  }

  forget(): void {
    this.cached = null;
  }
}

export async function updateSettings(ctx: CallContext, input: ParsedInputOf<'settings.update'>): Promise<VersionedSettings> {
  const { version, ...changes } = input;
  const before = await ctx.settings.get();
  if (before.version !== version) throw conflict();
  const { version: _v, ...old } = before;
  const sla = { ...old.sla };
  for (const key of Object.keys(sla) as (keyof typeof sla)[]) sla[key] = { ...old.sla[key], ...changes.sla[key] };
  const next: Settings = { ...old, ...changes, sla };
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  await ctx.db.write(async (tx) => {
    if (version === 0) {
      await tx.insert('settings', { id: 1, data: JSON.stringify(next), ...created(at, by) });
    } else {
      const changed = await tx.run(
        'UPDATE settings SET data = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = 1 AND version = ?',
        [JSON.stringify(next), at, by, version],
      );
      if (changed !== 1) throw conflict();
    }
    await audit(tx, at, by, 'settings', 1, version === 0 ? 'create' : 'update', old, next);
  });
  ctx.settings.forget();
  return ctx.settings.get();
}
