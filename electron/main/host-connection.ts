/**
 * Desk mode (issue 18): the desktop app on another PC talks to the host over HTTPS with the same contract.
 * Plain Node (no `electron` import), so it is tested here although the Electron binary cannot run:
 * pairing trusts the certificate the host shows once (the user compares its fingerprint with the host's
 * page) and pins it; every later call refuses, in words, a host whose certificate changed.
 */
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { Result } from '../../shared/api/result';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';

/** What desk mode keeps (connection.json in the data folder): where the host is, its pinned certificate, the desk's token. */
export interface HostConnection {
  /** `https://192.168.1.20:5179` */
  url: string;
  /** SHA-256 fingerprint pinned at pairing (`AB:CD:…`). */
  fingerprint: string;
  deskToken: string;
}

/** Refused because the host's certificate is not the pinned one: the message is in the user's language. */
export class PinError extends Error {}

/** What answered is not an Aftercare host (not the contract's JSON). */
export class NotAHostError extends Error {}

/**
 * The check a connection to the host runs instead of the name and chain check (the host's certificate is its
 * own, no CA vouches for it): the certificate must be exactly the pinned one.
 */
export function pinnedCertificate(expected: string, locale: Locale): (cert: PeerCertificate | undefined) => Error | undefined {
  return (cert) => {
    const actual = cert?.fingerprint256;
    if (!actual) return new PinError(translate(locale, 'error.desk.noCertificate'));
    if (actual.toUpperCase() !== expected.toUpperCase()) return new PinError(translate(locale, 'error.desk.certificateChanged', { expected: short(expected), actual: short(actual) }));
    return undefined;
  };
}

/** The first and last bytes of a fingerprint, enough to compare by eye. */
const short = (fingerprint: string) => `${fingerprint.slice(0, 11)}…${fingerprint.slice(-8)}`;

interface PostOptions {
  locale: Locale;
  headers?: Record<string, string>;
  /** The pin; without it (pairing) the certificate is read and returned instead of checked. */
  fingerprint?: string;
  /** Gives up on a host that does not answer within this time (pairing: an address with nobody behind it). */
  timeoutMs?: number;
}

interface Answer {
  body: unknown;
  fingerprint: string;
  cookies: string[];
}

/**
 * A request to the host over a connection checked against the pin. The host's certificate is self-made: the pin
 * (or, at pairing, the user's comparison) is the trust, checked once the handshake is done and before a byte of
 * the request is sent. `seen` gets the fingerprint the host presented.
 */
function pinnedRequest(url: URL, options: https.RequestOptions, check: (cert: PeerCertificate | undefined) => Error | undefined, seen: (fingerprint: string) => void, onResponse: (res: http.IncomingMessage) => void): http.ClientRequest {
  const createConnection = (_options: unknown, done: (error: Error | null, socket?: Duplex) => void): undefined => {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = tls.connect({ host, port: Number(url.port || 443), servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false });
    socket.once('error', (error) => done(error));
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      seen(certificate?.fingerprint256 ?? '');
      const problem = check(certificate);
      if (problem) {
        socket.destroy();
        done(problem);
      } else done(null, socket);
    });
    return undefined;
  };
  // No agent: each call opens its own checked connection (a desk makes a few calls a minute).
  return https.request(url, { ...options, createConnection: createConnection as never }, onResponse);
}

function post(url: string, method: string, input: unknown, { locale, headers = {}, fingerprint, timeoutMs }: PostOptions): Promise<Answer> {
  const body = JSON.stringify(input);
  const check = fingerprint ? pinnedCertificate(fingerprint, locale) : () => undefined;
  let seen = '';
  return new Promise((resolve, reject) => {
    const req = pinnedRequest(
      new URL(`/api/${method}`, url),
      { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale, 'content-length': Buffer.byteLength(body), ...headers } },
      check,
      (f) => (seen = f),
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), fingerprint: seen, cookies: res.headers['set-cookie'] ?? [] });
          } catch (error) {
            reject(new NotAHostError(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error(translate(locale, 'error.desk.timeout', { seconds: timeoutMs / 1000 }))));
    req.end(body);
  });
}

