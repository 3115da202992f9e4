import { useLayoutEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, NumberInput, Select, Table, TextInput } from '@mantine/core';
import { IconPackage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PART_UNITS, type Part, type PartUnit } from '../../../../shared/domain/parts';
import { QUANTITY_INPUT, quantityText } from '../../components/quantity';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { TypeAhead } from '../../components/TypeAhead';
import type { FieldErrors } from '../../components/translate-problems';

export interface PartDraft {
  partName: string;
  partModel: string;
  /** In the unit's decimals: 0.8 (kg) stays 0.8. */
  quantity: number;
  unit: PartUnit;
  serial: string;
  oldPartRecovered: boolean;
  /** The old part's serial, when recovered: it goes with it into defective stock. */
  oldSerial: string;
  /** A catalogue part, issued from stock when the record is saved. */
  partId: number | null;
}

/** What the form shows beside a catalogue part: stock on hand and whether it needs a serial. */
export interface StockHint {
  onHand: number;
  serialTracked: boolean;
}

export const EMPTY_PART: PartDraft = { partName: '', partModel: '', quantity: 1, unit: 'pcs', serial: '', oldPartRecovered: false, oldSerial: '', partId: null };

interface Props {
  parts: PartDraft[];
  onChange: (parts: PartDraft[]) => void;
  errors: FieldErrors;
}

/** The parts used in this visit, one row each; "add part" appends an empty row. */
export function PartsEditor({ parts, onChange, errors }: Props) {
  const { t } = useTranslation();
  const catalogue = useApi('parts.list', { limit: 500 });
  const [query, setQuery] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [picked, setPicked] = useState(new Map<number, StockHint>());
  const hints = new Map<number, StockHint>([...picked, ...(catalogue.data ?? []).map((p): [number, StockHint] => [p.id, { onHand: p.onHand, serialTracked: p.serialTracked }])]);
  // Scans answer out of order with renders (two scans, then both lookups return): each adds to the rows as
  // they are by then, not as they were when its Enter was pressed.
  const latest = useRef(parts);
  useLayoutEffect(() => {
    latest.current = parts;
  }, [parts]);
  function add(part: Part) {
    setQuery('');
    setNotFound(null);
    setPicked((before) => new Map(before).set(part.id, { onHand: part.onHand, serialTracked: part.serialTracked }));
    latest.current = [...latest.current, { partName: part.name, partModel: part.partNo, quantity: 1, unit: part.unit, serial: '', oldPartRecovered: false, oldSerial: '', partId: part.id }];
    onChange(latest.current);
  }
  const set = (i: number, next: Partial<PartDraft>) => onChange(parts.map((p, j) => (j === i ? { ...p, ...next } : p)));
  const err = (i: number, f: string) => errors[`parts.${i}.${f}`];
  /** A scanner types the whole part number and Enter before any list shows: look it up exactly. */
  async function scanned(text: string) {
    const partNo = text.trim();
    if (!partNo) return;
    const r = await call('parts.get', { partNo });
    if (r.ok && r.value.active) add(r.value);
    else setNotFound(partNo);
  }
  return (
    <>
      {/* Enter in the picker stays there (the next scan follows), instead of moving to the next field. */}
      <Group
        gap="xs"
        align="flex-end"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.ctrlKey) e.preventDefault();
        }}
      >
        <div style={{ width: 420 }}>
          <TypeAhead<Part>
            label={t('ui.lifecycle.service.fromStock')}
            testId="part-from-stock"
            value={query}
            onChange={(q) => {
              setQuery(q);
              setNotFound(null);
            }}
            load={async (q) => {
              const r = await call('parts.list', { q, limit: 10 });
              return r.ok ? r.value : [];
            }}
            selectFirst
            keyOf={(p) => String(p.id)}
            render={(p) => t('ui.lifecycle.service.catalogueOption', { partNo: p.partNo, name: p.name, n: p.onHand })}
            onPick={add}
            onEnter={(text) => void scanned(text)}
            error={notFound ? t('ui.parts.notFound', { partNo: notFound }) : undefined}
          />
        </div>
        <IconPackage size={18} style={{ marginBottom: 8 }} color="gray" />
      </Group>
      <Table verticalSpacing={4} fz="sm" data-testid="parts-editor">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.lifecycle.service.partName')}</Table.Th>
            <Table.Th>{t('ui.lifecycle.service.partModel')}</Table.Th>
            <Table.Th w={170}>{t('ui.lifecycle.service.quantity')}</Table.Th>
            <Table.Th>{t('ui.lifecycle.service.serial')}</Table.Th>
            <Table.Th w={90}>{t('ui.lifecycle.service.oldPartRecovered')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.map((p, i) => (
            <Table.Tr key={i} data-testid="part-row">
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <TextInput size="xs" style={{ flex: 1 }} readOnly={p.partId !== null} value={p.partName} onChange={(e) => set(i, { partName: e.currentTarget.value })} error={err(i, 'partName')} aria-label={t('ui.lifecycle.service.partName')} data-testid="part-name" />
                  {p.partId !== null && (
                    <Badge size="sm" variant="light" color={(hints.get(p.partId)?.onHand ?? 0) < p.quantity ? 'red' : 'teal'} data-testid="part-stock">
                      {t('ui.lifecycle.service.onHand', { n: quantityText(t, hints.get(p.partId)?.onHand ?? 0, p.unit) })}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" readOnly={p.partId !== null} value={p.partModel} onChange={(e) => set(i, { partModel: e.currentTarget.value })} error={err(i, 'partModel')} aria-label={t('ui.lifecycle.service.partModel')} data-testid="part-model" />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <NumberInput size="xs" w={80} min={0} max={999} {...QUANTITY_INPUT} value={p.quantity} onChange={(v) => set(i, { quantity: Number(v) || 0 })} error={err(i, 'quantity')} aria-label={t('ui.lifecycle.service.quantity')} data-testid="part-quantity" />
                  {p.partId !== null ? (
                    <Badge size="sm" variant="default" mt={4} data-testid="part-unit">
                      {t(`partUnit.${p.unit}`)}
                    </Badge>
                  ) : (
                    <Select size="xs" w={72} data={PART_UNITS.map((u) => ({ value: u, label: t(`partUnit.${u}`) }))} value={p.unit} allowDeselect={false} onChange={(v) => v && set(i, { unit: v as PartUnit })} aria-label={t('ui.parts.unit')} data-testid="part-unit-select" />
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" required={p.partId !== null && hints.get(p.partId)?.serialTracked} value={p.serial} onChange={(e) => set(i, { serial: e.currentTarget.value })} error={err(i, 'serial')} aria-label={t('ui.lifecycle.service.serial')} data-testid="part-serial" />
              </Table.Td>
              <Table.Td>
                <Checkbox checked={p.oldPartRecovered} onChange={(e) => set(i, { oldPartRecovered: e.currentTarget.checked })} aria-label={t('ui.lifecycle.service.oldPartRecovered')} data-testid="part-recovered" />
                {p.oldPartRecovered && (
                  <TextInput size="xs" mt={4} placeholder={t('ui.lifecycle.service.oldSerial')} aria-label={t('ui.lifecycle.service.oldSerial')} value={p.oldSerial} onChange={(e) => set(i, { oldSerial: e.currentTarget.value })} error={err(i, 'oldSerial')} data-testid="part-old-serial" />
                )}
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
