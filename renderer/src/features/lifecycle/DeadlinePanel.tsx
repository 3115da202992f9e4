import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { DeadlineText } from './DeadlineText';
import { PauseBanner } from './PauseBanner';
import { useNow } from './use-now';
import { SectionTitle } from '../../components/SectionTitle';

const FINISHED = ['closed', 'cancelled'];
const LEVEL_COLORS = ['blue', 'orange', 'red'];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Every deadline of the ticket with the time left, the support level and the pause, at a glance. */
export function DeadlinePanel({ ticket: d }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const now = useNow();
  const p = d.progress;
  const open = !FINISHED.includes(d.status);
  const resolveLate = open && !p.resolvedAt && Date.parse(d.resolveDueAt) < now;
  return (
    <Paper withBorder p="sm" data-testid="deadline-panel">
      <SectionTitle
        title={t('ui.detail.deadlines')}
        actions={
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('ui.lifecycle.escalate.level')}
            </Text>
            <Badge color={LEVEL_COLORS[p.level - 1] ?? 'red'} variant="filled" size="md" data-testid="level-badge">
              L{p.level}
            </Badge>
          </Group>
        }
      />
      <PauseBanner ticket={d} />
      {resolveLate && p.level < 3 && (
        <Alert color="red" variant="light" mb="xs" p="xs" data-testid="escalate-suggest">
          <Text size="xs">{t('ui.lifecycle.escalate.suggest')}</Text>
        </Alert>
      )}
      <Stack gap="xs">
        <Row label={t('ui.detail.responseDue')}>
          <DeadlineText dueAt={d.responseDueAt} doneAt={p.respondedAt ?? (open ? null : p.closedAt)} testId="response-due" />
        </Row>
        <Row label={t('ui.detail.resolveDue')}>
          <DeadlineText dueAt={d.resolveDueAt} doneAt={p.resolvedAt ?? (open ? null : p.closedAt)} testId="resolve-due" />
        </Row>
        {p.contactDueAt && (
          <Row label={t('ui.lifecycle.contact.due')}>
            <DeadlineText dueAt={p.contactDueAt} doneAt={p.contactedAt} testId="contact-due" />
          </Row>
        )}
        {p.followUpDueAt && (
          <Row label={t('ui.lifecycle.progress.followUpDue')}>
            <DeadlineText dueAt={p.followUpDueAt} doneAt={p.followedUpAt ?? (open ? null : p.closedAt)} testId="follow-up-due" />
          </Row>
        )}
      </Stack>
    </Paper>
  );
}
