/**
 * What the browser-mode host checks before it reads a request: that it was sent to this PC by name
 * (DNS rebinding), that an Origin is this host's own, and that the path decodes. Plain functions of the
 * request's headers and socket, so the server's handler stays a router.
 */
import type http from 'node:http';

/** Names a browser on this PC uses for the host: any other name may resolve here only by DNS rebinding. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Whether plain HTTP may listen there: this PC only. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return a === 'localhost' || a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** An address as it appears in a Host header: lowercase, IPv6 in brackets, IPv4-mapped IPv6 as IPv4. */
function hostForm(address: string): string {
  const a = address.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  return a.includes(':') ? `[${a}]` : a;
}

/**
 * The Host header, if it names this host: a loopback name, the address it was asked to listen on
 * (`--host`), or the address the connection arrived at (an IP literal cannot be rebound; this is how a
 * LAN client of a host listening on 0.0.0.0 names it); and the port the connection arrived at. A page on
 * `evil.example` that resolves to 127.0.0.1 sends `Host: evil.example`, which is refused.
 * Returns the normalized `name:port`, or null.
 */
export function ownHost(req: http.IncomingMessage, listenHost: string | undefined, names: readonly string[] = []): string | null {
  const header = req.headers.host;
  if (!header) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]@/\\\s]+)(?::(\d{1,5}))?$/i.exec(header);
  if (!m) return null;
  const name = hostForm(m[1]!);
  const port = Number(m[2] ?? defaultPort(req));
  if (port !== req.socket.localPort) return null;
  const own = new Set([...LOOPBACK_NAMES, ...names.map(hostForm)]);
  if (listenHost) own.add(hostForm(listenHost));
  if (req.socket.localAddress) own.add(hostForm(req.socket.localAddress));
  return own.has(name) ? `${name}:${port}` : null;
}

/** Whether the request came over TLS (the LAN listener). */
const encrypted = (req: http.IncomingMessage) => (req.socket as { encrypted?: boolean }).encrypted === true;
const defaultPort = (req: http.IncomingMessage) => (encrypted(req) ? 443 : 80);

/**
 * A request a browser sent from another site is refused: an Origin, when sent, must be this host with this
 * listener's scheme (`https:` on the LAN listener, `http:` on 127.0.0.1) as the request names it (`host`, already checked by ownHost, so the Host header is not trusted on its own);
 * a browser's own Sec-Fetch-Site says the same where it is sent.
 */
export function sameOrigin(req: http.IncomingMessage, host: string): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    const port = Number(url.port || defaultPort(req));
    return url.protocol === (encrypted(req) ? 'https:' : 'http:') && `${hostForm(url.hostname)}:${port}` === host && url.origin === origin.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * The decoded path of a request line's target, or null when it is not one a browser of ours would send
 * (absolute or `*` targets, malformed percent-encoding, NUL): the caller answers 400.
 */
export function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const encoded = target.split(/[?#]/, 1)[0]!;
  try {
    const decoded = decodeURIComponent(encoded);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
