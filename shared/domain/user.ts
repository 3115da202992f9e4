/** Accounts of the people who share the desk PC. */
import type { Role } from './roles';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface UserRow extends SessionUser {
  version: number;
  active: boolean;
  lockedUntil: string | null;
  productLines: string[];
}

export interface AuthStatus {
  /** True until the first admin account exists (first run). */
  needsSetup: boolean;
  user: SessionUser | null;
  companyName: string;
  /** The desk clock's time when answering: the renderer's clock follows the desk's, not the PC's. */
  now: string;
  /** On a desk where the demo was loaded: the demo accounts that still have the demo password (never on a real desk). */
  demoAccounts?: DemoAccount[];
  /** Over the LAN only (host mode): whether this browser or desk is paired with the host, and as what. */
  lan?: { paired: boolean; deskName: string | null; revoked: boolean };
}

/** A demo account as the sign-in screen shows it, password included: the demo desk is for trying every role. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** An engineer as the assign dialog shows them. */
export interface EngineerLoad extends SessionUser {
  productLines: string[];
  openTickets: number;
}
