import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/domain/ticket';
import { StatusBadge } from '../../components/StatusBadge';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { DeadlineText } from './DeadlineText';

interface Props {
  rows: TicketRow[];
  loading: boolean;
  onOpen: (id: number) => void;
  /** 待回访 shows the follow-up's own due time and the phone to call; the work queues the resolve deadline and where to go. */
  followUp?: boolean;
}

const DONE = ['closed', 'cancelled', 'accepted', 'follow_up'];

/** A work queue: what to do next, with its deadline's time left (overdue in red). */
export function QueueTable({ rows, loading, onOpen, followUp = false }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="queue-table" style={{ opacity: loading ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.tickets.col.number')}</Table.Th>
            <Table.Th>{t('ui.tickets.col.customer')}</Table.Th>
            <Table.Th>{followUp ? t('ui.lifecycle.queue.phone') : t('ui.lifecycle.queue.address')}</Table.Th>
            <Table.Th>{t('ui.tickets.col.model')}</Table.Th>
            <Table.Th>{t('ui.tickets.col.urgency')}</Table.Th>
            <Table.Th>{t('ui.tickets.col.status')}</Table.Th>
            <Table.Th>{followUp ? t('ui.lifecycle.queue.followUpDue') : t('ui.lifecycle.queue.resolveDue')}</Table.Th>
            <Table.Th>{t('ui.tickets.col.fault')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} tabIndex={0} style={{ cursor: 'pointer' }} data-testid="queue-row" onClick={() => onOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && onOpen(r.id)}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{r.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.customerName}</Table.Td>
              {followUp ? (
                <Table.Td style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }} data-testid="queue-phone">
                  {r.contactPhone}
                </Table.Td>
              ) : (
                <Table.Td maw={240}>
                  <Text size="sm" lineClamp={2} data-testid="queue-address">
                    {r.address}
                  </Text>
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.modelCode ?? ''}</Table.Td>
              <Table.Td>
                <UrgencyBadge urgency={r.urgency} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {followUp ? (
                  <DeadlineText dueAt={r.followUpDueAt} testId="queue-follow-up-due" />
                ) : (
                  <DeadlineText dueAt={r.resolveDueAt} doneAt={DONE.includes(r.status) ? r.resolveDueAt : null} />
                )}
              </Table.Td>
              <Table.Td maw={240}>
                <Text size="sm" truncate="end">
                  {r.faultSummary}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text c="dimmed" ta="center" py="md" data-testid="queue-empty">
                  {t('ui.lifecycle.queue.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
