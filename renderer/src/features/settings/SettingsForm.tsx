import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api/contract';
import { settingsUpdateInput } from '../../../../shared/api/auth.schema';
import { call } from '../../api/call';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { LogoField } from './LogoField';
import { SlaTable } from './SlaTable';
import { CalendarSection } from './CalendarSection';
import { RulesSection } from './RulesSection';
import { PrintingSection } from './PrintingSection';
import { ReturnsSection } from './ReturnsSection';
import { SanbaoTermsSection } from './SanbaoTermsSection';
import { SectionTitle } from '../../components/SectionTitle';

type Loaded = OutputOf<'settings.get'>;
type Form = Loaded;

/** The tabs of the page, and which error paths belong to each (an error in a hidden tab marks it). */
const TABS = {
  desk: ['company', 'ticketNumberPattern', 'timeZone'],
  deadlines: ['sla', 'calendar', 'approvalThresholdFen', 'followUp', 'contactWithinMinutes', 'serialBatchPrefix'],
  printing: ['printing'],
  returns: ['returns'],
  sanbao: ['sanbao'],
} as const;
export type SettingsTab = keyof typeof TABS;
type Tab = SettingsTab;

/** The settings as loaded; saving re-reads them, which remounts the form at the new version. */
/** The tab is kept by the page: saving remounts the form, and the admin stays where they were. */
export function SettingsForm({ initial, onSaved, tab, onTab }: { initial: Loaded; onSaved: () => void; tab: SettingsTab; onTab: (t: SettingsTab) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    if (problems) return showFirstError(problems);
    setBusy(true);
    const r = await call('settings.update', input);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setMessage(r.error.message);
      if (r.error.fields) showFirstError(r.error.fields);
      return;
    }
    setMessage(null);
    notifications.show({ color: 'green', message: t('ui.common.saved') });
    onSaved();
  }

  const tabOf = (path: string) => (Object.keys(TABS) as Tab[]).find((k) => TABS[k].some((p) => path === p || path.startsWith(`${p}.`)));
  function showFirstError(problems: FieldErrors) {
    const first = Object.keys(problems).map(tabOf).find(Boolean);
    if (first) onTab(first);
  }
  const hasErrors = (k: Tab) => Object.keys(errors).some((p) => tabOf(p) === k);

  return (
    <Stack gap="sm" maw={960}>
      <Title order={3}>{t('ui.settings.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && onTab(v as Tab)} keepMounted={false}>
        <Tabs.List>
          {(Object.keys(TABS) as Tab[]).map((k) => (
            <Tabs.Tab key={k} value={k} c={hasErrors(k) ? 'red' : undefined} data-testid={`settings-tab-${k}`}>
              {t(`ui.settings.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="desk" pt="sm">
          <Stack gap="sm">
            <Paper withBorder p="sm">
              <SectionTitle title={t('ui.settings.company')} />
              <Stack gap="xs">
                <TextInput {...company('name')} autoFocus />
                <TextInput {...company('address')} />
                <TextInput {...company('hotline')} />
                <LogoField value={form.company.logo} error={errors['company.logo']} onChange={(logo) => setForm({ ...form, company: { ...form.company, logo } })} />
              </Stack>
            </Paper>
            <Paper withBorder p="sm">
              <SectionTitle title={t('ui.settings.numbering')} />
              <Group grow align="flex-start">
                <TextInput label={t('ui.settings.pattern')} description={t('ui.settings.patternHint')} value={form.ticketNumberPattern} error={errors.ticketNumberPattern} onChange={(e) => setForm({ ...form, ticketNumberPattern: e.currentTarget.value })} />
                <TextInput label={t('ui.settings.timeZone')} value={form.timeZone} error={errors.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.currentTarget.value })} />
              </Group>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="deadlines" pt="sm">
          <Stack gap="sm">
            <SlaTable value={form.sla} errors={errors} onChange={(sla) => setForm({ ...form, sla })} />
            <CalendarSection value={form.calendar} timeZone={form.timeZone} errors={errors} onChange={(calendar) => setForm({ ...form, calendar })} />
            <RulesSection value={form} errors={errors} onChange={(rules) => setForm({ ...form, ...rules })} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="printing" pt="sm">
          <PrintingSection value={form.printing} errors={errors} onChange={(printing) => setForm({ ...form, printing })} />
        </Tabs.Panel>
        <Tabs.Panel value="returns" pt="sm">
          <ReturnsSection value={form.returns} errors={errors} onChange={(returns) => setForm({ ...form, returns })} />
        </Tabs.Panel>
        <Tabs.Panel value="sanbao" pt="sm">
          <SanbaoTermsSection value={form.sanbao} errors={errors} onChange={(sanbao) => setForm({ ...form, sanbao })} />
        </Tabs.Panel>
      </Tabs>
      {message && <Alert color="red">{message}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => void save(form)} loading={busy} data-testid="settings-save">
          {t('ui.common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
