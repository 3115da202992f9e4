/** The desk's frame: the header (company, user, language, sign-out) and the menu grouped by task, which scrolls when taller than the window. */
import type { ReactNode } from 'react';
import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import {
  IconAlarm, IconAlertTriangle, IconBook, IconCalculator, IconCalendarRepeat, IconCalendarWeek, IconChartBar, IconCoinYuan, IconDatabase, IconDeviceMobile, IconDevices, IconFileImport,
  IconFilePlus, IconHistory, IconList, IconLogout, IconMail, IconPackage, IconPackages, IconPhoneCall, IconReceiptYuan, IconSend, IconSettings, IconTags, IconTruckReturn,
  IconUserCheck, IconUsers, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { navActive, navFor, type NavId } from '../../../shared/domain/navigation';
import { useSession } from '../features/auth/session-context';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { MenuPageEvents } from '../features/admin-data/MenuPageEvents';
import { DatabaseHealthBanner } from '../features/admin-data/DatabaseHealthBanner';
import { useLowStock } from '../features/parts/use-low-stock';
import { isPhoneWidth } from '../features/phone/phone-day';

const ENTRY: Record<NavId, { label: string; icon: Icon }> = {
  tickets: { label: 'ui.nav.tickets', icon: IconList },
  newTicket: { label: 'ui.nav.newTicket', icon: IconFilePlus },
  returns: { label: 'ui.returns.nav', icon: IconPackages },
  followUp: { label: 'ui.lifecycle.queue.followUp', icon: IconPhoneCall },
  customers: { label: 'ui.masterData.nav.customers', icon: IconDevices },
  calculator: { label: 'ui.fees.nav.calculator', icon: IconCalculator },
  receivables: { label: 'ui.fees.nav.receivables', icon: IconReceiptYuan },
  import: { label: 'ui.nav.import', icon: IconFileImport },
  myTickets: { label: 'ui.lifecycle.queue.mine', icon: IconUserCheck },
  schedule: { label: 'ui.lifecycle.schedule.title', icon: IconCalendarWeek },
  knowledge: { label: 'ui.nav.knowledge', icon: IconBook },
  parts: { label: 'ui.nav.parts', icon: IconPackage },
  factory: { label: 'ui.factory.nav', icon: IconTruckReturn },
  maintenance: { label: 'ui.nav.maintenance', icon: IconCalendarRepeat },
  overdue: { label: 'ui.lifecycle.queue.overdue', icon: IconAlarm },
  statistics: { label: 'ui.nav.statistics', icon: IconChartBar },
  lowStock: { label: 'ui.nav.lowStock', icon: IconAlertTriangle },
  models: { label: 'ui.masterData.nav.models', icon: IconTags },
  outbox: { label: 'ui.messaging.outbox.title', icon: IconSend },
  settings: { label: 'ui.nav.settings', icon: IconSettings },
  messaging: { label: 'ui.messaging.settings.title', icon: IconMail },
  users: { label: 'ui.nav.users', icon: IconUsers },
  feeStandard: { label: 'ui.fees.nav.standard', icon: IconCoinYuan },
  backups: { label: 'ui.nav.backups', icon: IconDatabase },
  audit: { label: 'ui.nav.audit', icon: IconHistory },
};

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, companyName, signOut } = useSession();
  const { pathname } = useLocation();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const low = useLowStock(staff);
  const lowCount = low.data?.length ?? 0;
  const groups = navFor(user.role);

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
            {user.role === 'engineer' && isPhoneWidth(window.innerWidth) && (
              <Button component={RouterLink} to="/m" variant="subtle" size="xs" leftSection={<IconDeviceMobile size={14} />} data-testid="to-phone">
                {t('ui.phone.toPhone')}
              </Button>
            )}
            <Button variant="subtle" size="xs" leftSection={<IconLogout size={14} />} onClick={() => void signOut()}>
              {t('ui.header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={4}>
        <AppShell.Section grow component={ScrollArea} type="auto" scrollbarSize={6} data-testid="nav-scroll">
          <nav aria-label={t('ui.masterData.navLabel')}>
            {groups.map((g) => (
              <div key={g.group} data-testid={`nav-group-${g.group}`}>
                <Text size="xs" fw={700} c="dimmed" px="xs" pt={6} pb={2}>
                  {t(`ui.masterData.navGroup.${g.group}`)}
                </Text>
                {g.entries.map((e) => {
                  const { label, icon: EntryIcon } = ENTRY[e.id];
                  const badge = e.id === 'lowStock' ? lowCount : 0;
                  return (
                    <NavLink
                      key={e.id}
                      component={RouterLink}
                      end
                      to={e.to}
                      label={t(label)}
                      py={5}
                      leftSection={<EntryIcon size={16} />}
                      active={navActive(e.id, pathname)}
                      rightSection={
                        badge ? (
                          <Badge size="sm" color="red" circle data-testid="low-stock-badge">
                            {badge}
                          </Badge>
                        ) : undefined
                      }
                    />
                  );
                })}
              </div>
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        {user.role === 'admin' && <DatabaseHealthBanner />}
        {children}
      </AppShell.Main>
      <MenuPageEvents />
    </AppShell>
  );
}
