/**
 * Browser mode: a plain-Node HTTP server on 127.0.0.1 that serves the built renderer and answers
 * `POST /api/<method>` with the same dispatcher as Electron's IPC. In host mode the same handler also
 * runs behind HTTPS on the LAN (`lan`): its calls are remote (a paired desk's cookie or header, the
 * remote address for the audit trail and the per-address limits), and writes carry an `Idempotency-Key`. The session lives in an HttpOnly,
 * SameSite=Strict cookie; `GET /api/events` streams change notifications (server-sent events) to a
 * signed-in client. No request of any shape may end the process: every handler runs guarded, a throw is
 * logged and answered 500, and malformed HTTP is answered by `clientError`.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { X509Certificate } from 'node:crypto';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { Core } from '../core';
import { LOCALES, type Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import { CONTENT_SECURITY_POLICY } from '../policy/csp';
import { ownHost, requestPath, sameOrigin } from './request-checks';
import type { Client } from '../core/context';

const COOKIE = 'aftercare_session';
/** A paired desk's token (host mode): long-lived, HttpOnly, Secure. */
const DESK_COOKIE = 'aftercare_desk';
/** The desktop app's desk mode sends its token in this header instead of a cookie. */
const DESK_HEADER = 'x-aftercare-desk';
/** Where a phone or browser downloads the host's certificate to trust it (README). */
export const CERTIFICATE_PATH = '/host-certificate.crt';
/** Room for an 8 MB attachment in base64 (the largest input of the contract). */
const MAX_BODY = 12 * 1024 * 1024;
/**
 * A body over MAX_BODY is read to its end and dropped before the 413 is sent, so the client reads the
 * answer instead of a reset (closing on unread data resets the connection); past this it is cut.
 */
const MAX_DRAIN = 64 * 1024 * 1024;
/** How often an open event stream checks that its session is still signed in. */
const STREAM_CHECK_MS = 60_000;

/** Open event streams the host serves at once: a few windows of a few desks, each page with one or two. */
export const MAX_EVENT_CLIENTS = 100;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json',
};

export interface HostOptions {
  /** What answers the calls: the core, or before it the first start's choice (desk-gate.ts). */
  core: Answering;
  rendererDir: string;
  /** The address the host was asked to listen on (`--host`): a name it answers to besides the loopback ones. */
  listenHost?: string;
  /** Where a request that failed inside the host is reported (the console by default). */
  log?: (message: string, error?: unknown) => void;
  /** Host mode: this server is the LAN listener, over HTTPS with this certificate; `names` are this PC's names besides its addresses. */
  lan?: { key: string; cert: string; names: string[] };
  /** The host's certificate (PEM) offered for download at CERTIFICATE_PATH, once host mode made one. */
  certificate?: () => string | null;
}

export type HostServer = http.Server | https.Server;

/** The parts of the core the transport calls. */
export type Answering = Pick<Core, 'dispatch' | 'events' | 'sessionAlive'>;

function cookieOf(req: http.IncomingMessage, cookie = COOKIE): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return rest.join('=') || null;
  }
  return null;
}

/** An idempotency key as a client may send it: a UUID or similar token. */
const KEY_FORM = /^[A-Za-z0-9_-]{8,64}$/;

/** The call's client as the transport knows it: session, language, and over the LAN the desk and address. */
function clientOf(req: http.IncomingMessage, lan: boolean): Client {
  const client: Client = { sessionId: cookieOf(req), locale: localeOf(req) };
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && KEY_FORM.test(key)) client.idempotencyKey = key;
  if (lan) {
    client.remote = { address: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '') };
    const header = req.headers[DESK_HEADER];
    client.deskToken = (typeof header === 'string' ? header : null) ?? cookieOf(req, DESK_COOKIE);
  }
  return client;
}

