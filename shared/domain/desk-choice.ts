/**
 * The desktop app's first-start choice (issue 18): 本机 (this PC keeps the data) or 连接到主机 (a host on the LAN).
 * What the choice screen is told, and the host's address as a user types it (as the host's page shows it).
 */

/** `ask`: not chosen yet (the screen asks); `local`: this PC keeps the data; `host`: paired with a host on the LAN. */
export type DeskMode = 'ask' | 'local' | 'host';

export interface DeskChoiceState {
  mode: DeskMode;
  /** This computer's name: the desk's name the host sees unless the user types another. */
  computerName: string;
  /** Calls are answered (the core is open, or the host relayed): the app goes on past the choice. */
  ready: boolean;
}

/** The host's port when the address names none: host mode's default (README, `--lan-port`). */
export const DEFAULT_HOST_PORT = 5179;

/**
 * The host's base URL (`https://192.168.1.20:5179`) from what the user typed: `192.168.1.20:5179`, a name, an
 * IPv6 address in brackets, or the whole `https://…/` the host's page shows. Null when it is none of those.
 */
export function hostUrl(typed: string): string | null {
  const text = typed.normalize('NFKC').trim().replace(/^https:\/\//i, '').replace(/\/+$/, '');
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?$/i.exec(text);
  if (!match) return null;
  const port = Number(match[2] ?? DEFAULT_HOST_PORT);
  if (port < 1 || port > 65535) return null;
  return `https://${match[1]!.toLowerCase()}:${port}`;
}
