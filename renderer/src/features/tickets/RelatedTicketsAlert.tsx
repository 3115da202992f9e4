/**
 * No double tickets: the intake form's warning when the phone, serial or device typed has an open ticket
 * (or one closed in the last 30 days). The clerk opens it, notes the call on it instead of registering
 * ("客户再次来电"), or registers a new ticket with a reason.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RelatedTicket } from '../../../../shared/domain/related';
import { call } from '../../api/call';
import { formatDateTime } from '../../components/format-time';
import { StatusBadge } from '../../components/StatusBadge';
import { useSession } from '../auth/session-context';

interface Props {
  related: RelatedTicket[];
  /** What the clerk typed as the fault: the note starts with it. */
  faultDescription: string;
  reason: string;
  reasonError?: string;
  onReason: (reason: string) => void;
  /** The note was saved on that ticket: the intake ends without a new ticket. */
  onNoted: (ticket: RelatedTicket) => void;
}

export function RelatedTicketsAlert({ related, faultDescription, reason, reasonError, onReason, onNoted }: Props) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const [noting, setNoting] = useState<RelatedTicket | null>(null);
  const [wantsNew, setWantsNew] = useState(false);
  const showReason = wantsNew || reason !== '' || reasonError !== undefined;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('ui.history.related.title')} py="xs" data-testid="related-tickets">
      <Stack gap={6}>
        {related.map((r) => (
          <Group key={r.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="related-ticket">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/tickets/${r.id}`} size="sm" fw={600} title={t('ui.history.related.open')} data-testid="related-open" data-skip-enter>
                {r.number}
              </Anchor>
              <StatusBadge status={r.status} />
              {r.matches.map((m) => (
                <Badge key={m} size="xs" color="orange" variant="light">
                  {t(`ui.history.related.match.${m}`)}
                </Badge>
              ))}
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(r.reportedAt, i18n.language, timeZone)}
                {r.closedAt && ` · ${t('ui.history.related.closedOn', { date: formatDateTime(r.closedAt, i18n.language, timeZone).slice(0, 10) })}`}
              </Text>
              <Text size="xs" truncate>
                {r.customerName} · {r.faultSummary}
              </Text>
            </Group>
            <Button size="compact-xs" variant="light" color="orange" onClick={() => setNoting(r)} data-skip-enter data-testid="related-add-note">
              {t('ui.history.related.addNote')}
            </Button>
          </Group>
        ))}
        {noting && <NoteForm ticket={noting} faultDescription={faultDescription} onCancel={() => setNoting(null)} onSaved={() => onNoted(noting)} />}
        {!noting && (
          <Group align="flex-end" gap="xs">
            {!showReason && (
              <Button size="compact-sm" variant="default" onClick={() => setWantsNew(true)} data-skip-enter data-testid="related-register-new">
                {t('ui.history.related.registerNew')}
              </Button>
            )}
            {showReason && (
              <TextInput
                size="xs"
                w={420}
                label={t('ui.history.related.reason')}
                placeholder={t('ui.history.related.reasonPlaceholder')}
                value={reason}
                onChange={(e) => onReason(e.currentTarget.value)}
                error={reasonError}
                autoFocus={wantsNew}
                data-testid="duplicate-reason"
              />
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function NoteForm({ ticket, faultDescription, onCancel, onSaved }: { ticket: RelatedTicket; faultDescription: string; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState(() => [t('ui.history.related.noteDefault'), faultDescription.trim()].filter(Boolean).join('：'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const r = await call('tickets.calledAgain', { id: ticket.id, note: note.trim() });
    setBusy(false);
    if (r.ok) onSaved();
    else setError(r.error.fields?.note ?? r.error.message);
  }
  return (
    <Stack gap={4} data-testid="related-note-form">
      <Textarea
        size="xs"
        autosize
        minRows={2}
        maxRows={5}
        label={t('ui.history.related.noteLabel', { number: ticket.number })}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={error}
        autoFocus
        data-testid="related-note"
      />
      <Group gap="xs" justify="flex-end">
        <Button size="compact-sm" variant="default" onClick={onCancel} data-skip-enter>
          {t('ui.common.cancel')}
        </Button>
        <Button size="compact-sm" color="orange" onClick={() => void save()} loading={busy} disabled={!note.trim()} data-skip-enter data-testid="related-note-save">
          {t('ui.history.related.noteSave')}
        </Button>
      </Group>
    </Stack>
  );
}
