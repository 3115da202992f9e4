/**
 * Fuzz of the browser-mode host's HTTP layer: request lines, paths, methods, headers and bodies as no
 * browser sends them, over raw sockets to an in-process host. Every request gets an answer below 500,
 * nothing the host caught is logged as a failure, no prototype is polluted, and the host still serves
 * the app and the API at the end. Seeded: AFTERCARE_FUZZ_SEED reruns a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cookieOf, openHost, raw, type HostHarness } from './host-harness';
import { hostileString, hostileValue, pick, pollutingObject, prng, shortJson, type Rng } from './fuzz-inputs';

const SEED = Number(process.env.AFTERCARE_FUZZ_SEED ?? 20261124);
const REQUESTS = 1200;

let h: HostHarness;
let cookie = '';
beforeAll(async () => {
  h = await openHost();
  cookie = cookieOf(await api(h, 'auth.setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' }));
});
afterAll(() => h.close());

const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'P0ST', 'GET /'];
const PATHS = [
  '/', '/index.html', '/assets/app.js', '/assets/', '/assets/../index.html', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json',
  '/%', '/%E0%A4%A', '/assets/%zz', '/%00', '/%C0%AE%C0%AE/', '/%ff%fe', '/api/', '/api/events', '/api/auth.status', '/api/auth.setup',
  '/api/tickets.list', '/api/customers.search', '/api/__proto__', '/api/constructor', '/api/toString', '/api/hasOwnProperty',
  '/api/%', '/api/tickets.list?x=%', '/api/tickets.list#x', '//evil.example/', '/api//auth.status', '/?%', `/${'a'.repeat(9000)}`,
  '*', 'http://127.0.0.1/', 'http://evil.example/api/auth.status', '/api/users.create', '/api/imports.preview',
];
const TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/jsonp', 'APPLICATION/JSON'];

/** A body: JSON of hostile values, JSON that is not, or bytes that are not text. */
function bodyOf(rng: Rng): string {
  return pick(rng, [
    () => JSON.stringify(hostileValue(rng)) ?? '',
    () => JSON.stringify(pollutingObject(rng)),
    () => '{"__proto__":{"polluted":"yes"},"q":"x"}',
    () => '{"constructor":{"prototype":{"polluted":"yes"}}}',
    () => JSON.stringify({ q: hostileString(rng), limit: pick(rng, [1, -1, 1e9, '1', null]) }),
    () => JSON.stringify({ username: hostileString(rng), password: hostileString(rng) }),
    () => '{"a":',
    () => 'null',
    () => '[]',
    () => '"\u0000"',
    () => `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    () => `{"q":"${'\\ud800'.repeat(100)}"}`,
    () => hostileString(rng, 2000),
    () => '',
  ])();
}

/** Headers: the host's own or another's, odd cookies, languages and lengths. */
function headersOf(rng: Rng): string[] {
  const lines: string[] = [];
  const host = pick(rng, [h.host, h.host, h.host, `localhost:${h.port}`, `evil.example:${h.port}`, '', '[::1', `127.0.0.1:${h.port}:1`, hostileString(rng, 30)]);
  if (host !== '' || rng() < 0.5) lines.push(`Host: ${host}`);
  if (rng() < 0.5) lines.push(`Content-Type: ${pick(rng, TYPES)}`);
  if (rng() < 0.3) lines.push(`Origin: ${pick(rng, [`http://${h.host}`, 'null', `http://evil.example:${h.port}`, hostileString(rng, 20)])}`);
  if (rng() < 0.5) lines.push(`Cookie: ${pick(rng, [cookie, 'aftercare_session=', `aftercare_session=${hostileString(rng, 40)}`, '=;=;;', `${cookie}; ${cookie}`])}`);
  if (rng() < 0.3) lines.push(`Accept-Language: ${pick(rng, ['en', 'zh-CN', 'xx', '', '*;q=0', hostileString(rng, 30)])}`);
  if (rng() < 0.1) lines.push(`X-Big: ${'a'.repeat(pick(rng, [100, 8000, 20_000]))}`);
  if (rng() < 0.1) lines.push(pick(rng, ['Transfer-Encoding: chunked', 'Expect: 100-continue', 'Sec-Fetch-Site: cross-site', 'Connection: keep-alive', 'Upgrade: websocket\r\nConnection: Upgrade', 'Content-Length: -1', 'Content-Length: abc']));
  // Header values travel as bytes: characters outside Latin-1 or control characters make them malformed.
  return lines.map((l) => (l.startsWith('Upgrade:') ? l : l.replace(/[\r\n]/g, ' ')));
}

/** Text as a path: its UTF-8 bytes percent-encoded (lone surrogates become U+FFFD, as a browser sends them). */
const percentEncoded = (text: string) => [...Buffer.from(text)].map((b) => (/[\w.~/-]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');

function requestOf(rng: Rng): string {
  const method = pick(rng, METHODS);
  const path = rng() < 0.8 ? pick(rng, PATHS) : `/${percentEncoded(hostileString(rng, 40)).slice(0, 200)}`;
  const version = pick(rng, ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 x', '']);
  const body = method.toUpperCase() === 'POST' || rng() < 0.1 ? bodyOf(rng) : '';
  const lines = [`${method} ${path} ${version}`.trim(), ...headersOf(rng), 'Connection: close'];
  if (body && !lines.some((l) => /^(Content-Length|Transfer-Encoding):/.test(l))) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

describe('the HTTP layer, fuzzed', () => {
  it(`answers every request below 500 and goes on serving (seed ${SEED})`, async () => {
    const rng = prng(SEED);
    const failures: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const request = requestOf(rng);
      const res = await raw(h.port, request);
      // Transfer-Encoding: chunked with no chunks and Expect: 100-continue leave a request unfinished:
      // the host may close it unanswered when the client stops, which is not a failure.
      const unfinished = /Transfer-Encoding: chunked|Expect: 100-continue|Content-Length: -1/.test(request);
      if (res.status >= 500 || (res.status === 0 && !unfinished) || /"INTERNAL"/.test(res.body)) {
        failures.push(`#${i} ${res.status}: ${shortJson(request.slice(0, 300))} → ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(h.logged).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await raw(h.port, `GET / HTTP/1.1\r\nHost: ${h.host}\r\nConnection: close\r\n\r\n`)).status).toBe(200);
    const list = await api(h, 'tickets.list', {}, { Cookie: cookie });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true });
  }, 120_000);
});
