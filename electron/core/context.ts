/** What a handler knows about its call: who is calling, in which language, and the core's services. */
import type { Locale, SessionUser } from '../../shared/domain/user';
import type { Db } from './db/db';
import type { Sessions } from './auth/sessions';
import type { NameLockouts } from './auth/name-lockouts';
import type { SettingsStore } from './services/settings.service';
import type { OfficialHolidays } from './services/official-holidays.service';
import type { Snapshots } from './backup/snapshot';
import type { DatabaseHealth } from '../../shared/domain/data-safety';
import type { MessagingStore } from './messaging/store';
import type { Secrets } from './messaging/secrets';
import type { Sender } from './messaging/sender';
import type { Desk, HostStore } from './services/lan.service';
import type { Presence } from './presence';

/** Per window (Electron) or per browser (cookie): the transport owns it, login and logout change it. */
export interface Client {
  sessionId: string | null;
  locale: Locale;
  /** A call over the LAN (host mode): where it came from. Absent on the host PC itself (IPC, 127.0.0.1). */
  remote?: { address: string };
  /** The paired desk's token (cookie or header); `host.pair` sets it for the transport to keep. */
  deskToken?: string | null;
  /** A write's idempotency key: the same key from the same user gets the first answer again (dispatch.ts). */
  idempotencyKey?: string;
}

export interface CoreDeps {
  db: Db;
  now: () => Date;
  sessions: Sessions;
  /** Failed sign-ins of names that are no account, locked like accounts (auth.login). */
  lockouts: NameLockouts;
  /** Failed sign-ins and pairing codes per remote address (host mode). */
  addressLockouts: NameLockouts;
  /** Host mode: the LAN switch, idle time, pairing code and paired desks. */
  host: HostStore;
  /** Who has which ticket open for editing (in memory). */
  presence: Presence;
  settings: SettingsStore;
  /** The official holidays in force (accepted, or bundled while a year has none accepted). */
  official: OfficialHolidays;
  dataDir: string;
  /** The backup worker's runner: backups and the background check, one at a time. */
  snapshots: Snapshots;
  /** What the background check after the start found (the admin's banner). */
  health: DatabaseHealth;
  /** Tells open windows that data changed (server-sent events / IPC event channel). */
  notify: (kind: string) => void;
  /** Messages to customers: settings and templates, sealed credentials, the outbox's sender. */
  messaging: MessagingStore;
  secrets: Secrets;
  outbox: Sender;
  /** Certificates outgoing TLS trusts besides the system's (the robot's test button posts with them too). */
  trustedCa?: string[];
}

export interface CallContext extends CoreDeps {
  user: SessionUser | null;
  client: Client;
  /** The paired desk or phone making the call over the LAN; null on the host PC. */
  desk: Desk | null;
}

/** For handlers whose access rule guarantees a signed-in user. */
export function actor(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a user: check its access rule');
  return ctx.user;
}
