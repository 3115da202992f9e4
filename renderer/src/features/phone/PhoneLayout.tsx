/** The phone page's frame: company and user on one line, the way to the full desk, language and sign-out. */
import type { ReactNode } from 'react';
import './phone.css';
import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { IconDeviceDesktop, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../auth/session-context';

export function PhoneLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, companyName, signOut } = useSession();

  return (
    <Box mih="100vh" bg="gray.0" className="phone-page" style={{ overflowX: 'hidden' }} data-testid="phone-page">
      <Box px="sm" py={6} bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Box miw={0}>
            <Text size="xs" c="dimmed" truncate="end">
              {companyName || t('ui.app.defaultCompany')}
            </Text>
            <Text fw={600} truncate="end" data-testid="current-user">
              {user.displayName}
            </Text>
          </Box>
          <Button variant="subtle" size="compact-md" h={44} px={6} leftSection={<IconLogout size={18} />} onClick={() => void signOut()} data-testid="phone-sign-out">
            {t('ui.phone.signOut')}
          </Button>
        </Group>
        <Group justify="space-between" wrap="nowrap" mt={2}>
          <LanguageSwitch size="md" />
          <Anchor component={Link} to={user.role === 'engineer' ? '/queue/mine' : '/tickets'} size="sm" style={{ display: 'flex', alignItems: 'center', minHeight: 44 }} data-testid="phone-to-desk">
            <IconDeviceDesktop size={16} style={{ marginRight: 4 }} />
            {t('ui.phone.toDesk')}
          </Anchor>
        </Group>
      </Box>
      <Box p="sm" maw={640} mx="auto">
        {children}
      </Box>
    </Box>
  );
}
