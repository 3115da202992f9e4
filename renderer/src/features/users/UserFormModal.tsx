import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { userCreateInput, userUpdateInput } from '../../../../shared/api/auth.schema';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import type { UserRow } from '../../../../shared/domain/user';
import { call } from '../../api/call';
import { enumOptions } from '../../components/enum-options';
import { checkInput, type FieldErrors } from '../../components/translate-problems';

interface Props {
  /** null: create a new account. */
  user: UserRow | null;
  onClose: () => void;
  onDone: () => void;
}

export function UserFormModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? ('clerk' as Role),
    password: '',
    active: user?.active ?? true,
    productLines: user?.productLines ?? [],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const { username, displayName, role, password, active, productLines } = form;
    const r = user
      ? await run(userUpdateInput, { id: user.id, version: user.version, displayName, role, active, productLines }, (i) => call('users.update', i))
      : await run(userCreateInput, { username, displayName, role, password, productLines }, (i) => call('users.create', i));
    if (r) onDone();
  }

  async function run<I>(schema: Parameters<typeof checkInput>[0], input: I, send: (i: I) => Promise<{ ok: boolean; error?: { message: string; fields?: Record<string, string> } }>) {
    const problems = checkInput(schema, input, t);
    setErrors(problems ?? {});
    if (problems) return false;
    setBusy(true);
    const r = await send(input);
    setBusy(false);
    if (r.ok) return true;
    setErrors(r.error?.fields ?? {});
    setMessage(r.error?.message ?? null);
    return false;
  }

  return (
    <Modal opened onClose={onClose} title={user ? t('ui.users.editTitle', { name: user.displayName }) : t('ui.users.createTitle')}>
      <Stack gap="xs" data-testid="user-form">
        <TextInput label={t('ui.users.username')} value={form.username} disabled={user !== null} error={errors.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} data-autofocus={user === null || undefined} />
        <TextInput label={t('ui.users.displayName')} value={form.displayName} error={errors.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} data-autofocus={user !== null || undefined} />
        <Select label={t('ui.users.role')} data={enumOptions(ROLES, 'role', t)} value={form.role} allowDeselect={false} onChange={(v) => v && setForm({ ...form, role: v as Role })} error={errors.role} />
        {!user && <PasswordInput label={t('ui.users.password')} description={t('ui.setup.passwordHint')} value={form.password} error={errors.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />}
        <TagsInput label={t('ui.users.productLines')} description={t('ui.users.productLinesHint')} value={form.productLines} onChange={(productLines) => setForm({ ...form, productLines })} error={errors.productLines} />
        {user && <Checkbox label={t('ui.users.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />}
        {message && <Alert color="red">{message}</Alert>}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="user-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
