/**
 * A desk process loading the demo from the command line (no admin yet), for demo-atomic.test.ts to kill midway.
 * Its own connection sees the load's uncommitted rows: it says when the load is half done, then waits to die.
 */
import { openCore } from '../../electron/core';

async function main(): Promise<void> {
  const [dir, at] = process.argv.slice(2) as [string, string];
  const core = await openCore({ dataDir: dir, now: () => new Date(at), log: () => undefined, maintenanceEveryMs: null });
  let told = false;
  const watch = setInterval(() => {
    void core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets').then((row) => {
      if (!told && (row?.n ?? 0) >= 20) {
        told = true;
        console.log(`midway ${row!.n}`);
      }
    });
  }, 5);
  await core.loadDemo();
  clearInterval(watch);
  console.log('loaded');
}

void main();
