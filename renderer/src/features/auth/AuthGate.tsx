import { Fragment, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Box, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/domain/user';
import { DEFAULT_TIME_ZONE } from '../../../../shared/domain/time';
import { call, onConnection, onUnauthenticated } from '../../api/call';
import { PairingScreen } from './PairingScreen';
import { SessionContext, type Session } from './session-context';
import { SetupScreen } from './SetupScreen';
import { LoginScreen } from './LoginScreen';
import { ErrorScreen } from '../../components/ErrorScreen';
import { followDeskClock } from '../../api/desk-clock';

/**
 * Shows pairing (a device on the LAN that is not paired yet), first-run setup, the login, or the signed-in app.
 * A session lost under the user's hands (the host restarted, the idle time passed) asks to sign in again over
 * the app, which stays mounted beneath: whatever was typed is still there afterwards.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  /** The last answer with someone signed in: their screens stay mounted while they sign in again. */
  const [keptStatus, setKeptStatus] = useState<AuthStatus | null>(null);
  const [lost, setLost] = useState(false);
  const [offline, setOffline] = useState(false);
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
        setKeptStatus(r.value);
        setLost(false);
      }
      setStatus(r.value);
    });
  }, []);

  const signOut = useCallback(async () => {
    setKeptStatus(null);
    setLost(false);
    await call('auth.logout', {});
    refresh();
  }, [refresh]);

  useEffect(() => {
    refresh();
    const stopLost = onUnauthenticated(() => {
      setLost(true);
      refresh();
    });
    const stopConnection = onConnection(setOffline);
    return () => {
      stopLost();
      stopConnection();
    };
  }, [refresh]);

  const session = useMemo<Session | null>(
    () => (status?.user ? { user: status.user, companyName: status.companyName, timeZone, refresh, signOut } : null),
    [status, timeZone, refresh, signOut],
  );

  const kept = useMemo<Session | null>(
    () => (keptStatus?.user ? { user: keptStatus.user, companyName: keptStatus.companyName, timeZone, refresh, signOut } : null),
    [keptStatus, timeZone, refresh, signOut],
  );

  const reconnecting = offline && (
    <Alert color="yellow" pos="fixed" top={8} left="50%" style={{ transform: 'translateX(-50%)', zIndex: 2000 }} data-testid="reconnecting">
      {t('ui.lan.reconnecting')}
    </Alert>
  );

  if (failure) return <ErrorScreen message={failure} onRetry={refresh} />;
  if (!status)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (status.lan && !status.lan.paired) return <PairingScreen companyName={status.companyName} revoked={status.lan.revoked} onDone={refresh} />;
  if (status.needsSetup) return <SetupScreen onDone={refresh} />;
  const shown = session ?? (lost ? kept : null);
  if (!shown) return <LoginScreen companyName={status.companyName} demoAccounts={status.demoAccounts} onDone={refresh} />;
  return (
    <>
      {/* Another user signing in gets a fresh app; the same user finds their screens as they left them. */}
      <Fragment key={shown.user.id}>
        <SessionContext.Provider value={shown}>{children}</SessionContext.Provider>
      </Fragment>
      {!session && (
        <Box pos="fixed" inset={0} style={{ zIndex: 1500 }} data-testid="sign-in-again">
          <Alert color="yellow" pos="absolute" top={8} left="50%" style={{ transform: 'translateX(-50%)', zIndex: 1 }}>
            {t('ui.lan.signInAgain')}
          </Alert>
          <LoginScreen companyName={status.companyName} onDone={refresh} />
        </Box>
      )}
      {reconnecting}
    </>
  );
}
