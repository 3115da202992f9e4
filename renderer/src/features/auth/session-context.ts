/** Who is signed in and the desk facts every screen needs (company name, time zone). */
import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../../shared/domain/user';

export interface Session {
  user: SessionUser;
  companyName: string;
  timeZone: string;
  /** Re-reads auth.status and settings (after sign-out, settings saved, a lost session). */
  refresh: () => void;
  /** Signs out on purpose: the screens are left, never kept for a sign-in again (a call answered meanwhile is no lost session). */
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
