import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, PasswordInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setupInput } from '../../../../shared/api/auth.schema';
import { call } from '../../api/call';
import { AuthCard } from '../../components/AuthCard';
import { checkInput, type FieldErrors } from '../../components/translate-problems';

/** First run: the admin account, and optionally the demo desk. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', password2: '' });
  const [demo, setDemo] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = { username: form.username, displayName: form.displayName, password: form.password };
    const problems = checkInput(setupInput, input, t) ?? {};
    if (form.password !== form.password2) problems.password2 = t('ui.setup.mismatch');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const r = await call('auth.setup', input);
    if (r.ok && demo) {
      const d = await call('demo.load', {});
      if (!d.ok) setMessage(d.error.message);
    }
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error.message);
      setErrors(r.error.fields ?? {});
      return;
    }
    onDone();
  }

  return (
    <AuthCard brand={t('ui.app.title')} title={t('ui.setup.title')}>
      <Text size="sm" c="dimmed">
        {t('ui.setup.intro')}
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput label={t('ui.setup.username')} value={form.username} onChange={set('username')} data-testid="setup-username" error={errors.username} autoFocus mb="sm" required />
        <TextInput label={t('ui.setup.displayName')} value={form.displayName} onChange={set('displayName')} data-testid="setup-displayName" error={errors.displayName} mb="sm" required />
        <PasswordInput label={t('ui.setup.password')} description={t('ui.setup.passwordHint')} value={form.password} onChange={set('password')} data-testid="setup-password" error={errors.password} mb="sm" required />
        <PasswordInput label={t('ui.setup.password2')} value={form.password2} onChange={set('password2')} data-testid="setup-password2" error={errors.password2} mb="md" required />
        <Checkbox label={t('ui.setup.loadDemo')} description={t('ui.setup.loadDemoHint')} checked={demo} onChange={(e) => setDemo(e.currentTarget.checked)} data-testid="setup-demo" mb="md" />
        {message && (
          <Alert color="red" mb="md" role="alert">
            {message}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={busy}>
          {t('ui.setup.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
