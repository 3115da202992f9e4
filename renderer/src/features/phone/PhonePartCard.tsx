/** One part of this visit on the phone: a stacked card instead of the desk's table row. */
import { ActionIcon, Badge, Checkbox, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PART_UNITS, type PartUnit } from '../../../../shared/domain/parts';
import { QUANTITY_INPUT, quantityText } from '../../components/quantity';
import type { FieldErrors } from '../../components/translate-problems';
import type { PartDraft } from '../lifecycle/PartsEditor';

interface Props {
  part: PartDraft;
  index: number;
  /** Stock on hand of a catalogue part. */
  onHand: number | null;
  errors: FieldErrors;
  onChange: (next: Partial<PartDraft>) => void;
  onRemove: () => void;
}

export function PhonePartCard({ part: p, index, onHand, errors, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const err = (f: string) => errors[`parts.${index}.${f}`];
  const catalogue = p.partId !== null;
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="phone-part">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <TextInput size="md" style={{ flex: 1 }} readOnly={catalogue} value={p.partName} onChange={(e) => onChange({ partName: e.currentTarget.value })} error={err('partName')} label={t('ui.lifecycle.service.partName')} data-testid="phone-part-name" />
          <ActionIcon variant="subtle" color="red" size={44} onClick={onRemove} aria-label={t('ui.lifecycle.service.removePart')}>
            <IconTrash size={20} />
          </ActionIcon>
        </Group>
        <TextInput size="md" readOnly={catalogue} value={p.partModel} onChange={(e) => onChange({ partModel: e.currentTarget.value })} error={err('partModel')} label={t('ui.lifecycle.service.partModel')} data-testid="phone-part-model" />
        {onHand !== null && (
          <Badge variant="light" color={onHand < p.quantity ? 'red' : 'teal'} tt="none" data-testid="phone-part-stock">
            {t('ui.lifecycle.service.onHand', { n: quantityText(t, onHand, p.unit) })}
          </Badge>
        )}
        <Group grow gap="xs" align="flex-start">
          <NumberInput size="md" hideControls min={0} max={999} {...QUANTITY_INPUT} value={p.quantity} onChange={(v) => onChange({ quantity: Number(v) || 0 })} error={err('quantity')} label={t('ui.lifecycle.service.quantity')} inputMode="decimal" data-testid="phone-part-quantity" />
          {catalogue ? (
            <TextInput size="md" readOnly value={t(`partUnit.${p.unit}`)} label={t('ui.parts.unit')} data-testid="phone-part-unit" />
          ) : (
            <Select size="md" data={PART_UNITS.map((u) => ({ value: u, label: t(`partUnit.${u}`) }))} value={p.unit} allowDeselect={false} onChange={(v) => v && onChange({ unit: v as PartUnit })} label={t('ui.parts.unit')} data-testid="phone-part-unit" />
          )}
        </Group>
        <TextInput size="md" value={p.serial} onChange={(e) => onChange({ serial: e.currentTarget.value })} error={err('serial')} label={t('ui.lifecycle.service.serial')} data-testid="phone-part-serial" />
        <Checkbox size="md" py={8} checked={p.oldPartRecovered} onChange={(e) => onChange({ oldPartRecovered: e.currentTarget.checked })} label={t('ui.lifecycle.service.oldPartRecovered')} data-testid="phone-part-recovered" />
      </Stack>
    </Paper>
  );
}
