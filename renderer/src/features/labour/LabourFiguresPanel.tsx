import { Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LabourFigures, LabourRow } from '../../../../shared/domain/labour';

const hours = (minutes: number) => (minutes / 60).toFixed(2);

/** 工时 on the statistics page: the period's labour hours, the average per repair, and the hours per engineer and product line. */
export function LabourFiguresPanel({ labour }: { labour: LabourFigures }) {
  const { t } = useTranslation();
  const avg = labour.repairs.avgMinutes;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="labour-figures">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={5}>{t('ui.labour.stats.title')}</Title>
        <Group gap="lg">
          <Text size="sm">
            {t('ui.labour.stats.total')}: <b data-testid="labour-hours">{t('ui.labour.stats.hours', { h: hours(labour.minutes) })}</b>
          </Text>
          <Text size="sm">
            {t('ui.labour.stats.perRepair')}: <b data-testid="labour-per-repair">{avg === null ? '—' : t('ui.labour.stats.hours', { h: hours(avg) })}</b>
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('ui.labour.stats.repairs', { n: labour.repairs.tickets })})
            </Text>
          </Text>
        </Group>
      </Group>
      {labour.visits === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.labour.stats.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Bars title={t('ui.labour.stats.byEngineer')} rows={labour.byEngineer} empty={t('report.unassigned')} testId="labour-by-engineer" />
          <Bars title={t('ui.labour.stats.byProductLine')} rows={labour.byProductLine} empty={t('report.noModel')} testId="labour-by-line" />
        </SimpleGrid>
      )}
    </Paper>
  );
}

function Bars({ title, rows, empty, testId }: { title: string; rows: LabourRow[]; empty: string; testId: string }) {
  const shown = rows.slice(0, 8);
  const max = Math.max(1, ...shown.map((r) => r.minutes));
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {shown.map((r) => (
        <Group key={r.key} gap="xs" wrap="nowrap" data-testid="labour-row">
          <Text size="sm" w={96} truncate>
            {r.key || empty}
          </Text>
          <Progress value={(r.minutes / max) * 100} style={{ flex: 1 }} color="indigo" />
          <Text size="sm" w={56} ta="right" data-testid="labour-row-hours">
            {hours(r.minutes)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
