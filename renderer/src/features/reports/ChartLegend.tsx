import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SERIES = [
  { color: 'blue.6', label: 'ui.stats.received' },
  { color: 'teal.6', label: 'ui.stats.closed' },
] as const;

/** Blue is received, teal is closed, on every chart of the dashboard. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      {SERIES.map((s) => (
        <Group key={s.label} gap={4} wrap="nowrap">
          <Box w={10} h={10} bg={s.color} style={{ borderRadius: 2 }} />
          <Text size="xs" c="dimmed">
            {t(s.label)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
