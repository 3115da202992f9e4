import { Button, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../../shared/domain/user';

/**
 * The demo desk's accounts on the sign-in screen, one per role with its password, so a newcomer can try each
 * role. The core only sends them for a desk where the demo was loaded; a real desk never shows this.
 */
export function DemoAccounts({ accounts, onPick }: { accounts: DemoAccount[]; onPick: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="sm" bg="blue.0" data-testid="demo-accounts">
      <Text fw={600} size="sm">
        {t('ui.login.demo.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('ui.login.demo.hint')}
      </Text>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.login.demo.name')}</Table.Th>
            <Table.Th>{t('ui.login.username')}</Table.Th>
            <Table.Th>{t('ui.login.password')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((a) => (
            <Table.Tr key={a.username} data-testid="demo-account" data-username={a.username}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {a.displayName}
                </Text>
                <Text size="xs" c="dimmed" data-testid="demo-role">
                  {t(`role.${a.role}`)}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{a.username}</Table.Td>
              <Table.Td ff="monospace" data-testid="demo-password">
                {a.password}
              </Table.Td>
              <Table.Td>
                <Button size="compact-xs" variant="light" onClick={() => onPick(a)} data-testid="demo-account-use">
                  {t('ui.login.demo.use')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
