import { useState } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { WRITERS } from '../../../../shared/domain/knowledge';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

const RESOLVED = ['accepted', 'follow_up', 'closed'];

/** On a ticket: the knowledge articles whose self-check steps were attached, and "turn this ticket into an article" once resolved. */
export function TicketKnowledgePanel({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const linked = useApi('knowledge.linked', { ticketId: ticket.id });
  useChangeEvents(linked.reload);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canWrite = WRITERS.includes(user.role) && RESOLVED.includes(ticket.status);

  async function toArticle() {
    setBusy(true);
    const r = await call('knowledge.fromTicket', { ticketId: ticket.id });
    setBusy(false);
    if (r.ok) void navigate(`/knowledge/${r.value.id}/edit`);
    else setError(r.error.message);
  }

  const list = linked.data ?? [];
  if (list.length === 0 && !canWrite) return null;
  return (
    <Paper withBorder p="sm" data-testid="ticket-knowledge">
      <SectionTitle title={t('ui.knowledge.selfCheckOnTicket')} />
      <Stack gap="xs">
        {list.map((a) => (
          <div key={a.id} data-testid="linked-article">
            <Anchor component={Link} to={`/knowledge/${a.id}`} size="sm" fw={600}>
              {a.title}
            </Anchor>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="linked-self-check">
              {a.selfCheck || t('ui.knowledge.noSelfCheck')}
            </Text>
          </div>
        ))}
        {canWrite && (
          <Button variant="light" leftSection={<IconBook size={16} />} loading={busy} onClick={() => void toArticle()} data-testid="ticket-to-article">
            {t('ui.knowledge.turnIntoArticle')}
          </Button>
        )}
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
