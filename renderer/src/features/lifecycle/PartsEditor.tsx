import { ActionIcon, Button, Checkbox, NumberInput, Table, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/translate-problems';

export interface PartDraft {
  partName: string;
  partModel: string;
  quantity: number;
  serial: string;
  oldPartRecovered: boolean;
}

export const EMPTY_PART: PartDraft = { partName: '', partModel: '', quantity: 1, serial: '', oldPartRecovered: false };

interface Props {
  parts: PartDraft[];
  onChange: (parts: PartDraft[]) => void;
  errors: FieldErrors;
}

/** The parts used in this visit, one row each; "add part" appends an empty row. */
export function PartsEditor({ parts, onChange, errors }: Props) {
  const { t } = useTranslation();
  const set = (i: number, next: Partial<PartDraft>) => onChange(parts.map((p, j) => (j === i ? { ...p, ...next } : p)));
  const err = (i: number, f: string) => errors[`parts.${i}.${f}`];
  return (
    <>
      <Table verticalSpacing={4} fz="sm" data-testid="parts-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.lifecycle.service.partName')}</Table.Th>
            <Table.Th>{t('ui.lifecycle.service.partModel')}</Table.Th>
            <Table.Th w={90}>{t('ui.lifecycle.service.quantity')}</Table.Th>
            <Table.Th>{t('ui.lifecycle.service.serial')}</Table.Th>
            <Table.Th w={90}>{t('ui.lifecycle.service.oldPartRecovered')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.map((p, i) => (
            <Table.Tr key={i} data-testid="part-row">
              <Table.Td>
                <TextInput size="xs" value={p.partName} onChange={(e) => set(i, { partName: e.currentTarget.value })} error={err(i, 'partName')} aria-label={t('ui.lifecycle.service.partName')} data-testid="part-name" />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={p.partModel} onChange={(e) => set(i, { partModel: e.currentTarget.value })} error={err(i, 'partModel')} aria-label={t('ui.lifecycle.service.partModel')} data-testid="part-model" />
              </Table.Td>
              <Table.Td>
                <NumberInput size="xs" min={1} max={999} allowDecimal={false} value={p.quantity} onChange={(v) => set(i, { quantity: Number(v) || 0 })} error={err(i, 'quantity')} aria-label={t('ui.lifecycle.service.quantity')} data-testid="part-quantity" />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={p.serial} onChange={(e) => set(i, { serial: e.currentTarget.value })} error={err(i, 'serial')} aria-label={t('ui.lifecycle.service.serial')} data-testid="part-serial" />
              </Table.Td>
              <Table.Td>
                <Checkbox checked={p.oldPartRecovered} onChange={(e) => set(i, { oldPartRecovered: e.currentTarget.checked })} aria-label={t('ui.lifecycle.service.oldPartRecovered')} data-testid="part-recovered" />
              </Table.Td>
              <Table.Td>
                <ActionIcon variant="subtle" color="red" onClick={() => onChange(parts.filter((_, j) => j !== i))} aria-label={t('ui.lifecycle.service.removePart')} data-skip-enter>
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...parts, EMPTY_PART])} w="fit-content" data-testid="add-part">
        {t('ui.lifecycle.service.addPart')}
      </Button>
    </>
  );
}
