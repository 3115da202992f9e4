import { useState } from 'react';
import { Badge, Group, Radio, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moveInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';

/** The supervisor picks an engineer, seeing each one's product lines and open workload. */
export function DispatchForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const engineers = useApi('users.engineers', {});
  const models = useApi('models.list', {});
  const line = models.data?.find((m) => m.id === ticket.model?.id)?.productLine ?? null;
  const [picked, setPicked] = useState<string>(ticket.progress.assignedTo ? String(ticket.progress.assignedTo.id) : '');
  // Matching engineers first, then the least busy.
  const rows = [...(engineers.data ?? [])].sort((a, b) => Number(line !== null && b.productLines.includes(line)) - Number(line !== null && a.productLines.includes(line)) || a.openTickets - b.openTickets);

  function submit() {
    const input = { id: ticket.id, version: ticket.version, move: 'dispatch' as const, engineerId: Number(picked) };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t('ui.lifecycle.move.dispatch'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.move.dispatch')} testId="dispatch-form" size="lg" busy={runner.busy} error={runner.error ?? (engineers.error?.message ?? null)} onSubmit={submit} onClose={onClose}>
      {line && (
        <Text size="sm" data-testid="dispatch-line">
          {t('ui.lifecycle.dispatch.modelLine', { line })}
        </Text>
      )}
      {ticket.progress.visitAddress && (
        <Text size="sm" data-testid="dispatch-address">
          {t('ui.lifecycle.progress.visitAddress')} · {ticket.progress.visitAddress}
        </Text>
      )}
      <Radio.Group value={picked} onChange={setPicked} error={runner.fields.engineerId ? t('ui.lifecycle.dispatch.pick') : undefined}>
        <Table verticalSpacing={6} fz="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.lifecycle.dispatch.engineer')}</Table.Th>
              <Table.Th>{t('ui.lifecycle.dispatch.lines')}</Table.Th>
              <Table.Th ta="right">{t('ui.lifecycle.dispatch.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e, i) => {
              const match = line !== null && e.productLines.includes(line);
              return (
                <Table.Tr key={e.id} bg={match ? 'teal.0' : undefined} data-testid="dispatch-engineer" data-match={match ? 'yes' : 'no'} onClick={() => setPicked(String(e.id))} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Radio value={String(e.id)} label={e.displayName} data-autofocus={i === 0 || undefined} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {e.productLines.map((l) => (
                        <Badge key={l} size="sm" variant={l === line ? 'filled' : 'light'} color={l === line ? 'teal' : 'gray'}>
                          {l}
                        </Badge>
                      ))}
                      {match && (
                        <Text size="xs" c="teal.8">
                          {t('ui.lifecycle.dispatch.match')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{e.openTickets}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Radio.Group>
    </ActionModal>
  );
}
