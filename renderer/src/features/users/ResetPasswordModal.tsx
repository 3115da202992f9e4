import { useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { resetPasswordInput } from '../../../../shared/api/auth.schema';
import type { UserRow } from '../../../../shared/domain/user';
import { call } from '../../api/call';
import { checkInput } from '../../components/translate-problems';

export function ResetPasswordModal({ user, onClose, onDone }: { user: UserRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);

  async function save() {
    const input = { id: user.id, password };
    const problems = checkInput(resetPasswordInput, input, t);
    setError(problems?.password);
    if (problems) return;
    const r = await call('users.resetPassword', input);
    if (!r.ok) return setMessage(r.error.message);
    notifications.show({ color: 'green', message: t('ui.users.passwordReset') });
    onDone();
  }

  return (
    <Modal opened onClose={onClose} title={t('ui.users.resetTitle', { name: user.displayName })}>
      <Stack gap="xs">
        <PasswordInput label={t('ui.users.newPassword')} description={t('ui.setup.passwordHint')} value={password} error={error} onChange={(e) => setPassword(e.currentTarget.value)} data-autofocus />
        {message && <Alert color="red">{message}</Alert>}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} data-testid="reset-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
