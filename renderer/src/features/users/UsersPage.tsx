import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../../shared/domain/user';
import { useApi } from '../../api/use-api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { deskNow } from '../../api/desk-clock';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: UserRow } | { kind: 'reset'; user: UserRow } | null;

function isLocked(u: UserRow): boolean {
  return u.lockedUntil !== null && Date.parse(u.lockedUntil) > deskNow().getTime();
}

export default function UsersPage() {
  const { t } = useTranslation();
  const users = useApi('users.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => {
    setDialog(null);
    users.reload();
  };
  return (
    <Stack gap="sm" maw={1000}>
      <Group justify="space-between">
        <Title order={3}>{t('ui.users.title')}</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })} data-testid="add-user">
          {t('ui.users.add')}
        </Button>
      </Group>
      {users.error && <Alert color="red">{users.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.users.username')}</Table.Th>
              <Table.Th>{t('ui.users.displayName')}</Table.Th>
              <Table.Th>{t('ui.users.role')}</Table.Th>
              <Table.Th>{t('ui.users.productLines')}</Table.Th>
              <Table.Th>{t('ui.users.status')}</Table.Th>
              <Table.Th>{t('ui.users.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                <Table.Td>{u.productLines.join('、')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="sm" variant="light" color={u.active ? 'green' : 'gray'}>
                      {t(u.active ? 'ui.users.activeYes' : 'ui.users.activeNo')}
                    </Badge>
                    {isLocked(u) && (
                      <Badge size="sm" color="red" variant="light">
                        {t('ui.users.locked')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'edit', user: u })}>
                      {t('ui.common.edit')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'reset', user: u })}>
                      {t('ui.users.resetPassword')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {dialog?.kind === 'create' && <UserFormModal user={null} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}