/**
 * The host's change notifications (`GET /api/events`, server-sent events) for a signed-in session, over the
 * pinned connection: `onOpen` once the host accepted it, `onKind` per change; `onEnd` once when the stream ends,
 * with the refusal in words (a changed certificate), `signedOut` (the session ended) or neither (the host went
 * away). `close` ends it from here.
 */
export interface HostEventHandlers {
  onOpen(): void;
  onKind(kind: string): void;
  onEnd(why: { signedOut: boolean; message: string | null }): void;
}

export function openHostEvents(connection: HostConnection, session: string, locale: Locale, { onOpen, onKind, onEnd }: HostEventHandlers): { close(): void } {
  let ended = false;
  const end = (why: { signedOut: boolean; message: string | null }) => {
    if (ended) return;
    ended = true;
    onEnd(why);
  };
  const headers = { accept: 'text/event-stream', 'accept-language': locale, 'x-aftercare-desk': connection.deskToken, cookie: `aftercare_session=${session}` };
  const req = pinnedRequest(new URL('/api/events', connection.url), { method: 'GET', headers }, pinnedCertificate(connection.fingerprint, locale), () => undefined, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      return end({ signedOut: res.statusCode === 401, message: null });
    }
    onOpen();
    let buffered = '';
    res.setEncoding('utf8');
    res.on('data', (text: string) => {
      buffered += text;
      const events = buffered.split('\n\n');
      buffered = events.pop()!;
      for (const event of events) {
        const data = /^data: (.*)$/m.exec(event)?.[1];
        const kind = data ? (JSON.parse(data) as { kind?: unknown }).kind : undefined;
        if (typeof kind === 'string') onKind(kind);
      }
    });
    res.on('close', () => end({ signedOut: false, message: null }));
  });
  req.on('error', (error) => end({ signedOut: false, message: error instanceof PinError ? error.message : null }));
  req.end();
  return {
    close() {
      ended = true;
      req.destroy();
    },
  };
}

/** How long pairing waits for an address to answer. */
const PAIRING_TIMEOUT_MS = 10_000;

/**
 * Pairs this PC with the host: returns what to keep, including the fingerprint the user is shown to compare. The host
 * says its own certificate's fingerprint: another one on this connection (a proxy in between) is refused in words.
 * Throws when the address does not answer (NotAHostError: something else answered).
 */
export async function pairWithHost(url: string, code: string, deskName: string, locale: Locale): Promise<{ ok: true; connection: HostConnection } | { ok: false; error: Result<unknown> }> {
  const answer = await post(url, 'host.pair', { code, deskName }, { locale, timeoutMs: PAIRING_TIMEOUT_MS });
  const result = answer.body as Result<{ fingerprint?: unknown }> | null;
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw new NotAHostError('not a Result');
  const token = answer.cookies.map((c) => /^aftercare_desk=([^;]+)/.exec(c)?.[1]).find(Boolean);
  if (!result.ok || !token) return { ok: false, error: result };
  const own = result.value.fingerprint;
  if (typeof own === 'string' && own.toUpperCase() !== answer.fingerprint.toUpperCase()) {
    return { ok: false, error: { ok: false, error: { code: 'FORBIDDEN', message: translate(locale, 'error.desk.foreignCertificate', { expected: short(own), actual: short(answer.fingerprint) }) } } };
  }
  return { ok: true, connection: { url, fingerprint: answer.fingerprint, deskToken: token } };
}

/** One call of the contract on the host, as the paired desk, over the pinned connection. */
export async function callHost(connection: HostConnection, method: string, input: unknown, options: { locale: Locale; session?: string; idempotencyKey?: string }): Promise<{ result: Result<unknown>; session: string | undefined }> {
  const headers: Record<string, string> = { 'x-aftercare-desk': connection.deskToken };
  if (options.session) headers.cookie = `aftercare_session=${options.session}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  try {
    const answer = await post(connection.url, method, input, { locale: options.locale, headers, fingerprint: connection.fingerprint });
    const set = answer.cookies.map((c) => /^aftercare_session=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);
    return { result: answer.body as Result<unknown>, session: set === undefined ? options.session : set || undefined };
  } catch (error) {
    const message = error instanceof PinError ? error.message : translate(options.locale, 'error.desk.unreachable', { detail: error instanceof Error ? error.message : String(error) });
    return { result: { ok: false, error: { code: 'FORBIDDEN', message } }, session: options.session };
  }
}
