import { useState } from 'react';
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackageImport, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useSession } from '../auth/session-context';
import { ActionDialog, type DialogKind } from './ActionDialog';
import { nextSteps } from './next-steps';
import { PauseBanner } from './PauseBanner';
import { SectionTitle } from '../../components/SectionTitle';

const MOVE_WORDS = ['startDiagnosis', 'submitPlan', 'approvePlan', 'rejectPlan', 'dispatch', 'startService', 'accept', 'failAcceptance', 'followUpSolved', 'followUpUnsolved', 'archive', 'cancel', 'reopen'];

/** The buttons for what the signed-in user may do next; each opens a small dialog. */
export function NextStepPanel({ ticket, onChanged, suggestCheckIn = false }: { ticket: TicketDetail; onChanged: () => void; suggestCheckIn?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState<DialogKind | null>(null);
  const steps = nextSteps(ticket, user.role, user.id);
  const label = (k: DialogKind) => t(MOVE_WORDS.includes(k) ? `ui.lifecycle.move.${k}` : `ui.lifecycle.action.${k}`);

  async function resume() {
    const r = await call('tickets.resume', { id: ticket.id, version: ticket.version });
    if (r.ok) onChanged();
    else notifications.show({ color: 'red', message: r.error.message });
  }

  return (
    <Paper withBorder p="sm" data-testid="next-step">
      <SectionTitle title={t('ui.lifecycle.nextStep')} />
      {ticket.progress.pausedSince && (
        <PauseBanner ticket={ticket}>
          <Button size="xs" color="orange" leftSection={<IconPlayerPlay size={14} />} onClick={() => void resume()} data-testid="step-resume">
            {t('ui.lifecycle.action.resume')}
          </Button>
        </PauseBanner>
      )}
      {suggestCheckIn && (
        <Alert color="blue" variant="light" mb="xs" data-testid="suggest-check-in">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('ui.returns.ticket.suggest')}</Text>
            <Button size="sm" component={Link} to={`/returns/new?ticket=${ticket.id}`} leftSection={<IconPackageImport size={16} />} data-testid="step-checkIn">
              {t('ui.returns.ticket.checkIn')}
            </Button>
          </Group>
        </Alert>
      )}
      {steps.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('ui.lifecycle.noMoves')}
        </Alert>
      ) : (
        <Group gap="xs">
          {steps.map((s) => (
            <Button key={s.kind} size="sm" variant={s.primary ? 'filled' : s.danger ? 'outline' : 'light'} color={s.danger ? 'red' : undefined} onClick={() => setOpen(s.kind)} data-testid={`step-${s.kind}`}>
              {label(s.kind)}
            </Button>
          ))}
        </Group>
      )}
      {open && (
        <ActionDialog
          key={`${open}-${ticket.version}`}
          kind={open}
          ticket={ticket}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
