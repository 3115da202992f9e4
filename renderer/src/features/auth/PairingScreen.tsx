/** A browser or phone on the LAN meets the host for the first time: it pairs with the host's code and a name of its own. */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { AuthCard } from '../../components/AuthCard';

export function PairingScreen({ companyName, revoked, onDone }: { companyName: string; revoked: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [deskName, setDeskName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('host.pair', { code, deskName });
    setBusy(false);
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setMessage(r.error.fields ? null : r.error.message);
  }

  return (
    <AuthCard brand={companyName || t('ui.app.title')} title={t('ui.lan.pairTitle')}>
      {revoked && (
        <Alert color="red" data-testid="desk-revoked">
          {t('error.desk.revoked')}
        </Alert>
      )}
      <Text size="sm">{t('ui.lan.pairIntro')}</Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput label={t('ui.lan.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} inputMode="numeric" autoComplete="off" autoFocus mb="sm" size="md" data-testid="pair-code" />
        <TextInput label={t('ui.lan.deskName')} placeholder={t('ui.lan.deskNamePlaceholder')} value={deskName} onChange={(e) => setDeskName(e.currentTarget.value)} error={errors.deskName} mb="md" size="md" data-testid="pair-name" />
        {message && (
          <Alert color="red" mb="md" role="alert">
            {message}
          </Alert>
        )}
        <Button type="submit" fullWidth size="md" loading={busy} data-testid="pair-submit">
          {t('ui.lan.pair')}
        </Button>
      </form>
    </AuthCard>
  );
}
