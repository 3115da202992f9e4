/**
 * Asks before a changed form is left by a menu click, a link or Back (react-router's blocker), in a
 * Mantine modal: focus starts on "keep editing", Escape stays too, Tab reaches "leave". Put it in any
 * long form with `when` saying the form holds changes not yet saved.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

interface Props {
  when: boolean;
  /** What leaving means for this form (e.g. "kept as a draft"); by default that the changes are lost. */
  note?: string;
  /** Offered as a third choice: throw the changes (or the draft) away, then leave. */
  onDiscard?: () => void;
}

export function LeaveGuard({ when, note, onDiscard }: Props) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);
  const stay = () => blocker.reset?.();
  const leave = () => blocker.proceed?.();
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title={t('ui.common.leave.title')} centered>
      <Stack data-testid="leave-guard">
        <Text size="sm">{note ?? t('ui.common.leave.body')}</Text>
        <Group justify="flex-end">
          {onDiscard && (
            <Button
              variant="subtle"
              color="red"
              data-testid="leave-discard"
              onClick={() => {
                onDiscard();
                leave();
              }}
            >
              {t('ui.common.leave.discard')}
            </Button>
          )}
          <Button variant="default" onClick={leave} data-testid="leave-confirm">
            {t('ui.common.leave.leave')}
          </Button>
          <Button onClick={stay} data-autofocus data-testid="leave-stay">
            {t('ui.common.leave.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
