/**
 * Browser mode: a plain-Node HTTP server on 127.0.0.1 that serves the built renderer and answers
 * `POST /api/<method>` with the same dispatcher as Electron's IPC. The session lives in an HttpOnly,
 * SameSite=Strict cookie; `GET /api/events` streams change notifications (server-sent events).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Core } from '../core';
import { LOCALES, type Locale } from '../../shared/domain/user';
import { CONTENT_SECURITY_POLICY } from '../policy/csp';

const COOKIE = 'aftercare_session';
/** Room for an 8 MB attachment in base64 (the largest input of the contract). */
const MAX_BODY = 12 * 1024 * 1024;

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
  core: Core;
  rendererDir: string;
}

function cookieOf(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=') || null;
  }
  return null;
}

function localeOf(req: http.IncomingMessage): Locale {
  const asked = String(req.headers['accept-language'] ?? '').split(',')[0]?.trim();
  return (LOCALES as readonly string[]).includes(asked ?? '') ? (asked as Locale) : asked?.startsWith('en') ? 'en' : 'zh-CN';
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/** Cross-site requests are refused: the Origin, when sent, must be this server. */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  return !origin || origin === `http://${req.headers.host}`;
}

async function handleApi(core: Core, req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
  if (req.method !== 'POST' || !sameOrigin(req) || !String(req.headers['content-type']).startsWith('application/json')) {
    send(res, 405, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'POST application/json from this origin only' } }));
    return;
  }
  let input: unknown;
  try {
    const text = await readBody(req);
    input = text ? JSON.parse(text) : {};
  } catch {
    send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Body must be JSON, at most 12 MB' } }));
    return;
  }
  const client = { sessionId: cookieOf(req), locale: localeOf(req) };
  const before = client.sessionId;
  const result = await core.dispatch(method, input, client);
  const headers: http.OutgoingHttpHeaders = {};
  if (client.sessionId !== before) {
    headers['Set-Cookie'] = client.sessionId
      ? `${COOKIE}=${client.sessionId}; HttpOnly; SameSite=Strict; Path=/`
      : `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
  }
  send(res, 200, JSON.stringify(result), headers);
}

function handleEvents(core: Core, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const listener = (kind: string) => res.write(`data: ${JSON.stringify({ kind })}\n\n`);
  core.events.on('change', listener);
  req.on('close', () => core.events.off('change', listener));
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse): void {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(rendererDir, `.${relative}`);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  const immutable = relative.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
}

export function createHost({ core, rendererDir }: HostOptions): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/events') return handleEvents(core, req, res);
    if (url.pathname.startsWith('/api/')) {
      handleApi(core, req, res, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } }));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{}');
    serveStatic(rendererDir, url.pathname, res);
  });
}
