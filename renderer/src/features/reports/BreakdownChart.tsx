import { Box, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../../shared/domain/statistics';
import { ChartLegend } from './ChartLegend';

interface Props {
  title: string;
  rows: Breakdown[];
  labelOf: (key: string) => string;
  testId: string;
  /** Long tails (models, engineers) are cut to the largest few. */
  limit?: number;
}

/** Received and closed per category as paired horizontal bars, largest first, the numbers beside them. */
export function BreakdownChart({ title, rows, labelOf, testId, limit = 8 }: Props) {
  const { t } = useTranslation();
  const shown = [...rows].sort((a, b) => b.received - a.received || b.closed - a.closed || a.key.localeCompare(b.key)).slice(0, limit);
  const max = Math.max(1, ...shown.map((r) => Math.max(r.received, r.closed)));
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{title}</Title>
        <ChartLegend />
      </Group>
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('report.none')}
        </Text>
      )}
      <Stack gap={8}>
        {shown.map((r) => (
          <Group key={r.key} gap="sm" wrap="nowrap" align="center" aria-label={t('ui.stats.barLabel', { label: labelOf(r.key), received: r.received, closed: r.closed })}>
            <Text size="sm" w={120} truncate="end" title={labelOf(r.key)}>
              {labelOf(r.key)}
            </Text>
            <Box style={{ flex: 1 }}>
              <Progress value={(r.received / max) * 100} color="blue" size="md" radius="xs" mb={2} aria-hidden />
              <Progress value={(r.closed / max) * 100} color="teal" size="md" radius="xs" aria-hidden />
            </Box>
            <Text size="sm" w={64} ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
              {r.received} / {r.closed}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
