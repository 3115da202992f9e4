import type { ReactNode } from 'react';
import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBook, IconCalendarRepeat, IconChartBar, IconDatabase, IconFileImport, IconFilePlus, IconHistory, IconList, IconLogout, IconPackage, IconPackages, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { call } from '../api/call';
import { useSession } from '../features/auth/session-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { queueLinks } from '../features/lifecycle/queue-links';
import { MenuPageEvents } from '../features/admin-data/MenuPageEvents';
import { useLowStock } from '../features/parts/use-low-stock';
import { feeLinks } from '../features/fees/fee-links';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, companyName, refresh } = useSession();
  const { pathname } = useLocation();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const low = useLowStock(staff);
  const lowCount = low.data?.length ?? 0;
  const links: { to: string; label: string; icon: Icon; active: boolean; badge?: number }[] = [
    { to: '/tickets', label: t('ui.nav.tickets'), icon: IconList, active: pathname === '/tickets' || /^\/tickets\/\d/.test(pathname) },
    { to: '/tickets/new', label: t('ui.nav.newTicket'), icon: IconFilePlus, active: pathname === '/tickets/new' },
    { to: '/returns', label: t('ui.returns.nav'), icon: IconPackages, active: pathname.startsWith('/returns') },
    ...queueLinks(user.role, pathname, t),
    { to: '/knowledge', label: t('ui.nav.knowledge'), icon: IconBook, active: pathname.startsWith('/knowledge') },
    { to: '/parts', label: t('ui.nav.parts'), icon: IconPackage, active: pathname === '/parts' },
    ...(staff ? [{ to: '/parts/low', label: t('ui.nav.lowStock'), icon: IconAlertTriangle, active: pathname === '/parts/low', badge: lowCount }] : []),
    { to: '/maintenance', label: t('ui.nav.maintenance'), icon: IconCalendarRepeat, active: pathname.startsWith('/maintenance') },
    ...feeLinks(user.role, pathname, t),
    ...(user.role === 'supervisor' || user.role === 'admin'
      ? [{ to: '/statistics', label: t('ui.nav.statistics'), icon: IconChartBar, active: pathname === '/statistics' }]
      : []),
    ...(user.role !== 'engineer' ? [{ to: '/import', label: t('ui.nav.import'), icon: IconFileImport, active: pathname === '/import' }] : []),
    ...(user.role === 'admin'
      ? [
          { to: '/settings', label: t('ui.nav.settings'), icon: IconSettings, active: pathname === '/settings' },
          { to: '/users', label: t('ui.nav.users'), icon: IconUsers, active: pathname === '/users' },
          { to: '/admin/backups', label: t('ui.nav.backups'), icon: IconDatabase, active: pathname === '/admin/backups' },
          { to: '/admin/audit', label: t('ui.nav.audit'), icon: IconHistory, active: pathname === '/admin/audit' },
        ]
      : []),
  ];

  async function signOut() {
    await call('auth.logout', {});
    refresh();
  }

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 180, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={4} data-testid="company-name">
              {companyName || t('ui.app.defaultCompany')}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user">
              {user.displayName}
            </Text>
            <Badge variant="light" size="sm" tt="none">
              {t(`role.${user.role}`)}
            </Badge>
            <LanguageSwitch />
            <Button variant="subtle" size="xs" leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>
              {t('ui.header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {links.map((l) => (
          <NavLink
            key={l.to}
            component={RouterLink}
            end
            to={l.to}
            label={l.label}
            leftSection={<l.icon size={16} />}
            active={l.active}
            rightSection={
              l.badge ? (
                <Badge size="sm" color="red" circle data-testid="low-stock-badge">
                  {l.badge}
                </Badge>
              ) : undefined
            }
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <MenuPageEvents />
    </AppShell>
  );
}
