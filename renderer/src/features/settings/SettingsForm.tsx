import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { settingsUpdateInput } from '../../../../shared/api/auth.schema';
import { call } from '../../api/call';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { LogoField } from './LogoField';
import { SlaTable } from './SlaTable';
import { PrintSettingsSection } from '../printing/PrintSettingsSection';
import { ReturnsSettingsSection } from '../returns/ReturnsSettingsSection';
import { useApi } from '../../api/use-api';

type Loaded = OutputOf<'settings.get'>;
type Form = Pick<Loaded, 'version' | 'company' | 'ticketNumberPattern' | 'timeZone' | 'sla' | 'printing' | 'returns'>;

/** The settings as loaded; saving re-reads them, which remounts the form at the new version. */
export function SettingsForm({ initial, onSaved }: { initial: Loaded; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => {
    const { version, company, ticketNumberPattern, timeZone, sla, printing, returns } = initial;
    return { version, company, ticketNumberPattern, timeZone, sla, printing, returns };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const models = useApi('models.list', {});
  const productLines = [...new Set((models.data ?? []).map((m) => m.productLine))];

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
    onSaved();
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
      <PrintSettingsSection value={form.printing} errors={errors} onChange={(printing) => setForm({ ...form, printing })} />
      <ReturnsSettingsSection key={productLines.join('|')} value={form.returns} productLines={productLines} errors={errors} onChange={(returns) => setForm({ ...form, returns })} />
      {message && <Alert color="red">{message}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => void save(form)} loading={busy} data-testid="settings-save">
          {t('ui.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
