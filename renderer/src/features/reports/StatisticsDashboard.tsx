import { Alert, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { BreakdownChart } from './BreakdownChart';
import { ExportWorkbookButton } from './ExportWorkbookButton';
import { FigureCard } from './FigureCard';
import { figuresOf } from './figures';
import { PeriodPicker } from './PeriodPicker';
import { currentMonth, wholeMonth } from './period';
import { TrendChart } from './TrendChart';
import { LabourFiguresPanel } from '../labour/LabourFiguresPanel';
import { usePeriod } from './use-period';
import { useTrend } from './use-trend';

/** The supervisor's month: key figures against targets and the month before, breakdowns, a year's trend, the workbook. */
export function StatisticsDashboard() {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [period, setPeriod] = usePeriod();
  const latest = currentMonth(timeZone);
  const stats = useApi('reports.statistics', period);
  useChangeEvents(stats.reload);
  const trend = useTrend(wholeMonth(period) ?? period.to.slice(0, 7));
  const data = stats.data;
  const unassigned = (key: string) => key || t('report.unassigned');

  return (
    <Stack gap="md" data-testid="statistics-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={3}>{t('ui.stats.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="period-label">
            {t('report.period', { from: period.from, to: period.to })}
            {data && ` · ${t('ui.stats.compared', { from: data.previous.from, to: data.previous.to })}`}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <PeriodPicker value={period} latest={latest} onChange={setPeriod} />
          <ExportWorkbookButton period={period} />
        </Group>
      </Group>
      {stats.error && <Alert color="red">{stats.error.message}</Alert>}
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="sm" style={{ opacity: stats.loading ? 0.6 : 1 }}>
            {figuresOf(data.current, data.previous).map((f) => (
              <FigureCard key={f.id} figure={f} />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('ui.stats.linkHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <BreakdownChart title={t('ui.stats.byProblemType')} rows={data.current.byProblemType} labelOf={(k) => t(`problemType.${k}`)} testId="chart-problem-type" />
            <BreakdownChart title={t('ui.stats.byChannel')} rows={data.current.byChannel} labelOf={(k) => t(`channel.${k}`)} testId="chart-channel" />
            <BreakdownChart title={t('ui.stats.byModel')} rows={data.current.byModel} labelOf={unassigned} testId="chart-model" />
            <BreakdownChart title={t('ui.stats.byEngineer')} rows={data.current.byEngineer} labelOf={unassigned} testId="chart-engineer" />
          </SimpleGrid>
          <LabourFiguresPanel labour={data.current.labour} />
        </>
      )}
      <TrendChart points={trend.points} failed={trend.failed} />
    </Stack>
  );
}
