/** 备用机与返厂 (issue 19): the loaner pool, defective stock, returns to the factory and, for supervisors, the quality report. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { LoanersTab } from './LoanersTab';
import { DefectiveTab } from './DefectiveTab';
import { ReturnsTab } from './ReturnsTab';
import { QualityTab } from './QualityTab';

const TABS = ['loaners', 'defective', 'returns', 'quality'] as const;

export default function FactoryPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((tab) => tab !== 'quality' || staff);
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'loaners';
  return (
    <Stack gap="sm" maw={1280}>
      <Title order={3}>{t('ui.factory.title')}</Title>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'loaners' })} keepMounted={false}>
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`factory-tab-${x}`}>{t(`ui.factory.tabs.${x}`)}</Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="loaners" pt="sm"><LoanersTab /></Tabs.Panel>
        <Tabs.Panel value="defective" pt="sm"><DefectiveTab /></Tabs.Panel>
        <Tabs.Panel value="returns" pt="sm"><ReturnsTab /></Tabs.Panel>
        {staff && <Tabs.Panel value="quality" pt="sm"><QualityTab /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
