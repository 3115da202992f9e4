/**
 * 本机 or 连接到主机 (issue 18), keyboard first: ↑ ↓ between the two large choices and Enter; in the host's form
 * Enter moves to the next field and connects from the last. A refusal stays on its field with what was typed;
 * once paired, the host's certificate fingerprint (in the host page's four lines) is shown to compare, and if it
 * differs the pairing is undone (confirmed once in the card) and the two choices come back with a note.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { FingerprintCode } from '../../components/FingerprintCode';
import { AuthCard } from '../../components/AuthCard';

type Step = { at: 'pick'; undone?: boolean } | { at: 'host' } | { at: 'paired'; fingerprint: string; ready: boolean; confirming?: boolean };

export function DeskChoiceScreen({ computerName, onDone }: { computerName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [form, setForm] = useState({ address: '', code: '', deskName: computerName });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = useRef<(HTMLButtonElement | null)[]>([]);
  const [focused, setFocused] = useState<number | null>(null);
  const fields = useRef<(HTMLInputElement | null)[]>([]);

  async function chooseLocal() {
    setBusy(true);
    const r = await call('desk.chooseLocal', {});
    setBusy(false);
    if (r.ok) return onDone();
    setMessage(r.error.message);
  }

  async function connect(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('desk.chooseHost', form);
    setBusy(false);
    if (r.ok) return setStep({ at: 'paired', fingerprint: r.value.fingerprint, ready: r.value.ready });
    setErrors(r.error.fields ?? {});
    setMessage(r.error.fields ? null : r.error.message);
  }

  async function undoPairing() {
    setBusy(true);
    const r = await call('desk.undoPairing', {});
    setBusy(false);
    setMessage(r.ok ? null : r.error.message);
    if (r.ok) setStep({ at: 'pick', undone: true });
  }

  /** ↑ ↓ move between the two choices (Enter and Space press the focused one, as any button). */
  const moveChoice = (e: KeyboardEvent, index: number) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    choices.current[(index + 1) % 2]?.focus();
  };
  /** Enter in a field goes to the next one; in the last it submits the form. */
  const nextField = (e: KeyboardEvent, index: number) => {
    if (e.key !== 'Enter' || index === fields.current.length - 1) return;
    e.preventDefault();
    fields.current[index + 1]?.focus();
  };
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });

  if (step.at === 'paired')
    return (
      <AuthCard brand={t('ui.app.title')} title={t('ui.deskChoice.pairedTitle')}>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('ui.deskChoice.fingerprint')}
          </Text>
          <FingerprintCode fingerprint={step.fingerprint} testId="paired-fingerprint" />
          <Text size="sm" c="dimmed">
            {t('ui.deskChoice.compare')}
          </Text>
        </Stack>
        {step.ready ? (
          <Button size="md" onClick={onDone} autoFocus data-testid="desk-choice-continue">
            {t('ui.deskChoice.continue')}
          </Button>
        ) : (
          <Alert color="blue" data-testid="desk-choice-restart">
            {t('ui.deskChoice.restart')}
          </Alert>
        )}
        {step.confirming ? (
          <Alert color="red" data-testid="undo-confirm">
            <Stack gap="sm">
              <Text size="sm">{t('ui.deskChoice.undoConfirm')}</Text>
              <Group grow>
                <Button variant="default" onClick={() => setStep({ ...step, confirming: false })} disabled={busy}>
                  {t('ui.deskChoice.undoNo')}
                </Button>
                <Button color="red" onClick={() => void undoPairing()} loading={busy} autoFocus data-testid="undo-yes">
                  {t('ui.deskChoice.undoYes')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Button variant="subtle" color="red" onClick={() => setStep({ ...step, confirming: true })} data-testid="desk-choice-undo">
            {t('ui.deskChoice.undo')}
          </Button>
        )}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
      </AuthCard>
    );

  if (step.at === 'host')
    return (
      <AuthCard brand={t('ui.app.title')} title={t('ui.deskChoice.hostTitle')}>
        <Text size="sm" c="dimmed">
          {t('ui.deskChoice.keys')}
        </Text>
        <form onSubmit={(e) => void connect(e)} noValidate>
          <Stack gap="sm">
            <TextInput ref={(el) => void (fields.current[0] = el)} onKeyDown={(e) => nextField(e, 0)} label={t('ui.deskChoice.address')} placeholder={t('ui.deskChoice.addressPlaceholder')} value={form.address} onChange={set('address')} error={errors.address} size="md" autoFocus autoComplete="off" data-testid="choice-address" />
            <TextInput ref={(el) => void (fields.current[1] = el)} onKeyDown={(e) => nextField(e, 1)} label={t('ui.deskChoice.code')} placeholder={t('ui.deskChoice.codePlaceholder')} value={form.code} onChange={set('code')} error={errors.code} size="md" inputMode="numeric" autoComplete="off" data-testid="choice-code" />
            <TextInput ref={(el) => void (fields.current[2] = el)} onKeyDown={(e) => nextField(e, 2)} label={t('ui.deskChoice.deskName')} description={t('ui.deskChoice.deskNameHint')} value={form.deskName} onChange={set('deskName')} error={errors.deskName} size="md" data-testid="choice-name" />
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <Group grow>
              <Button variant="default" size="md" onClick={() => setStep({ at: 'pick' })} disabled={busy}>
                {t('ui.deskChoice.back')}
              </Button>
              <Button type="submit" size="md" loading={busy} data-testid="choice-connect">
                {t('ui.deskChoice.connect')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AuthCard>
    );

  const choice = (index: number, title: string, hint: string, onPick: () => void, testId: string) => (
    <UnstyledButton
      ref={(el) => void (choices.current[index] = el)}
      onKeyDown={(e) => moveChoice(e, index)}
      onFocus={() => setFocused(index)}
      onBlur={() => setFocused(null)}
      onClick={onPick}
      disabled={busy}
      autoFocus={index === 0}
      data-testid={testId}
      p="md"
      bg={focused === index ? 'blue.0' : undefined}
      style={{ border: `2px solid var(--mantine-color-${focused === index ? 'blue-6' : 'gray-3'})`, borderRadius: 'var(--mantine-radius-md)', display: 'block', width: '100%' }}
    >
      <Text size="xl" fw={600}>
        {title}
      </Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </UnstyledButton>
  );

  return (
    <AuthCard brand={t('ui.app.title')} title={t('ui.deskChoice.title')}>
      {step.undone && (
        <Alert color="yellow" data-testid="desk-choice-undone">
          {t('ui.deskChoice.undone')}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('ui.deskChoice.intro')}
      </Text>
      <Stack gap="sm">
        {choice(0, t('ui.deskChoice.local'), t('ui.deskChoice.localHint'), () => void chooseLocal(), 'choice-local')}
        {choice(1, t('ui.deskChoice.host'), t('ui.deskChoice.hostHint'), () => setStep({ at: 'host' }), 'choice-host')}
      </Stack>
      {message && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
    </AuthCard>
  );
}
