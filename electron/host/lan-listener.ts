/**
 * Host mode's LAN listener: HTTPS on every interface, started when the admin's switch (设置 → 主机模式) or
 * `--lan` asks for it, and stopped at once when the switch goes off. Nothing listens beyond 127.0.0.1
 * otherwise. It tells the core where it answers and its certificate's fingerprint (the host's page shows them).
 */
import type { Core } from '../core';
import { createHost, type HostServer } from './server';
import { hostCertificate, lanNames, type HostCertificate } from './certificate';

export interface LanListenerOptions {
  core: Core;
  rendererDir: string;
  /** The LAN port (`--lan-port`, 5179 by default; 0 picks a free one). */
  port: number;
  /** `--lan`: on for this run whatever the switch says. */
  forced: boolean;
  now: () => Date;
  /** Where it listens: every interface (tests pass 127.0.0.1). */
  address?: string;
  log?: (message: string, error?: unknown) => void;
}

export interface LanListener {
  /** Starts or stops the listener to match the switch; resolves once it listens (or stopped). */
  sync(): Promise<void>;
  /** Stops for good (the host quits). */
  stop(): Promise<void>;
  server(): HostServer | null;
  /** The certificate (PEM), once host mode made one: offered for download on both listeners. */
  certificate(): string | null;
}

export function lanListener({ core, rendererDir, port, forced, now, address = '0.0.0.0', log }: LanListenerOptions): LanListener {
  let server: HostServer | null = null;
  let certificate: HostCertificate | null = null;
  let pending: Promise<void> = Promise.resolve();

  const start = async () => {
    certificate ??= await hostCertificate(core.dataDir, now());
    const names = lanNames();
    const started = createHost({ core, rendererDir, log, lan: { key: certificate.key, cert: certificate.cert, names: names.dns }, certificate: () => certificate?.cert ?? null });
    await new Promise<void>((resolve, reject) => {
      started.once('error', reject);
      started.listen(port, address, () => resolve());
    });
    server = started;
    const bound = started.address();
    const actual = typeof bound === 'object' && bound ? bound.port : port;
    const hosts = address === '0.0.0.0' ? names.ips.filter((ip) => ip !== '127.0.0.1') : [address];
    core.host.endpoint = { urls: hosts.map((h) => `https://${h}:${actual}/`), fingerprint: certificate.fingerprint };
  };

  const close = async () => {
    const closing = server;
    server = null;
    core.host.endpoint = { urls: [], fingerprint: certificate?.fingerprint ?? null };
    if (!closing) return;
    closing.closeAllConnections();
    await new Promise((resolve) => closing.close(resolve));
  };

  const sync = () => {
    // A start that failed (the port taken) does not stop the next sync from trying again.
    pending = pending.catch(() => undefined).then(async () => {
      const wanted = forced || (await core.host.get()).lanEnabled;
      if (wanted && !server) await start();
      else if (!wanted && server) await close();
    });
    return pending;
  };

  const onChange = (kind: string) => {
    if (kind === 'host') sync().catch((error: unknown) => log?.('host mode could not start or stop its LAN listener', error));
  };
  core.events.on('change', onChange);

  return {
    sync,
    stop: () => {
      core.events.off('change', onChange);
      return (pending = pending.catch(() => undefined).then(close));
    },
    server: () => server,
    certificate: () => certificate?.cert ?? null,
  };
}
