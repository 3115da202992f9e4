import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeeCalc, LineInput } from '../../../../shared/domain/fees';
import { formatMoney } from '../../../../shared/domain/money';
import { lineTitle, quantityText } from './fee-draft';

/** A saved quote's or bill's lines with who pays each, and its totals (read-only). */
export function FeeLinesView({ lines, calc, taxLabel }: { lines: LineInput[]; calc: FeeCalc; taxLabel: string }) {
  const { t } = useTranslation();
  const total = (label: string, fen: number, testId?: string, strong = false) => (
    <Table.Tr>
      <Table.Td colSpan={3} ta="right">
        <Text size="sm" fw={strong ? 700 : 400}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right" colSpan={2}>
        <Text size="sm" fw={strong ? 700 : 500} data-testid={testId}>
          {formatMoney(fen)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table verticalSpacing={2} horizontalSpacing={6} withTableBorder fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.fees.calc.item')}</Table.Th>
          <Table.Th>{t('ui.fees.calc.quantity')}</Table.Th>
          <Table.Th />
          <Table.Th ta="right">{t('ui.fees.calc.amount')}</Table.Th>
          <Table.Th>{t('ui.fees.calc.coverage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {calc.lines.map((line, i) => (
          <Table.Tr key={i}>
            <Table.Td>
              {lineTitle(t, lines[i], line)}
              {line.overrideReason && (
                <Text size="xs" c="dimmed">
                  {line.overrideReason}
                </Text>
              )}
            </Table.Td>
            <Table.Td colSpan={2}>{quantityText(t, lines[i], line, formatMoney)}</Table.Td>
            <Table.Td ta="right">{formatMoney(line.amountFen)}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="light" color={line.covered ? 'teal' : 'orange'} tt="none">
                {line.covered ? t('ui.fees.calc.covered') : t('ui.fees.calc.charged')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
        {calc.coveredFen > 0 && total(t('ui.fees.calc.coveredTotal'), calc.coveredFen)}
        {calc.discountFen > 0 && total(t('ui.fees.calc.discount'), calc.discountFen)}
        {calc.taxFen > 0 && total(taxLabel, calc.taxFen)}
        {total(t('ui.fees.calc.total'), calc.totalFen, 'lines-total', true)}
      </Table.Tbody>
    </Table>
  );
}
