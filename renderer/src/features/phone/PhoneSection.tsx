/** One card of the phone's ticket page: a title and what belongs under it. */
import type { ReactNode } from 'react';
import { Paper, Stack, Text } from '@mantine/core';

export function PhoneSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Stack gap="xs">
        <Text fw={600} c="blue.8">
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
