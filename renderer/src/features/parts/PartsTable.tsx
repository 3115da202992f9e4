import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../../shared/domain/parts';
import { formatMoney } from '../../../../shared/domain/money';
import { quantityText } from '../../components/quantity';

interface Props {
  parts: Part[];
  mayEdit: boolean;
  mayMove: boolean;
  onMove: (p: Part) => void;
  onEdit: (p: Part) => void;
  onHistory: (p: Part) => void;
}

/** Catalogue rows: on hand against minimum, a warning when low. */
export function PartsCatalogueTable({ parts, mayEdit, mayMove, onMove, onEdit, onHistory }: Props) {
  const { t } = useTranslation();
  if (parts.length === 0) return <Text size="sm" c="dimmed" p="sm">{t('ui.parts.empty')}</Text>;
  return (
    <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="parts-catalogue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.parts.partNo')}</Table.Th>
          <Table.Th>{t('ui.parts.name')}</Table.Th>
          <Table.Th>{t('ui.parts.models')}</Table.Th>
          <Table.Th>{t('ui.parts.location')}</Table.Th>
          <Table.Th ta="right">{t('ui.parts.onHand')}</Table.Th>
          <Table.Th ta="right">{t('ui.parts.minStock')}</Table.Th>
          <Table.Th ta="right">{t('ui.parts.price')}</Table.Th>
          <Table.Th>{t('ui.parts.flags')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parts.map((p) => (
          <Table.Tr key={p.id} data-testid="part-catalogue-row" data-part-no={p.partNo}>
            <Table.Td ff="monospace">{p.partNo}</Table.Td>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.models.join('、')}</Table.Td>
            <Table.Td>{p.location}</Table.Td>
            <Table.Td ta="right" fw={600} c={p.low ? 'red' : undefined} data-testid="part-onhand">{quantityText(t, p.onHand, p.unit)}</Table.Td>
            <Table.Td ta="right">{p.minStock}</Table.Td>
            <Table.Td ta="right">{formatMoney(p.priceFen)}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {p.low && <Badge size="sm" color="red" data-testid="part-low">{t('ui.parts.low')}</Badge>}
                {p.consumable && <Badge size="sm" variant="light" color="gray">{t('ui.parts.consumable')}</Badge>}
                {p.serialTracked && <Badge size="sm" variant="light">{t('ui.parts.serialTracked')}</Badge>}
                {!p.active && <Badge size="sm" variant="outline" color="gray">{t('ui.parts.inactive')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                {mayMove && <Button size="compact-xs" variant="light" onClick={() => onMove(p)} data-testid="part-move">{t('ui.parts.move')}</Button>}
                <Button size="compact-xs" variant="subtle" onClick={() => onHistory(p)} data-testid="part-history">{t('ui.parts.movements')}</Button>
                {mayEdit && <Button size="compact-xs" variant="subtle" onClick={() => onEdit(p)} data-testid="part-edit">{t('ui.common.edit')}</Button>}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
