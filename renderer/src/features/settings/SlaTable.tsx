import { Button, Group, NumberInput, Paper, Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEED_001_POLICY, SEED_002_POLICY, type ClockBasis, type SlaPolicy, type SlaTarget } from '../../../../shared/domain/sla';
import type { FieldErrors } from '../../components/translate-problems';
import { SectionTitle } from '../../components/SectionTitle';

const ROWS = ['urgent', 'important', 'normal', 'complaint'] as const;

interface Props {
  value: SlaPolicy;
  errors: FieldErrors;
  onChange: (v: SlaPolicy) => void;
}

/** Response and resolution minutes per urgency, plus the complaint target. */
export function SlaTable({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const set = (row: (typeof ROWS)[number], p: Partial<SlaTarget>) => onChange({ ...value, [row]: { ...value[row], ...p } });
  const minutes = (n: string | number) => (typeof n === 'number' ? n : Number(n) || 0);
  return (
    <Paper withBorder p="sm">
      {/* The two policies of the process documents: seed 002 (2h/4h, 4h/24h, 8h/3 working days) and seed 001 (24/48/72 h). */}
      <SectionTitle
        title={t('ui.settings.sla')}
        actions={
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => onChange(SEED_002_POLICY)} data-testid="sla-preset-002">
              {t('ui.settings.slaPreset002')}
            </Button>
            <Button size="xs" variant="default" onClick={() => onChange(SEED_001_POLICY)} data-testid="sla-preset-001">
              {t('ui.settings.slaPreset001')}
            </Button>
          </Group>
        }
      />
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('ui.settings.respond')}</Table.Th>
            <Table.Th>{t('ui.settings.resolve')}</Table.Th>
            <Table.Th>{t('ui.settings.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((row) => (
            <Table.Tr key={row}>
              <Table.Td>{row === 'complaint' ? t('ui.settings.complaint') : t(`urgency.${row}`)}</Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} value={value[row].respondMinutes} error={errors[`sla.${row}.respondMinutes`]} onChange={(n) => set(row, { respondMinutes: minutes(n) })} data-testid={`sla-${row}-respond`} />
              </Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} value={value[row].resolveMinutes} error={errors[`sla.${row}.resolveMinutes`]} onChange={(n) => set(row, { resolveMinutes: minutes(n) })} />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  allowDeselect={false}
                  value={value[row].basis}
                  onChange={(v) => v && set(row, { basis: v as ClockBasis })}
                  data={[
                    { value: 'elapsed', label: t('ui.settings.basisElapsed') },
                    { value: 'working', label: t('ui.settings.basisWorking') },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
