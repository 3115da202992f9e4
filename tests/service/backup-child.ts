/**
 * A desk process that writes tickets and takes backups into the store one after another, for
 * backups.test.ts to kill with SIGKILL at a random moment. Prints `backing up` before the first backup.
 */
import { openCore } from '../../electron/core';
import { BENCH_ADMIN } from '../bench/common';
import { intake } from './harness';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2) as [string];
  const core = await openCore({ dataDir: dir, now: () => new Date('2026-11-24T10:00:00Z'), log: () => undefined, maintenanceEveryMs: null });
  const admin = { sessionId: null, locale: 'zh-CN' as const };
  const status = await core.dispatch('auth.status', {}, admin);
  if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) await core.dispatch('auth.setup', BENCH_ADMIN, admin);
  else await core.dispatch('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password }, admin);
  console.log('backing up');
  for (;;) {
    for (let i = 0; i < 20; i++) await core.dispatch('tickets.create', intake({ contactName: `客户${i}` }), admin);
    const r = await core.dispatch('backups.create', {}, admin);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}

void main();