function localeOf(req: http.IncomingMessage): Locale {
  const asked = String(req.headers['accept-language'] ?? '').split(',')[0]?.trim();
  return (LOCALES as readonly string[]).includes(asked ?? '') ? (asked as Locale) : asked?.startsWith('en') ? 'en' : 'zh-CN';
}

/** The body as text, or null when it passed MAX_BODY (then read to its end and dropped, up to MAX_DRAIN). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else if (size > MAX_DRAIN) req.destroy();
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendText(res: http.ServerResponse, status: number, text: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

/** An error as the API answers it, worded in the caller's language. */
function sendError(res: http.ServerResponse, status: number, locale: Locale, code: string, key: string, headers: http.OutgoingHttpHeaders = {}): void {
  send(res, status, JSON.stringify({ ok: false, error: { code, message: translate(locale, key, { maxMb: MAX_BODY / 1024 / 1024 }) } }), headers);
}

const tooLarge = (req: http.IncomingMessage) => Number(req.headers['content-length'] ?? 0) > MAX_BODY;

async function handleApi(core: Answering, req: http.IncomingMessage, res: http.ServerResponse, method: string, host: string, lan: boolean): Promise<void> {
  const locale = localeOf(req);
  if (req.method !== 'POST' || !sameOrigin(req, host) || !String(req.headers['content-type']).startsWith('application/json')) {
    sendError(res, req.method === 'POST' ? 403 : 405, locale, 'FORBIDDEN', 'error.http.notThisOrigin');
    return;
  }
  const text = await readBody(req);
  if (text === null) return sendError(res, 413, locale, 'VALIDATION', 'error.http.tooLarge', { Connection: 'close' });
  let input: unknown;
  try {
    input = text ? JSON.parse(text) : {};
  } catch {
    return sendError(res, 400, locale, 'VALIDATION', 'error.http.notJson');
  }
  const client = clientOf(req, lan);
  const before = client.sessionId;
  const deskBefore = client.deskToken;
  const result = await core.dispatch(method, input, client);
  const secure = lan ? '; Secure' : '';
  const cookies: string[] = [];
  if (client.sessionId !== before) {
    cookies.push(client.sessionId ? `${COOKIE}=${client.sessionId}; HttpOnly; SameSite=Strict; Path=/${secure}` : `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure}`);
  }
  // Paired: the browser keeps the desk's token for 400 days (the longest a browser keeps a cookie).
  if (client.deskToken && client.deskToken !== deskBefore) cookies.push(`${DESK_COOKIE}=${client.deskToken}; HttpOnly; SameSite=Strict; Path=/; Max-Age=34560000${secure}`);
  send(res, 200, JSON.stringify(result), cookies.length > 0 ? { 'Set-Cookie': cookies } : {});
}

/** Change notifications carry no data, but which kinds change when is the desk's business: a session is needed. */
async function handleEvents(core: Answering, req: http.IncomingMessage, res: http.ServerResponse, streams: Set<http.ServerResponse>, lan: boolean): Promise<void> {
  const locale = localeOf(req);
  if (req.method !== 'GET') return sendError(res, 405, locale, 'FORBIDDEN', 'error.http.notThisOrigin');
  const status = await core.dispatch('auth.status', {}, clientOf(req, lan));
  const value = status.ok ? (status.value as { user: unknown; lan?: { paired: boolean } }) : null;
  if (!value?.user || (lan && !value.lan?.paired)) return sendError(res, 401, locale, 'UNAUTHENTICATED', 'error.UNAUTHENTICATED');
  if (streams.size >= MAX_EVENT_CLIENTS) return sendError(res, 503, locale, 'INTERNAL', 'error.http.tooManyStreams', { 'Retry-After': '30' });
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  // The stream lives as long as its session: signed out, idle or a changed password ends it at the next change
  // or within a minute, whichever comes first.
  const sessionId = cookieOf(req);
  const listener = (kind: string) => {
    if (core.sessionAlive(sessionId)) res.write(`data: ${JSON.stringify({ kind })}\n\n`);
    else res.end();
  };
  const check = setInterval(() => {
    if (!core.sessionAlive(sessionId)) res.end();
  }, STREAM_CHECK_MS);
  check.unref();
  streams.add(res);
  core.events.on('change', listener);
  res.on('close', () => {
    clearInterval(check);
    streams.delete(res);
    core.events.off('change', listener);
  });
}

