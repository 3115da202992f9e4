import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { settingsUpdateInput } from '../../../../shared/api/auth.schema';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { useSession } from '../auth/session-context';
import { LogoField } from './LogoField';
import { SlaTable } from './SlaTable';

type Loaded = OutputOf<'settings.get'>;
type Form = Pick<Loaded, 'version' | 'company' | 'ticketNumberPattern' | 'timeZone' | 'sla'>;

export default function SettingsPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const loaded = useApi('settings.get', {});
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) {
      const { version, company, ticketNumberPattern, timeZone, sla } = loaded.data;
      setForm({ version, company, ticketNumberPattern, timeZone, sla });
    }
  }, [loaded.data]);

  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!form) return null;
  const company = (k: 'name' | 'address' | 'hotline') => ({
    label: t(`ui.settings.${k === 'name' ? 'companyName' : k}`),
    value: form.company[k],
    error: errors[`company.${k}`],
    'data-testid': `settings-${k}`,
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, company: { ...form.company, [k]: e.currentTarget.value } }),
  });

  async function save(current: Form) {
    const input: InputOf<'settings.update'> = current;
    const problems = checkInput(settingsUpdateInput, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = await call('settings.update', input);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
      return;
    }
    setMessage(null);
    notifications.show({ color: 'green', message: t('ui.common.saved') });
    loaded.reload();
    refresh();
  }

  return (
    <Stack gap="sm" maw={900}>
      <Title order={3}>{t('ui.settings.title')}</Title>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm" mb="xs" c="blue.8">
          {t('ui.settings.company')}
        </Text>
        <Stack gap="xs">
          <TextInput {...company('name')} autoFocus />
          <TextInput {...company('address')} />
          <TextInput {...company('hotline')} />
          <LogoField value={form.company.logo} error={errors['company.logo']} onChange={(logo) => setForm({ ...form, company: { ...form.company, logo } })} />
        </Stack>
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm" mb="xs" c="blue.8">
          {t('ui.settings.numbering')}
        </Text>
        <Group grow align="flex-start">
          <TextInput label={t('ui.settings.pattern')} description={t('ui.settings.patternHint')} value={form.ticketNumberPattern} error={errors.ticketNumberPattern} onChange={(e) => setForm({ ...form, ticketNumberPattern: e.currentTarget.value })} />
          <TextInput label={t('ui.settings.timeZone')} value={form.timeZone} error={errors.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.currentTarget.value })} />
        </Group>
      </Paper>
      <SlaTable value={form.sla} errors={errors} onChange={(sla) => setForm({ ...form, sla })} />
      {message && <Alert color="red">{message}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => void save(form)} loading={busy} data-testid="settings-save">
          {t('ui.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
