/**
 * The browser-mode host as an attacker or a careless client meets it: malformed paths and HTTP, other
 * sites' Host and Origin headers (DNS rebinding), the event stream without a session, oversized bodies.
 * Nothing a request carries may end the process or reach the desk's data.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, cookieOf, openHost, raw, request, type HostHarness } from './host-harness';

let h: HostHarness;
beforeEach(async () => {
  h = await openHost();
});
afterEach(() => h.close());

const SETUP = { username: 'admin', displayName: '管理员', password: 'admin-pass-1' };

async function signIn(): Promise<string> {
  const res = await api(h, 'auth.setup', SETUP);
  expect(res.status).toBe(200);
  return cookieOf(res);
}

/** Opens GET /api/events and resolves with the status and the first bytes of the body once they come. */
function openStream(cookie: string): Promise<{ status: number; text: string; socket: net.Socket }> {
  return new Promise((resolve) => {
    const socket = net.connect(h.port, '127.0.0.1');
    let text = '';
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, socket });
    socket.on('data', (b: Buffer) => {
      text += b.toString();
      if (/\r\n\r\n[\s\S]*\n\n/.test(text) || (text.includes('\r\n\r\n') && !text.includes('text/event-stream'))) done();
    });
    socket.on('close', done);
    socket.on('error', done);
    socket.write(`GET /api/events HTTP/1.1\r\nHost: ${h.host}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`);
  });
}

describe('a malformed request', () => {
  it('with a path that is not valid percent-encoding gets 400, and the host goes on', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz', '/%00', '/assets/%ff']) {
      expect([path, (await request(h, `GET ${path}`)).status]).toEqual([path, 400]);
    }
    // Encoded dots and slashes decode to a path outside the renderer: not found, as before.
    expect((await request(h, 'GET /assets/%2e%2e%2f%2e%2e%2fdata')).status).toBe(404);
    expect((await request(h, 'GET /api/%')).status).toBeLessThan(500);
    expect((await request(h, 'GET /')).status).toBe(200);
    expect((await request(h, 'GET /assets/app.js')).body).toBe('console.log(1);');
  });

  it('that is not HTTP, or has a header too large, is answered 400 / 431 and the connection closed', async () => {
    expect((await raw(h.port, 'GARBAGE\r\n\r\n')).status).toBe(400);
    const huge = await request(h, 'GET /', { 'X-Big': 'a'.repeat(64 * 1024) });
    expect(huge.status).toBe(431);
    expect((await request(h, 'GET /')).status).toBe(200);
  });

  it('found by the fuzz: CONNECT is answered 405, a path too long for a file name 404', async () => {
    expect((await raw(h.port, `CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: ${h.host}\r\n\r\n`)).status).toBe(405);
    expect((await request(h, `GET /${'a'.repeat(9000)}`)).status).toBe(404);
    expect(h.logged).toEqual([]);
  });

  it('that makes the handler throw gets 500 in JSON, logged, and the host goes on', async () => {
    const dispatch = h.core.dispatch;
    h.core.dispatch = () => {
      throw new Error('boom');
    };
    const res = await api(h, 'auth.status', {});
    expect(res.status).toBe(500);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(h.logged.join('\n')).toContain('boom');
    h.core.dispatch = dispatch;
    expect((await api(h, 'auth.status', {})).status).toBe(200);
  });
});

