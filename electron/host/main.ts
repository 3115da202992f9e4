/**
 * `npm run serve`: starts browser mode. Options (or environment): --port (AFTERCARE_PORT, default 5178),
 * --host (AFTERCARE_HOST, default 127.0.0.1; a loopback address only: plain HTTP never leaves this PC),
 * --data-dir (AFTERCARE_DATA_DIR), --demo (load demo data), --now (AFTERCARE_NOW: run the desk clock from an
 * ISO-8601 instant, for tests and demos; default the system time), --lan (host mode for this run: HTTPS on
 * the LAN, also started and stopped by the admin's switch in 设置) and --lan-port (AFTERCARE_LAN_PORT, 5179).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core';
import { clockSetting } from '../../shared/domain/clock';
import { DatabaseOpenError } from '../core/db/open';
import { defaultDataDir } from './data-dir';
import { createHost } from './server';
import { lanListener } from './lan-listener';
import { isLoopback } from './request-checks';
import { formatPairingCode } from '../../shared/domain/lan';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      now: { type: 'string' },
      lan: { type: 'boolean', default: false },
      'lan-port': { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.AFTERCARE_PORT ?? 5178);
  const host = values.host ?? process.env.AFTERCARE_HOST ?? '127.0.0.1';
  if (!isLoopback(host)) {
    console.error(`--host ${host}: plain HTTP listens on this PC only (127.0.0.1, ::1, localhost). To serve the LAN, use host mode: --lan (HTTPS).`);
    process.exit(2);
  }
  const lanPort = Number(values['lan-port'] ?? process.env.AFTERCARE_LAN_PORT ?? 5179);
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
  const rendererDir = path.join(__dirname, '../renderer');
  const lan = lanListener({ core, rendererDir, port: lanPort, forced: values.lan, now });
  const server = createHost({ core, rendererDir, listenHost: host, certificate: () => lan.certificate() });
  lan.sync().then(
    async () => {
      const bound = lan.server()?.address();
      if (!bound || typeof bound !== 'object') return;
      const { urls, fingerprint } = core.host.endpoint;
      const { pairingCode } = await core.host.get();
      console.log(`Host mode on the LAN (HTTPS, port ${bound.port}): ${urls.join('  ')}\n  certificate SHA-256 ${fingerprint}\n  pairing code ${formatPairingCode(pairingCode)}`);
    },
    (error: unknown) => console.error('Host mode could not start its LAN listener:', error),
  );
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
    await lan.stop();
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
