/** Adds a product model or corrects one: code, name, product line, warranty months, active flag. */
import { useState } from 'react';
import { Alert, Autocomplete, Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { modelFields, modelUpdateInput } from '../../../../shared/api/master-data.schema';
import type { ProductModel } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';

interface Props {
  model: ProductModel | null;
  productLines: string[];
  onClose: () => void;
  onDone: (saved: ProductModel) => void;
}

export function ModelFormModal({ model, productLines, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    code: model?.code ?? '',
    name: model?.name ?? '',
    productLine: model?.productLine ?? '',
    warrantyMonths: model?.warrantyMonths ?? 12,
    active: model?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const input = model ? { ...form, id: model.id, version: model.version } : form;
    const problems = checkInput(model ? modelUpdateInput : modelFields, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = model ? await call('models.update', { ...form, id: model.id, version: model.version }) : await call('models.create', form);
    setBusy(false);
    if (r.ok) return onDone(r.value);
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Modal opened onClose={onClose} size="lg" title={model ? t('ui.masterData.models.editTitle', { code: model.code }) : t('ui.masterData.models.createTitle')}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="model-form">
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.masterData.models.code')} required value={form.code} error={errors.code} onChange={(e) => setForm({ ...form, code: e.currentTarget.value })} data-autofocus data-testid="model-form-code" />
          <TextInput label={t('ui.masterData.models.name')} required value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} data-testid="model-form-name" />
          <Autocomplete
            label={t('ui.masterData.models.productLine')}
            description={t('ui.masterData.models.productLineHint')}
            required
            data={productLines}
            value={form.productLine}
            error={errors.productLine}
            onChange={(productLine) => setForm({ ...form, productLine })}
            data-testid="model-form-line"
          />
          <NumberInput
            label={t('ui.masterData.models.warrantyMonths')}
            description=" "
            required
            min={0}
            max={240}
            allowDecimal={false}
            value={form.warrantyMonths}
            error={errors.warrantyMonths}
            onChange={(v) => setForm({ ...form, warrantyMonths: typeof v === 'number' ? v : Number(v) || 0 })}
            data-testid="model-form-months"
          />
        </SimpleGrid>
        <Checkbox label={t('ui.masterData.models.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} data-testid="model-form-active" />
        {!form.active && (
          <Text size="xs" c="dimmed">
            {t('ui.masterData.models.inactiveHint')}
          </Text>
        )}
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="model-form-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
