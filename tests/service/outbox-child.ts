/** A desk process that sends the outbox and ends, for outbox-crash.test.ts to kill with SIGKILL mid-batch. */
import { openCore } from '../../electron/core';

async function main(): Promise<void> {
  const [dir, at] = process.argv.slice(2) as [string, string];
  const core = await openCore({ dataDir: dir, now: () => new Date(at), log: () => undefined, maintenanceEveryMs: null, outboxEveryMs: null });
  const sent = await core.sendOutbox();
  await core.close();
  console.log(`done ${sent}`);
}

void main();
