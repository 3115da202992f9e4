import { Box, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartLegend } from './ChartLegend';
import type { TrendPoint } from './use-trend';

const HEIGHT = 160;

/** Twelve months of received and closed as paired columns, the count above each column. */
export function TrendChart({ points, failed }: { points: TrendPoint[] | null; failed: boolean }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...(points ?? []).map((p) => Math.max(p.received, p.closed)));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="trend-chart">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{t('ui.stats.trend')}</Title>
        <ChartLegend />
      </Group>
      {failed && (
        <Text size="sm" c="red">
          {t('ui.stats.trendFailed')}
        </Text>
      )}
      {!points && !failed && (
        <Text size="sm" c="dimmed">
          {t('ui.app.loading')}
        </Text>
      )}
      {points && (
        <Group gap={0} wrap="nowrap" align="flex-end" justify="space-between">
          {points.map((p) => (
            <Tooltip key={p.month} label={t('ui.stats.barLabel', { label: p.month, received: p.received, closed: p.closed })}>
              <Stack gap={2} align="center" style={{ flex: 1 }} data-testid={`trend-${p.month}`}>
                <Group gap={3} align="flex-end" wrap="nowrap" h={HEIGHT + 16}>
                  {([['received', 'blue.6'], ['closed', 'teal.6']] as const).map(([series, color]) => (
                    <Stack key={series} gap={0} align="center" justify="flex-end" h="100%">
                      <Text size="10px" c="dimmed" lh={1.4}>
                        {p[series]}
                      </Text>
                      <Box w={14} h={Math.max(1, (p[series] / max) * HEIGHT)} bg={color} style={{ borderRadius: '2px 2px 0 0' }} />
                    </Stack>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {p.month}
                </Text>
              </Stack>
            </Tooltip>
          ))}
        </Group>
      )}
    </Paper>
  );
}
