/**
 * The desk's correction of a device's record: its serial (a nameplate misread), model, owner (a device sold on or
 * registered to the wrong customer) and purchase channel. The dates that decide the warranty are not here: they
 * change only through the supervisor's correction with a reason (WarrantyCorrectionModal).
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { deviceUpdateInput } from '../../../../shared/api/master-data.schema';
import type { CustomerHit, DeviceProfile } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { TypeAhead } from '../../components/TypeAhead';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { searchCustomers } from '../../api/search-customers';

export function DeviceEditModal({ profile, onClose, onDone }: { profile: DeviceProfile; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { device } = profile;
  const models = useApi('models.list', {});
  const [form, setForm] = useState({ serial: device.serial, modelId: device.modelId, purchaseChannel: device.purchaseChannel });
  const [owner, setOwner] = useState<{ id: number; name: string } | null>(profile.owner && { id: profile.owner.id, name: profile.owner.name });
  const [ownerQuery, setOwnerQuery] = useState(profile.owner?.name ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    // Text typed in the owner field but no customer picked is a mistake, not "no owner".
    if (ownerQuery.trim() !== '' && owner === null) {
      setErrors({ customerId: t('ui.masterData.device.edit.pickOwner') });
      return;
    }
    const input = {
      id: device.id, version: device.version, serial: form.serial.trim(), modelId: form.modelId, customerId: owner?.id ?? null, purchaseChannel: form.purchaseChannel,
      purchaseDate: device.purchaseDate, installDate: device.installDate, warrantyEnd: device.warrantyEnd,
    };
    const problems = checkInput(deviceUpdateInput, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = await call('devices.update', input);
    setBusy(false);
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  const modelOptions = (models.data ?? []).filter((m) => m.active || m.id === device.modelId).map((m) => ({ value: String(m.id), label: `${m.code} · ${m.name}` }));
  return (
    <Modal opened onClose={onClose} size="lg" title={t('ui.masterData.device.edit.title', { serial: device.serial })}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="device-edit-form">
        <SimpleGrid cols={2} spacing="xs">
          <TextInput
            label={t('ui.masterData.history.serial')}
            required
            value={form.serial}
            error={errors.serial}
            onChange={(e) => setForm({ ...form, serial: e.currentTarget.value })}
            data-autofocus
            data-testid="device-edit-serial"
          />
          <Select
            label={t('ui.masterData.device.model')}
            required
            searchable
            data={modelOptions}
            value={String(form.modelId)}
            allowDeselect={false}
            onChange={(v) => v && setForm({ ...form, modelId: Number(v) })}
            error={errors.modelId}
            data-testid="device-edit-model"
          />
          <TypeAhead<CustomerHit>
            label={t('ui.masterData.device.owner')}
            placeholder={t('ui.masterData.device.edit.ownerPlaceholder')}
            testId="device-edit-owner"
            value={ownerQuery}
            onChange={(q) => {
              setOwnerQuery(q);
              if (owner && q !== owner.name) setOwner(null);
            }}
            error={errors.customerId}
            load={searchCustomers}
            selectFirst
            keyOf={(c) => String(c.id)}
            render={(c) => `${c.name}  ${c.phone}${c.contactPerson ? ` · ${c.contactPerson}` : ''}`}
            onPick={(c) => {
              setOwner({ id: c.id, name: c.name });
              setOwnerQuery(c.name);
            }}
          />
          <TextInput
            label={t('ui.masterData.device.purchaseChannel')}
            value={form.purchaseChannel}
            error={errors.purchaseChannel}
            onChange={(e) => setForm({ ...form, purchaseChannel: e.currentTarget.value })}
            data-testid="device-edit-channel"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('ui.masterData.device.edit.hint')}
        </Text>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="device-edit-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
