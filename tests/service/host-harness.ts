/**
 * The browser-mode HTTP host in this process (createHost on port 0, a temporary data directory), and a
 * raw-socket client: malformed requests (bad percent-encoding, odd Host headers, huge headers) cannot be
 * sent through fetch or http.request, which refuse or rewrite them.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type http from 'node:http';
import { openCore, type Core } from '../../electron/core';
import { createHost } from '../../electron/host/server';
import { tempDir } from './harness';

export interface HostHarness {
  core: Core;
  server: http.Server;
  port: number;
  /** `127.0.0.1:<port>`, the Host header a browser on this PC sends. */
  host: string;
  /** Logged by the host (errors it caught), for assertions that nothing went wrong unseen. */
  logged: string[];
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The socket was reset (ECONNRESET / EPIPE) rather than closed after an answer. */
  reset: boolean;
}

/** Starts a host on a fresh data directory; `listenHost` is what `--host` would be. */
export async function openHost(listenHost = '127.0.0.1'): Promise<HostHarness> {
  const dir = tempDir('aftercare-host-');
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Aftercare</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  const logged: string[] = [];
  const log = (message: string, error?: unknown) => logged.push(`${message}: ${String(error)}`);
  const core = await openCore({ dataDir: path.join(dir, 'data'), log, maintenanceEveryMs: null });
  const server = createHost({ core, rendererDir, listenHost, log });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    core,
    server,
    port,
    host: `127.0.0.1:${port}`,
    logged,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends `request` as written (CRLFs included) and reads until the server closes or answers in full. */
export function raw(port: number, request: string | Buffer, address = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect(port, address);
    const chunks: Buffer[] = [];
    let reset = false;
    socket.on('data', (b: Buffer) => chunks.push(b));
    socket.on('error', () => (reset = true));
    socket.on('close', () => resolve(parse(Buffer.concat(chunks).toString('utf8'), reset)));
    // A request the host waits on for ever (an unfinished chunked body) is given up by the client: status 0.
    socket.setTimeout(10_000, () => socket.destroy());
    // No half-close: the server is to close the connection (Connection: close, or after an error).
    socket.write(request);
  });
}

function parse(text: string, reset: boolean): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end < 0 ? '' : text.slice(end + 4);
  // Chunked bodies (the API's JSON is sent in one piece, static files may not be) are joined back.
  if (headers['transfer-encoding'] === 'chunked') body = body.replace(/(^|\r\n)[0-9a-f]+\r\n/gi, '').replace(/\r\n$/, '');
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body, reset };
}

/** A whole request: `GET /x`, headers (Host defaults to the harness's), and an optional body. */
export function request(h: HostHarness, line: string, headers: Record<string, string> = {}, body = ''): Promise<RawResponse> {
  const all: Record<string, string> = { Host: h.host, Connection: 'close', ...headers };
  if (body && !('Content-Length' in all)) all['Content-Length'] = String(Buffer.byteLength(body));
  const head = Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return raw(h.port, `${line} HTTP/1.1\r\n${head}\r\n${body}`);
}

/** POST /api/<method> with JSON, as the renderer sends it; `cookie` is the session cookie if any. */
export function api(h: HostHarness, method: string, input: unknown, extra: Record<string, string> = {}): Promise<RawResponse> {
  return request(h, `POST /api/${method}`, { 'Content-Type': 'application/json', ...extra }, JSON.stringify(input));
}

/** The session cookie a response set (`aftercare_session=…`), for the next requests. */
export function cookieOf(res: RawResponse): string {
  return res.headers['set-cookie']?.split(';')[0] ?? '';
}
