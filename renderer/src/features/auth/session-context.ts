/** Who is signed in and the desk facts every screen needs (company name, time zone). */
import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../../shared/domain/user';

export interface Session {
  user: SessionUser;
  companyName: string;
  timeZone: string;
  /** Re-reads auth.status and settings (after sign-out, settings saved, a lost session). */
  refresh: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
