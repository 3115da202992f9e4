import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import type { AuthStatus } from '../../../../shared/domain/user';
import { DEFAULT_TIME_ZONE } from '../../../../shared/domain/time';
import { call, onUnauthenticated } from '../../api/call';
import { SessionContext, type Session } from './session-context';
import { SetupScreen } from './SetupScreen';
import { LoginScreen } from './LoginScreen';
import { ErrorScreen } from '../../components/ErrorScreen';
import { followDeskClock } from '../../api/desk-clock';

/** Shows first-run setup, the login, or the signed-in app. */
export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(() => {
    void call('auth.status', {}).then(async (r) => {
      if (!r.ok) return setFailure(r.error.message);
      setFailure(null);
      followDeskClock(r.value.now);
      if (r.value.user) {
        const s = await call('settings.get', {});
        if (s.ok) setTimeZone(s.value.timeZone);
      }
      setStatus(r.value);
    });
  }, []);

  useEffect(() => {
    refresh();
    return onUnauthenticated(refresh);
  }, [refresh]);

  const session = useMemo<Session | null>(
    () => (status?.user ? { user: status.user, companyName: status.companyName, timeZone, refresh } : null),
    [status, timeZone, refresh],
  );

  if (failure) return <ErrorScreen message={failure} onRetry={refresh} />;
  if (!status)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (status.needsSetup) return <SetupScreen onDone={refresh} />;
  if (!session) return <LoginScreen companyName={status.companyName} demoAccounts={status.demoAccounts} onDone={refresh} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
