/** Host mode (issue 18): what the host's page in 设置 shows, and the pairing code's form. */

export interface PairedDesk {
  id: number;
  name: string;
  pairedAt: string;
  lastSeenAt: string | null;
  lastAddress: string | null;
  revokedAt: string | null;
}

export interface HostInfo {
  /** The admin's switch: the host listens on the LAN over HTTPS. */
  lanEnabled: boolean;
  /** A session ends after this many minutes without a call. */
  idleMinutes: number;
  version: number;
  /** What a desk or phone types to pair (8 digits, shown in two groups). */
  pairingCode: string;
  /** Where desks reach the host (`https://192.168.1.20:5179/`); empty while the LAN listener is off. */
  urls: string[];
  /** SHA-256 of the host's certificate, as desks pin it (`AB:CD:…`); null before one was made. */
  fingerprint: string | null;
  desks: PairedDesk[];
}

/** What the core knows of the transport: filled in by the host when its LAN listener runs. */
export interface LanEndpoint {
  urls: string[];
  fingerprint: string | null;
}

/** `12345678` as shown: `1234 5678`. */
export const formatPairingCode = (code: string): string => `${code.slice(0, 4)} ${code.slice(4)}`;

/** A code as typed (spaces, dashes, full-width digits) reduced to its digits. */
export function pairingDigits(typed: string): string {
  return typed.normalize('NFKC').replace(/\D/g, '');
}

/** The fingerprint in lines of eight bytes (four lines), to be compared line by line: never broken inside a byte. */
export function fingerprintLines(fingerprint: string): string[] {
  const bytes = fingerprint.split(':');
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 8) lines.push(bytes.slice(i, i + 8).join(':') + (i + 8 < bytes.length ? ':' : ''));
  return lines;
}
