/**
 * `npm run serve`: starts browser mode. Options (or environment): --port (AFTERCARE_PORT, default 5178),
 * --host (AFTERCARE_HOST, default 127.0.0.1; a loopback address only: plain HTTP never leaves this PC),
 * --data-dir (AFTERCARE_DATA_DIR), --demo (load demo data), --now (AFTERCARE_NOW: run the desk clock from an
 * ISO-8601 instant, for tests and demos; default the system time), --lan (host mode for this run: HTTPS on
 * the LAN, also started and stopped by the admin's switch in 设置), --lan-port (AFTERCARE_LAN_PORT, 5179) and
 * --ask-desk-choice (the desktop app's first-start choice 本机 / 连接到主机 in an empty data folder, for its tests).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore, type Core } from '../core';
import { startingChoice } from '../main/desk-choice';
import { createDeskGate } from '../main/desk-gate';
import { clockSetting } from '../../shared/domain/clock';
import { DatabaseOpenError } from '../core/db/open';
import { defaultDataDir } from './data-dir';
import { createHost } from './server';
import { lanListener, type LanListener } from './lan-listener';
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
      'ask-desk-choice': { type: 'boolean', default: false },
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
  const rendererDir = path.join(__dirname, '../renderer');
  let core: Core | null = null;
  let lan: LanListener | null = null;
  /** The core on the data folder, and what comes with it: the demo, the start's backups, host mode's listener. */
  const openLocal = async (): Promise<Core> => {
    // The check of the whole database and the start's backups run in the backup worker: the host listens at once.
    const opened = await openCore({ dataDir, now, backupsAtStart: true });
    core = opened;
    opened.started?.then(
      (files) => files.length > 0 && console.log(`Backup taken: ${files.join(', ')}`),
      (error: unknown) => console.error('The check and backups at start failed:', error),
    );
    if (values.demo) {
      const existing = await opened.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
      if ((existing?.n ?? 0) === 0) console.log(`Demo data loaded: ${(await opened.loadDemo()).tickets} tickets`);
    }
    const listener = lanListener({ core: opened, rendererDir, port: lanPort, forced: values.lan, now });
    lan = listener;
    listener.sync().then(
      async () => {
        const bound = listener.server()?.address();
        if (!bound || typeof bound !== 'object') return;
        const { urls, fingerprint } = opened.host.endpoint;
        const { pairingCode } = await opened.host.get();
        console.log(`Host mode on the LAN (HTTPS, port ${bound.port}): ${urls.join('  ')}\n  certificate SHA-256 ${fingerprint}\n  pairing code ${formatPairingCode(pairingCode)}`);
      },
      (error: unknown) => console.error('Host mode could not start its LAN listener:', error),
    );
    return opened;
  };
  // --ask-desk-choice: start as the desktop app does, asking 本机 / 连接到主机 in an empty data folder (desk-gate.ts).
  const choice = values['ask-desk-choice'] ? startingChoice(dataDir) : ({ mode: 'local' } as const);
  if (choice?.mode === 'host') {
    console.error(`${dataDir} is paired with the host ${choice.url} (connection.json): the desktop app works from it; browser mode serves a data folder of its own.`);
    process.exit(2);
  }
  const answering = choice ? await openLocal() : createDeskGate({ dataDir, computerName: os.hostname(), openLocal, log: (m, e) => console.error(m, e) });
  const server = createHost({ core: answering, rendererDir, listenHost: host, certificate: () => lan?.certificate() ?? null });
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
    await lan?.stop();
    if (!core) process.exit(0);
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
