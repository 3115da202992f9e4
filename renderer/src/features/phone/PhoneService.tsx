/** 上门服务 on the phone: 开始服务 moves the dispatched ticket into service; then when it started. */
import { Alert, Button, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { PhoneSection } from './PhoneSection';

export function PhoneService({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const runner = useActionRunner(onChanged);
  const started = d.events.filter((e) => e.kind === 'startService').at(-1);

  function start() {
    void runner.run(moveInput, { id: d.id, version: d.version, move: 'startService' as const }, (i) => call('tickets.move', i), t('ui.lifecycle.move.startService'));
  }

  return (
    <PhoneSection title={t('ui.phone.service.title')} testId="phone-service">
      {d.status === 'dispatched' && (
        <Button fullWidth h={48} leftSection={<IconPlayerPlay size={20} />} onClick={start} loading={runner.busy} data-testid="phone-start">
          {t('ui.phone.service.start')}
        </Button>
      )}
      {d.status === 'in_service' && started && (
        <Text size="sm" data-testid="phone-started">
          {t('ui.phone.service.started', { at: formatDateTime(started.at, i18n.language, timeZone) })}
        </Text>
      )}
      {runner.error && (
        <Alert color="red" role="alert" data-testid="phone-service-error">
          {runner.error}
        </Alert>
      )}
    </PhoneSection>
  );
}
