/** The supervisor's correction of a device's warranty dates, with the reason the audit trail keeps. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { warrantyCorrectionInput } from '../../../../shared/api/master-data.schema';
import type { Device } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { DateField } from '../../components/DateField';

export function WarrantyCorrectionModal({ device, onClose, onDone }: { device: Device; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ purchaseDate: device.purchaseDate ?? '', installDate: device.installDate ?? '', warrantyEnd: device.warrantyEnd ?? '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = (v: string) => (v === '' ? null : v);

  async function save() {
    const input = { id: device.id, version: device.version, purchaseDate: date(form.purchaseDate), installDate: date(form.installDate), warrantyEnd: date(form.warrantyEnd), reason: form.reason };
    const problems = checkInput(warrantyCorrectionInput, input, t);
    setErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    const r = await call('devices.correctWarranty', input);
    setBusy(false);
    if (r.ok) return onDone();
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  const dateField = (key: 'purchaseDate' | 'installDate' | 'warrantyEnd', extra: { description?: string; testId: string; autoFocus?: boolean }) => (
    <DateField
      label={t(`ui.masterData.device.${key}`)}
      description={extra.description}
      value={form[key]}
      error={errors[key]}
      data-autofocus={extra.autoFocus || undefined}
      onChange={(value) => setForm({ ...form, [key]: value })}
      data-testid={extra.testId}
    />
  );
  return (
    <Modal opened onClose={onClose} size="lg" title={t('ui.masterData.device.correctTitle', { serial: device.serial })}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="warranty-form">
        <Text size="xs" c="dimmed">
          {t('ui.masterData.device.correctHint')}
        </Text>
        <SimpleGrid cols={3} spacing="xs">
          {dateField('purchaseDate', { testId: 'warranty-purchase', autoFocus: true })}
          {dateField('installDate', { testId: 'warranty-install' })}
          {dateField('warrantyEnd', { testId: 'warranty-end' })}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('ui.masterData.device.warrantyEndHint')}
        </Text>
        <Textarea
          label={t('ui.masterData.device.reason')}
          placeholder={t('ui.masterData.device.reasonPlaceholder')}
          required
          autosize
          minRows={2}
          value={form.reason}
          error={errors.reason}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
          data-testid="warranty-reason"
        />
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="warranty-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
