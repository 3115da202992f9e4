/**
 * The host's TLS certificate for host mode: made once with `selfsigned` (a maintained library, no X.509 by
 * hand) and kept in the data folder (`host-tls/`, the key readable by its owner only). Desks pin its SHA-256
 * fingerprint at pairing; a phone installs it as a trusted certificate (README). It is made again only when
 * it has expired, and desks then refuse it in words until they pair again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface HostCertificate {
  key: string;
  cert: string;
  /** `AB:CD:…` (SHA-256 of the DER), as `X509Certificate.fingerprint256` and desks' pins write it. */
  fingerprint: string;
}

/** Apple's limit for a TLS server certificate a phone trusts (825 days). */
const VALID_DAYS = 825;

export const certificateFiles = (dataDir: string) => ({
  dir: path.join(dataDir, 'host-tls'),
  key: path.join(dataDir, 'host-tls', 'key.pem'),
  cert: path.join(dataDir, 'host-tls', 'cert.pem'),
});

/** The names a desk or phone may use for this PC: its name, `<name>.local` (mDNS), its LAN addresses. */
export function lanNames(): { dns: string[]; ips: string[] } {
  const host = os.hostname().toLowerCase();
  const ips = Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal && a.family === 'IPv4')
    .map((a) => a.address);
  return { dns: [...new Set(['localhost', host, `${host}.local`])], ips: ['127.0.0.1', ...ips] };
}

export const fingerprintOf = (cert: string) => new X509Certificate(cert).fingerprint256;

function usable(cert: string, now: Date): boolean {
  try {
    return new Date(new X509Certificate(cert).validTo).getTime() > now.getTime();
  } catch {
    return false;
  }
}

/** The kept certificate, or a new one when there is none (or it expired). */
export async function hostCertificate(dataDir: string, now: Date): Promise<HostCertificate> {
  const files = certificateFiles(dataDir);
  if (fs.existsSync(files.key) && fs.existsSync(files.cert)) {
    const cert = fs.readFileSync(files.cert, 'utf8');
    if (usable(cert, now)) return { key: fs.readFileSync(files.key, 'utf8'), cert, fingerprint: fingerprintOf(cert) };
  }
  const { dns, ips } = lanNames();
  const made = await generate([{ name: 'commonName', value: `Aftercare ${os.hostname()}` }, { name: 'organizationName', value: 'Aftercare host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60 * 60_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 24 * 60 * 60_000),
    extensions: [
      // A CA flag, so Android and iOS accept it as a certificate a user installs and trusts.
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  fs.mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(files.key, made.private, { mode: 0o600 });
  fs.chmodSync(files.key, 0o600);
  fs.writeFileSync(files.cert, made.cert);
  return { key: made.private, cert: made.cert, fingerprint: fingerprintOf(made.cert) };
}