describe('DNS rebinding', () => {
  it('a Host that is not this PC is refused with 421, before anything is read or done', async () => {
    for (const host of [`evil.example:${h.port}`, 'evil.example', `127.0.0.1:${h.port + 1}`, `localhost.evil.example:${h.port}`, `127.0.0.1:${h.port}@evil.example`]) {
      const res = await api(h, 'auth.setup', SETUP, { Host: host, Origin: `http://${host}` });
      expect([host, res.status]).toEqual([host, 421]);
      expect((await request(h, 'GET /', { Host: host })).status).toBe(421);
    }
    // No Host at all (HTTP/1.0) is not this PC's name either.
    expect((await raw(h.port, 'GET / HTTP/1.0\r\n\r\n')).status).toBe(421);
    const status = JSON.parse((await api(h, 'auth.status', {})).body) as { value: { needsSetup: boolean } };
    expect(status.value.needsSetup).toBe(true);
  });

  it("the host's own names are served: 127.0.0.1, localhost and [::1] with its port", async () => {
    for (const host of [`127.0.0.1:${h.port}`, `localhost:${h.port}`, `LOCALHOST:${h.port}`, `[::1]:${h.port}`]) {
      expect([host, (await request(h, 'GET /', { Host: host })).status]).toEqual([host, 200]);
    }
  });

  it('an Origin of another site is refused even with a Host of ours', async () => {
    for (const origin of [`http://evil.example:${h.port}`, 'null', `https://127.0.0.1:${h.port}`, `http://127.0.0.1:${h.port + 1}`, `http://localhost:${h.port}`]) {
      const res = await api(h, 'auth.setup', SETUP, { Origin: origin, 'Accept-Language': 'en' });
      expect([origin, res.status, JSON.parse(res.body)]).toEqual([origin, 403, { ok: false, error: { code: 'FORBIDDEN', message: "Only POST application/json requests from this host's own pages are accepted." } }]);
    }
    expect((await api(h, 'auth.setup', SETUP, { Host: `localhost:${h.port}`, Origin: `http://localhost:${h.port}` })).status).toBe(200);
  });

  it('the address given with --host is served too', async () => {
    const other = await openHost('127.0.0.2');
    try {
      const res = await raw(other.port, `GET / HTTP/1.1\r\nHost: 127.0.0.2:${other.port}\r\nConnection: close\r\n\r\n`, '127.0.0.2');
      expect(res.status).toBe(200);
      const evil = await raw(other.port, `GET / HTTP/1.1\r\nHost: evil.example:${other.port}\r\nConnection: close\r\n\r\n`, '127.0.0.2');
      expect(evil.status).toBe(421);
    } finally {
      await other.close();
    }
  });
});

describe('the event stream', () => {
  it('needs a session', async () => {
    const anonymous = await openStream('');
    expect(anonymous.status).toBe(401);
    anonymous.socket.destroy();
    const signed = await openStream(await signIn());
    expect(signed.status).toBe(200);
    expect(signed.text).toContain(': connected');
    signed.socket.destroy();
  });

  it('ends with its session: after signing out, the next change closes the stream instead of reaching it', async () => {
    const cookie = await signIn();
    const stream = await openStream(cookie);
    expect(stream.status).toBe(200);
    let after = '';
    stream.socket.on('data', (b: Buffer) => (after += b.toString()));
    h.core.events.emit('change', 'tickets');
    await expect.poll(() => after).toContain('"kind":"tickets"');
    expect((await api(h, 'auth.logout', {}, { Cookie: cookie })).status).toBe(200);
    h.core.events.emit('change', 'customers');
    // The response ends (its last chunk), and a browser's EventSource that reconnects is refused 401.
    await expect.poll(() => after).toMatch(/\r\n0\r\n\r\n$/);
    expect(after).not.toContain('customers');
    expect((await openStream(cookie)).status).toBe(401);
    stream.socket.destroy();
  });

  it('serves a few dozen clients without a MaxListenersExceededWarning', async () => {
    const cookie = await signIn();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const streams = await Promise.all(Array.from({ length: 30 }, () => openStream(cookie)));
      expect(streams.map((s) => s.status)).toEqual(streams.map(() => 200));
      await new Promise((r) => setImmediate(r));
      for (const s of streams) s.socket.destroy();
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

describe('a body', () => {
  it('over the limit gets 413 with the JSON error, then the connection closes without a reset', async () => {
    const body = `{"x":"${'a'.repeat(13 * 1024 * 1024)}"}`;
    const res = await request(h, 'POST /api/auth.status', { 'Content-Type': 'application/json' }, body);
    expect(res.status).toBe(413);
    expect(res.reset).toBe(false);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容超过 12 MB，未被处理。' } });
  });

  it('over the limit, announced with Expect: 100-continue, is refused before it is sent', async () => {
    const res = await raw(
      h.port,
      `POST /api/auth.status HTTP/1.1\r\nHost: ${h.host}\r\nContent-Type: application/json\r\nContent-Length: ${13 * 1024 * 1024}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(413);
  });
});
