import type { ReactNode } from 'react';
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { LanguageSwitch } from './LanguageSwitch';

/** The centred card of the setup and login screens. */
export function AuthCard({ brand, title, children }: { brand: string; title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440} radius="md">
        <Stack gap="md">
          <Stack gap={2}>
            <Text c="dimmed" size="sm">
              {brand}
            </Text>
            <Title order={3}>{title}</Title>
          </Stack>
          {children}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
