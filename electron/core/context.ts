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

/** Per window (Electron) or per browser (cookie): the transport owns it, login and logout change it. */
export interface Client {
  sessionId: string | null;
  locale: Locale;
}

export interface CoreDeps {
  db: Db;
  now: () => Date;
  sessions: Sessions;
  /** Failed sign-ins of names that are no account, locked like accounts (auth.login). */
  lockouts: NameLockouts;
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
}

export interface CallContext extends CoreDeps {
  user: SessionUser | null;
  client: Client;
}

/** For handlers whose access rule guarantees a signed-in user. */
export function actor(ctx: CallContext): SessionUser {
  if (!ctx.user) throw new Error('handler reached without a user: check its access rule');
  return ctx.user;
}
