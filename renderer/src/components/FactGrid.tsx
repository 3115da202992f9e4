import type { ReactNode } from 'react';
import { SimpleGrid, Stack, Text } from '@mantine/core';

export interface Fact {
  label: string;
  value: ReactNode;
  wide?: boolean;
  testId?: string;
}

/** Label / value pairs in a compact grid, as on a paper form. */
export function FactGrid({ facts }: { facts: Fact[] }) {
  return (
    <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
      {facts.map((f) => (
        <Stack key={f.label} gap={0} style={f.wide ? { gridColumn: '1 / -1' } : undefined}>
          <Text size="xs" c="dimmed">
            {f.label}
          </Text>
          <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid={f.testId}>
            {f.value === '' || f.value === null ? '—' : f.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
