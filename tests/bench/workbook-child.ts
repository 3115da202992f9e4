/**
 * One monthly-workbook build in a fresh process, so its peak memory is the build's own (plus an opened
 * core): the benchmark runs it as `node --import tsx` and reads the JSON line it prints.
 *   tsx tests/bench/workbook-child.ts --data-dir .data/bench --from 2026-10-01 --to 2026-10-31
 */
import fs from 'node:fs';
import { openCore } from '../../electron/core';
import type { Client } from '../../electron/core/context';
import { arg, BENCH_ADMIN, dataDirArg } from './common';

async function main(): Promise<void> {
  const core = await openCore({ dataDir: dataDirArg(), log: () => undefined });
  const client: Client = { sessionId: null, locale: 'zh-CN' };
  const login = await core.dispatch('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password }, client);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const rssBefore = process.memoryUsage().rss;
  let sampledMax = rssBefore;
  const sampler = setInterval(() => (sampledMax = Math.max(sampledMax, process.memoryUsage().rss)), 5);
  const t = process.hrtime.bigint();
  const r = await core.dispatch('reports.monthlyWorkbook', { from: arg('from', '2026-10-01'), to: arg('to', '2026-10-31') }, client);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  clearInterval(sampler);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const file = r.value as { fileName: string; dataBase64: string };
  const bytes = Buffer.byteLength(file.dataBase64, 'base64');
  await core.close();
  const maxRssMB = highWaterMB() ?? sampledMax / 1e6;
  console.log(JSON.stringify({ ms, maxRssMB, sampledMaxMB: sampledMax / 1e6, rssBeforeMB: rssBefore / 1e6, bytes, fileName: file.fileName }));
}

/**
 * The process's own peak RSS: Linux's VmHWM, which starts afresh at exec. Not resourceUsage().maxRSS:
 * a child spawned by the benchmark inherits its parent's high-water mark through fork (it read 520 MB,
 * the benchmark's own size, for a build that peaked at 330 MB).
 */
function highWaterMB(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return kb ? (Number(kb[1]) * 1024) / 1e6 : null;
  } catch {
    return null;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
