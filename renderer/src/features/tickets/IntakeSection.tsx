import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';

export function IntakeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={600} size="sm" mb="xs" c="blue.8">
        {title}
      </Text>
      {children}
    </Paper>
  );
}
