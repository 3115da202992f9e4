/**
 * 完成服务 on the phone: logs this visit's labour from when it started until now, both times shown and
 * correctable before they are saved (visitTimes).
 */
import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { logLabourInput } from '../../../../shared/api/labour.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { deskNow } from '../../api/desk-clock';
import { readClock } from '../../components/date-text';
import { TimeField } from '../../components/TimeField';
import { useSession } from '../auth/session-context';
import { useDuration } from '../labour/duration';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { visitTimes, type VisitTimes } from './phone-day';
import { PhoneSection } from './PhoneSection';

export function PhoneFinish({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user, timeZone } = useSession();
  const duration = useDuration();
  const runner = useActionRunner(onChanged);
  const [visit, setVisit] = useState<VisitTimes | null>(null);
  const mine = d.labour.visits.filter((v) => v.engineer.id === user.id);

  async function finish(v: VisitTimes) {
    const input = { ticketId: d.id, engineerId: null, workedOn: v.workedOn, start: readClock(v.start) || null, finish: readClock(v.finish) || null, minutes: null, note: '' };
    if (await runner.run(logLabourInput, input, (i) => call('tickets.logLabour', i), t('ui.labour.logged'))) setVisit(null);
  }

  return (
    <PhoneSection title={t('ui.phone.service.finish')} testId="phone-finish-section">
      {mine.length > 0 && (
        <Text size="sm" c="teal.8" data-testid="phone-labour">
          {t('ui.phone.service.logged', { duration: duration(mine.reduce((sum, v) => sum + v.minutes, 0)) })}
        </Text>
      )}
      {!visit ? (
        <Button fullWidth h={48} variant="light" leftSection={<IconPlayerStop size={20} />} onClick={() => setVisit(visitTimes(d.events, d.labour.visits, user.id, deskNow(), timeZone))} data-testid="phone-finish">
          {t('ui.phone.service.finish')}
        </Button>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('ui.phone.service.finishHint')} · {visit.workedOn}
          </Text>
          <Group grow gap="xs" align="flex-start">
            <TimeField size="md" label={t('ui.labour.start')} value={visit.start} onChange={(start) => setVisit({ ...visit, start })} error={runner.fields.start} inputMode="numeric" data-testid="phone-visit-start" />
            <TimeField size="md" label={t('ui.labour.finish')} value={visit.finish} onChange={(finish) => setVisit({ ...visit, finish })} error={runner.fields.finish} inputMode="numeric" data-testid="phone-visit-finish" />
          </Group>
          <Group grow gap="xs">
            <Button h={48} variant="default" onClick={() => setVisit(null)}>
              {t('ui.common.cancel')}
            </Button>
            <Button h={48} onClick={() => void finish(visit)} loading={runner.busy} data-testid="phone-finish-save">
              {t('ui.phone.service.finish')}
            </Button>
          </Group>
        </>
      )}
      {runner.error && (
        <Alert color="red" role="alert" data-testid="phone-finish-error">
          {runner.error}
        </Alert>
      )}
    </PhoneSection>
  );
}
