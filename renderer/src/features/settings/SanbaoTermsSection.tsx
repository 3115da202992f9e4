/** 三包 terms per product line (issue 19): return and exchange windows, whole-unit and main-part warranty, repairs before exchange. */
import { Button, CloseButton, Group, NumberInput, Paper, Stack, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANY_LINE, type SanbaoTerms } from '../../../../shared/domain/sanbao';
import type { FieldErrors } from '../../components/translate-problems';
import { SectionTitle } from '../../components/SectionTitle';

interface Props {
  value: SanbaoTerms[];
  errors: FieldErrors;
  onChange: (v: SanbaoTerms[]) => void;
}

const NUMBERS = ['returnDays', 'exchangeDays', 'wholeUnitMonths', 'mainPartMonths', 'repairsForExchange'] as const;

export function SanbaoTermsSection({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<SanbaoTerms>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const base = value.find((l) => l.productLine === ANY_LINE) ?? value[0];
  return (
    <Paper withBorder p="sm" data-testid="sanbao-terms">
      <SectionTitle title={t('ui.sanbao.settingsTitle')} hint={t('ui.sanbao.settingsHint')} />
      <Stack gap="xs">
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.sanbao.productLine')}</Table.Th>
              {NUMBERS.map((k) => (
                <Table.Th key={k}>{t(`ui.sanbao.${k}`)}</Table.Th>
              ))}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((line, i) => (
              <Table.Tr key={i} data-testid="sanbao-terms-row">
                <Table.Td>
                  <TextInput
                    size="xs"
                    w={120}
                    value={line.productLine}
                    readOnly={line.productLine === ANY_LINE}
                    error={errors[`sanbao.${i}.productLine`] ?? (i === 0 ? errors.sanbao : undefined)}
                    onChange={(e) => set(i, { productLine: e.currentTarget.value })}
                    aria-label={t('ui.sanbao.productLine')}
                    data-testid={`sanbao-line-${i}`}
                  />
                </Table.Td>
                {NUMBERS.map((k) => (
                  <Table.Td key={k}>
                    <NumberInput
                      size="xs"
                      w={90}
                      min={0}
                      allowDecimal={false}
                      value={line[k]}
                      error={errors[`sanbao.${i}.${k}`]}
                      onChange={(n) => set(i, { [k]: typeof n === 'number' ? n : Number(n) || 0 })}
                      aria-label={t(`ui.sanbao.${k}`)}
                      data-testid={`sanbao-${k}-${i}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td>{line.productLine !== ANY_LINE && <CloseButton aria-label={t('ui.sanbao.removeLine')} onClick={() => onChange(value.filter((_, j) => j !== i))} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button size="xs" variant="default" onClick={() => base && onChange([...value, { ...base, productLine: '' }])} data-testid="sanbao-add-line">
            {t('ui.sanbao.addLine')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
