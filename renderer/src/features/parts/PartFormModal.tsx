import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { partFields, partUpdateInput } from '../../../../shared/api/parts.schema';
import { PART_UNITS, type Part, type PartUnit } from '../../../../shared/domain/parts';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { toFen, yuan } from './money';

/** Adds a part to the catalogue or corrects one (stock on hand changes only through movements). */
export function PartFormModal({ part, onClose, onDone }: { part: Part | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    partNo: part?.partNo ?? '',
    name: part?.name ?? '',
    models: part?.models ?? [],
    price: part ? yuan(part.priceFen) : '0.00',
    unit: part?.unit ?? ('pcs' as PartUnit),
    consumable: part?.consumable ?? false,
    serialTracked: part?.serialTracked ?? false,
    minStock: part?.minStock ?? 0,
    location: part?.location ?? '',
    active: part?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const { price, ...rest } = form;
    const fields = { ...rest, priceFen: toFen(price) };
    const schema = part ? partUpdateInput : partFields;
    const input = part ? { ...fields, id: part.id, version: part.version } : fields;
    const problems = checkInput(schema, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = part ? await call('parts.update', { ...fields, id: part.id, version: part.version }) : await call('parts.create', fields);
    setBusy(false);
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Modal opened onClose={onClose} size="lg" title={part ? t('ui.parts.editTitle', { partNo: part.partNo }) : t('ui.parts.createTitle')}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="part-form">
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.parts.partNo')} required value={form.partNo} error={errors.partNo} onChange={(e) => setForm({ ...form, partNo: e.currentTarget.value })} data-autofocus data-testid="part-form-no" />
          <TextInput label={t('ui.parts.name')} required value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} data-testid="part-form-name" />
          <NumberInput label={t('ui.parts.price')} min={0} decimalScale={2} fixedDecimalScale value={form.price} error={errors.priceFen} onChange={(v) => setForm({ ...form, price: String(v) })} data-testid="part-form-price" />
          <NumberInput label={t('ui.parts.minStock')} min={0} allowDecimal={false} value={form.minStock} error={errors.minStock} onChange={(v) => setForm({ ...form, minStock: Number(v) || 0 })} data-testid="part-form-min" />
          <Select label={t('ui.parts.unit')} data={PART_UNITS.map((u) => ({ value: u, label: t(`partUnit.${u}`) }))} value={form.unit} allowDeselect={false} error={errors.unit} onChange={(v) => v && setForm({ ...form, unit: v as PartUnit })} data-testid="part-form-unit" />
          <TextInput label={t('ui.parts.location')} value={form.location} error={errors.location} onChange={(e) => setForm({ ...form, location: e.currentTarget.value })} data-testid="part-form-location" />
          <TagsInput label={t('ui.parts.models')} description={t('ui.parts.modelsHint')} value={form.models} error={errors.models} onChange={(models) => setForm({ ...form, models })} data-testid="part-form-models" />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox label={t('ui.parts.consumable')} checked={form.consumable} onChange={(e) => setForm({ ...form, consumable: e.currentTarget.checked })} />
          <Checkbox label={t('ui.parts.serialTracked')} checked={form.serialTracked} onChange={(e) => setForm({ ...form, serialTracked: e.currentTarget.checked })} />
          <Checkbox label={t('ui.parts.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
        </Group>
        {message && <Alert color="red" role="alert">{message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('ui.common.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} data-testid="part-form-save">{t('ui.common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
