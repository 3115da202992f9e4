import { Badge, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { quantityText } from '../../components/quantity';
import { Link } from 'react-router';
import type { Part } from '../../../../shared/domain/parts';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';

/** A part's stock movements, newest first, with the running figure on hand. */
export function MovementsModal({ part, onClose }: { part: Part; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const moves = useApi('stock.movements', { partId: part.id, limit: 200 });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('ui.parts.movementsTitle', { partNo: part.partNo, name: part.name })}>
      {moves.data?.length === 0 && <Text size="sm" c="dimmed">{t('ui.parts.noMovements')}</Text>}
      {(moves.data?.length ?? 0) > 0 && (
        <Table striped verticalSpacing={4} fz="sm" data-testid="movements-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.parts.at')}</Table.Th>
              <Table.Th>{t('ui.parts.kind')}</Table.Th>
              <Table.Th ta="right">{t('ui.parts.change')}</Table.Th>
              <Table.Th ta="right">{t('ui.parts.after')}</Table.Th>
              <Table.Th>{t('ui.parts.serial')}</Table.Th>
              <Table.Th>{t('ui.parts.ticket')}</Table.Th>
              <Table.Th>{t('ui.parts.by')}</Table.Th>
              <Table.Th>{t('ui.parts.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {moves.data!.map((m) => (
              <Table.Tr key={m.id} data-testid="movement-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.at, i18n.language, timeZone)}</Table.Td>
                <Table.Td>
                  {t(`stockKind.${m.kind}`)}
                  {m.override && <Badge ml={4} size="xs" color="red">{t('ui.parts.overridden')}</Badge>}
                </Table.Td>
                <Table.Td ta="right" c={m.delta < 0 ? 'red' : undefined}>{m.delta > 0 ? `+${m.delta}` : m.delta}</Table.Td>
                <Table.Td ta="right">{quantityText(t, m.onHandAfter, m.unit)}</Table.Td>
                <Table.Td ff="monospace">{m.serial}</Table.Td>
                <Table.Td>{m.ticket && <Link to={`/tickets/${m.ticket.id}`}>{m.ticket.number}</Link>}</Table.Td>
                <Table.Td>{m.actorName}</Table.Td>
                <Table.Td>{m.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
