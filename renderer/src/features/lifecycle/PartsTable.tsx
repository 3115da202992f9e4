import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartUsed } from '../../../../shared/domain/ticket';
import { quantityText } from '../../components/quantity';

/** The parts used on the ticket so far, read-only. */
export function PartsTable({ parts }: { parts: PartUsed[] }) {
  const { t } = useTranslation();
  if (parts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.lifecycle.service.noParts')}
      </Text>
    );
  return (
    <Table verticalSpacing={4} fz="sm" striped data-testid="parts-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.lifecycle.service.partName')}</Table.Th>
          <Table.Th>{t('ui.lifecycle.service.partModel')}</Table.Th>
          <Table.Th ta="right">{t('ui.lifecycle.service.quantity')}</Table.Th>
          <Table.Th>{t('ui.lifecycle.service.serial')}</Table.Th>
          <Table.Th>{t('ui.lifecycle.service.oldPartRecovered')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parts.map((p) => (
          <Table.Tr key={p.id} data-testid="part-used">
            <Table.Td>{p.partName}</Table.Td>
            <Table.Td>{p.partModel}</Table.Td>
            <Table.Td ta="right" data-testid="part-used-quantity">{quantityText(t, p.quantity, p.unit)}</Table.Td>
            <Table.Td style={{ fontFamily: 'monospace' }}>{p.serial}</Table.Td>
            <Table.Td>{t(p.oldPartRecovered ? 'ui.common.yes' : 'ui.common.no')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
