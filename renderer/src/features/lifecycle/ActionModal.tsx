import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnterNavigation } from '../../components/use-enter-navigation';

interface Props {
  title: string;
  testId: string;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  size?: string;
  submitColor?: string;
}

/** The frame of every lifecycle dialog: Enter moves on, Ctrl+Enter confirms, the core's refusal shows inline. */
export function ActionModal({ title, testId, busy, error, onSubmit, onClose, children, size = 'md', submitColor }: Props) {
  const { t } = useTranslation();
  const onKeyDown = useEnterNavigation(onSubmit);
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size={size}>
      <Stack gap="sm" onKeyDown={onKeyDown} data-testid={testId}>
        {children}
        {error && (
          <Alert color="red" role="alert" data-testid="action-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">
            {t('ui.lifecycle.submitHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button onClick={onSubmit} loading={busy} color={submitColor} data-testid="action-submit">
              {t('ui.lifecycle.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
