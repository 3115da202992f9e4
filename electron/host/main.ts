/**
 * `npm run serve`: starts browser mode. Options (or environment): --port (AFTERCARE_PORT, default 5178),
 * --host (AFTERCARE_HOST, default 127.0.0.1), --data-dir (AFTERCARE_DATA_DIR), --demo (load demo data),
 * --now (AFTERCARE_NOW: run the desk clock from an ISO-8601 instant, for tests and demos; default the system time).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core';
import { clockSetting } from '../../shared/domain/clock';
import { DatabaseOpenError } from '../core/db/open';
import { defaultDataDir } from './data-dir';
import { createHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      now: { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.AFTERCARE_PORT ?? 5178);
  const host = values.host ?? process.env.AFTERCARE_HOST ?? '127.0.0.1';
  const dataDir = path.resolve(values['data-dir'] ?? process.env.AFTERCARE_DATA_DIR ?? defaultDataDir());
  const now = clockSetting(values.now ?? process.env.AFTERCARE_NOW);
  // The check of the whole database and the start's backups run in the backup worker: the host listens at once.
  const core = await openCore({ dataDir, now, backupsAtStart: true });
  core.started?.then(
    (files) => files.length > 0 && console.log(`Backup taken: ${files.join(', ')}`),
    (error: unknown) => console.error('The check and backups at start failed:', error),
  );
  if (values.demo) {
    const existing = await core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
    if ((existing?.n ?? 0) === 0) console.log(`Demo data loaded: ${(await core.loadDemo()).tickets} tickets`);
  }
  const server = createHost({ core, rendererDir: path.join(__dirname, '../renderer'), listenHost: host });
  server.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Aftercare (browser mode) on http://${host}:${actual}/  data: ${dataDir}`);
    if (values.now ?? process.env.AFTERCARE_NOW) console.log(`Desk clock set: it is now ${now().toISOString()}`);
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // No new calls; open event streams would keep close() waiting forever, so they are cut.
    server.close();
    server.closeAllConnections();
    // A quit copies nothing: it notes its time, and the next start writes that backup from the closed
    // file. Closing waits for queued writes, stops a running backup, and checkpoints the WAL.
    try {
      console.log(`Backup noted at quit (written at the next start): ${core.noteQuit()}`);
    } catch (error) {
      console.error('The backup note at quit failed:', error);
    }
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError) {
    console.error(`Cannot open the database (${error.reason}): ${error.file}\n${error.message}`);
    console.error('Next step: restore a backup from the data folder\'s "backups" directory, or start with another --data-dir.');
  } else console.error(error);
  process.exit(1);
});
