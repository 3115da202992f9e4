import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ErrorScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Stack>
        <Alert color="red">{message}</Alert>
        <Button onClick={onRetry}>{t('ui.app.retry')}</Button>
      </Stack>
    </Center>
  );
}