/** A path no file can have (too long, through a file) is not found either, rather than an error. */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse, onError: (error: unknown) => void): void {
  const relative = urlPath === '/' ? '/index.html' : urlPath;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep) || !isFile(file)) return sendText(res, 404, 'Not found');
  const immutable = relative.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  // A read that fails midway (the file replaced by a build) cuts this response, not the process.
  pipeline(fs.createReadStream(file), res, (error) => error && onError(error));
}

/** Malformed HTTP never reaches the handler: answered here (431 for oversized headers, else 400) and closed. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
}

/** The host's certificate for download, DER as phones install it (Android: CA certificate; iOS: profile). */
function sendCertificate(res: http.ServerResponse, pem: string | null): void {
  if (!pem) return sendText(res, 404, 'Host mode has not made a certificate yet');
  res.writeHead(200, { 'Content-Type': 'application/x-x509-ca-cert', 'Content-Disposition': 'attachment; filename="aftercare-host.crt"', 'Cache-Control': 'no-store' });
  res.end(new X509Certificate(pem).raw);
}

export function createHost({ core, rendererDir, listenHost, log = (m, e) => console.error(m, e), lan, certificate = () => null }: HostOptions): HostServer {
  const streams = new Set<http.ServerResponse>();
  // Each open stream listens for changes: the emitter is sized for the streams served at once.
  core.events.setMaxListeners(core.events.getMaxListeners() + MAX_EVENT_CLIENTS);

  const route = (req: http.IncomingMessage, res: http.ServerResponse, fail: (error: unknown) => void): Promise<void> | void => {
    const host = ownHost(req, listenHost, lan?.names);
    // 421 Misdirected Request: the name in Host is not this host's (DNS rebinding, or a stray proxy).
    if (!host) return sendText(res, 421, 'Misdirected request', { Connection: 'close' });
    const urlPath = requestPath(req.url);
    if (urlPath === null) return sendText(res, 400, 'Bad request');
    if (urlPath === '/api/events') return handleEvents(core, req, res, streams, lan !== undefined);
    if (urlPath.startsWith('/api/')) return handleApi(core, req, res, urlPath.slice('/api/'.length), host, lan !== undefined);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (urlPath === CERTIFICATE_PATH) return sendCertificate(res, certificate());
    serveStatic(rendererDir, urlPath, res, fail);
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const fail = (error: unknown) => {
      log(`${req.method} ${req.url} failed`, error);
      if (res.headersSent) res.destroy();
      else if (req.url?.startsWith('/api/')) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: translate(localeOf(req), 'error.INTERNAL') } }));
      else sendText(res, 500, 'Internal error');
    };
    try {
      route(req, res, fail)?.catch(fail);
    } catch (error) {
      fail(error);
    }
  };

  const server = lan ? https.createServer({ key: lan.key, cert: lan.cert }, handle) : http.createServer(handle);
  // `Expect: 100-continue` with a body too large is refused before the client sends it.
  server.on('checkContinue', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const ours = ownHost(req, listenHost, lan?.names) !== null;
    if (ours && tooLarge(req)) return sendError(res, 413, localeOf(req), 'VALIDATION', 'error.http.tooLarge', { Connection: 'close' });
    // A request to another name is answered 421 by the handler without asking for its body.
    if (ours) res.writeContinue();
    handle(req, res);
  });
  server.on('clientError', answerClientError);
  // CONNECT asks for a proxy's tunnel, which this host is not: answered, not dropped unanswered.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => socket.end('HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
  return server;
}
