import { useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceHit, ProductModel } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { TypeAhead } from '../../components/TypeAhead';
import { WarrantyBadge } from '../../components/WarrantyBadge';
import type { FieldErrors } from '../../components/translate-problems';
import type { IntakeDraft } from './intake-draft';
import { DateField } from '../../components/DateField';

interface Props {
  draft: IntakeDraft;
  errors: FieldErrors;
  models: ProductModel[];
  patch: (p: Partial<IntakeDraft>) => void;
  onPicked: () => void;
}

async function searchDevices(q: string): Promise<DeviceHit[]> {
  const r = await call('devices.search', { q, limit: 8 });
  return r.ok ? r.value : [];
}

export function DeviceSection({ draft, errors, models, patch, onPicked }: Props) {
  const { t } = useTranslation();
  const [unknown, setUnknown] = useState(false);
  const modelRef = useRef<HTMLInputElement>(null);
  const pick = (d: DeviceHit) => {
    setUnknown(false);
    patch({ device: d, serial: d.serial, modelId: d.modelId, registerDevice: false });
    onPicked();
  };

  /** The scanner's Enter: an exact serial picks its device; an unknown serial moves on to its model. */
  async function lookUp(serial: string) {
    const s = serial.trim();
    if (!s) return;
    const hits = await searchDevices(s);
    const exact = hits.find((h) => h.serial.toUpperCase() === s.toUpperCase());
    if (exact) pick(exact);
    else {
      setUnknown(true);
      modelRef.current?.focus();
    }
  }

  if (draft.device) {
    const d = draft.device;
    return (
      <Paper withBorder p="xs" bg="blue.0" data-testid="picked-device">
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {d.serial} · {d.modelName}
            </Text>
            <WarrantyBadge status={d.warrantyStatus} />
            {d.customerName && (
              <Text size="xs" c="dimmed">
                {t('ui.intake.deviceOwner', { name: d.customerName })}
              </Text>
            )}
          </Group>
          <Button size="compact-xs" variant="subtle" onClick={() => patch({ device: null, serial: '', modelId: null })}>
            {t('ui.intake.changeDevice')}
          </Button>
        </Group>
      </Paper>
    );
  }
  const modelError = errors.modelId ?? errors['newDevice.modelId'];
  return (
    <>
      <SimpleGrid cols={2} spacing="xs">
        <TypeAhead
          label={t('ui.intake.serial')}
          placeholder={t('ui.intake.serialPlaceholder')}
          testId="serial-input"
          value={draft.serial}
          onChange={(serial) => {
            setUnknown(false);
            patch({ serial });
          }}
          error={errors.serial ?? errors['newDevice.serial']}
          load={searchDevices}
          keyOf={(d) => String(d.id)}
          render={(d) => `${d.serial}  ${d.modelCode}${d.customerName ? ` · ${d.customerName}` : ''}`}
          onPick={pick}
          onEnter={(s) => void lookUp(s)}
        />
        <Select
          ref={modelRef}
          label={t('ui.intake.model')}
          placeholder={t('ui.intake.modelPlaceholder')}
          // A deactivated model is not offered for new tickets (a device already of it keeps it).
          data={models.filter((m) => m.active || m.id === draft.modelId).map((m) => ({ value: String(m.id), label: `${m.code} · ${m.name}` }))}
          value={draft.modelId === null ? null : String(draft.modelId)}
          onChange={(v) => patch({ modelId: v === null ? null : Number(v) })}
          error={modelError}
          searchable
          clearable
          data-testid="model-select"
        />
      </SimpleGrid>
      {unknown && !draft.registerDevice && (
        <Alert color="yellow" py={6} mt="xs" data-testid="unknown-serial">
          {t('ui.intake.unknownSerial')}
        </Alert>
      )}
      {draft.serial.trim() !== '' && (
        <Group mt="xs" align="flex-end">
          <Checkbox
            label={t('ui.intake.registerDevice')}
            checked={draft.registerDevice}
            onChange={(e) => patch({ registerDevice: e.currentTarget.checked })}
            data-testid="register-device"
          />
          {draft.registerDevice && (
            <DateField
              size="xs"
              label={t('ui.intake.purchaseDate')}
              value={draft.purchaseDate}
              onChange={(value) => patch({ purchaseDate: value })}
              error={errors['newDevice.purchaseDate']}
              data-testid="purchase-date"
            />
          )}
        </Group>
      )}
    </>
  );
}
