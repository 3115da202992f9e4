import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { AuthCard } from '../../components/AuthCard';
import type { DemoAccount } from '../../../../shared/domain/user';
import { DemoAccounts } from './DemoAccounts';

/** Sign-in; wrong-password and lockout messages come worded from the core. On the demo desk its accounts are listed. */
export function LoginScreen({ companyName, demoAccounts, onDone }: { companyName: string; demoAccounts?: DemoAccount[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('auth.login', { username, password });
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error.message);
      return;
    }
    onDone();
  }

  return (
    <AuthCard brand={companyName || t('ui.app.title')} title={t('ui.login.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput label={t('ui.login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoFocus mb="sm" autoComplete="username" data-testid="login-username" />
        <PasswordInput label={t('ui.login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} mb="md" autoComplete="current-password" data-testid="login-password" />
        {message && (
          <Alert color="red" mb="md" role="alert" data-testid="login-error">
            {message}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={busy}>
          {t('ui.login.submit')}
        </Button>
      </form>
      {demoAccounts && (
        <DemoAccounts
          accounts={demoAccounts}
          onPick={(a) => {
            setUsername(a.username);
            setPassword(a.password);
            setMessage(null);
          }}
        />
      )}
    </AuthCard>
  );
}
