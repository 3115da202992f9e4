import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function TicketCreated({ ticket, onAnother }: { ticket: { id: number; number: string }; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Center pt="xl">
      <Paper withBorder p="xl" w={520} data-testid="ticket-created">
        <Stack align="center" gap="sm">
          <IconCircleCheck size={48} color="var(--mantine-color-green-6)" />
          <Title order={3}>{t('ui.intake.createdTitle')}</Title>
          <Text c="dimmed" size="sm">
            {t('ui.intake.createdNumber')}
          </Text>
          <Text fz={32} fw={700} ff="monospace" data-testid="created-number">
            {ticket.number}
          </Text>
          <Group mt="md">
            <Button autoFocus onClick={() => void navigate(`/tickets/${ticket.id}`)} data-testid="open-created">
              {t('ui.intake.open')}
            </Button>
            <Button variant="default" onClick={onAnother} data-testid="new-another">
              {t('ui.intake.another')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
