import { useState } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { planFields, planUpdateInput } from '../../../../shared/api/maintenance.schema';
import { CHECK_KINDS, INTERVAL_UNITS, type ChecklistItem, type IntervalUnit, type MaintenancePlan } from '../../../../shared/domain/maintenance';
import type { DeviceHit } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { TypeAhead } from '../../components/TypeAhead';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { localDate } from '../../../../shared/domain/time';
import { useSession } from '../auth/session-context';
import { deskNow } from '../../api/desk-clock';
import { searchCustomers } from '../../api/search-customers';

async function searchDevices(q: string): Promise<DeviceHit[]> {
  const r = await call('devices.search', { q, limit: 8 });
  return r.ok ? r.value : [];
}


/** A maintenance plan: whose, how often (or which dates), how many days ahead, who goes, what to check. */
export function PlanEditorModal({ plan, onClose, onDone }: { plan: MaintenancePlan | null; onClose: () => void; onDone: (id: number) => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const engineers = useApi('users.engineers', {});
  const [customer, setCustomer] = useState<{ id: number; name: string } | null>(plan?.customer ?? null);
  const [customerQuery, setCustomerQuery] = useState(plan?.customer.name ?? '');
  const [device, setDevice] = useState<{ id: number; serial: string } | null>(plan?.device ?? null);
  const [deviceQuery, setDeviceQuery] = useState(plan?.device?.serial ?? '');
  const [form, setForm] = useState({
    name: plan?.name ?? '',
    project: plan?.project ?? '',
    unit: plan?.unit ?? ('month' as IntervalUnit),
    every: plan?.every ?? 1,
    startDate: plan?.startDate ?? localDate(deskNow(), timeZone),
    fixedDates: plan?.fixedDates ?? [],
    leadDays: plan?.leadDays ?? 3,
    engineerId: plan?.engineer?.id ?? null,
    active: plan?.active ?? true,
    notes: plan?.notes ?? '',
  });
  const [items, setItems] = useState<ChecklistItem[]>(plan?.checklist ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setItem = (i: number, next: Partial<ChecklistItem>) => setItems(items.map((it, j) => (j === i ? { ...it, ...next } : it)));

  function newItemId(): string {
    let n = items.length + 1;
    while (items.some((i) => i.id === `c${n}`)) n++;
    return `c${n}`;
  }

  async function save() {
    const fields = { ...form, customerId: customer?.id ?? 0, deviceId: device?.id ?? null, checklist: items };
    const problems = checkInput(plan ? planUpdateInput : planFields, plan ? { ...fields, id: plan.id, version: plan.version } : fields, t);
    setErrors(problems ?? {});
    if (problems) {
      setMessage(t('error.VALIDATION'));
      return;
    }
    setBusy(true);
    const r = plan ? await call('maintenance.plans.update', { ...fields, id: plan.id, version: plan.version }) : await call('maintenance.plans.create', fields);
    setBusy(false);
    if (r.ok) return onDone(r.value.id);
    setErrors(r.error.fields ?? {});
    setMessage(r.error.message);
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Modal opened onClose={onClose} size="xl" title={plan ? t('ui.maintenance.editTitle', { name: plan.name }) : t('ui.maintenance.createTitle')}>
      <Stack gap="xs" onKeyDown={onKeyDown} data-testid="plan-form">
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('ui.maintenance.name')} required value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} data-autofocus data-testid="plan-name" />
          <TypeAhead
            label={t('ui.maintenance.customer')}
            placeholder={t('ui.intake.customerSearchPlaceholder')}
            testId="plan-customer"
            value={customerQuery}
            onChange={(q) => {
              setCustomerQuery(q);
              if (customer && q !== customer.name) setCustomer(null);
            }}
            error={errors.customerId}
            load={searchCustomers}
            selectFirst
            keyOf={(c) => String(c.id)}
            render={(c) => `${c.name}  ${c.phone}${c.contactPerson ? ` · ${c.contactPerson}` : ''}`}
            onPick={(c) => {
              setCustomer({ id: c.id, name: c.name });
              setCustomerQuery(c.name);
            }}
          />
          <TypeAhead
            label={t('ui.maintenance.device')}
            placeholder={t('ui.maintenance.devicePlaceholder')}
            testId="plan-device"
            value={deviceQuery}
            onChange={(q) => {
              setDeviceQuery(q);
              if (device && q !== device.serial) setDevice(null);
            }}
            error={errors.deviceId}
            load={searchDevices}
            selectFirst
            keyOf={(d) => String(d.id)}
            render={(d) => `${d.serial} · ${d.modelCode}${d.customerName ? ` · ${d.customerName}` : ''}`}
            onPick={(d) => {
              setDevice({ id: d.id, serial: d.serial });
              setDeviceQuery(d.serial);
              // A device names its owner: take the customer from it when none is chosen yet.
              if (!customer && d.customerId !== null) {
                setCustomer({ id: d.customerId, name: d.customerName ?? '' });
                setCustomerQuery(d.customerName ?? '');
              }
            }}
          />
          <TextInput label={t('ui.maintenance.project')} value={form.project} error={errors.project} onChange={(e) => setForm({ ...form, project: e.currentTarget.value })} data-testid="plan-project" />
          <Select
            label={t('ui.maintenance.engineer')}
            clearable
            data={(engineers.data ?? []).map((e) => ({ value: String(e.id), label: e.displayName }))}
            value={form.engineerId === null ? null : String(form.engineerId)}
            onChange={(v) => setForm({ ...form, engineerId: v ? Number(v) : null })}
            error={errors.engineerId}
            data-testid="plan-engineer"
          />
          <Select
            label={t('ui.maintenance.interval')}
            allowDeselect={false}
            data={INTERVAL_UNITS.map((u) => ({ value: u, label: t(`ui.maintenance.unit.${u}`) }))}
            value={form.unit}
            onChange={(v) => v && setForm({ ...form, unit: v as IntervalUnit })}
            data-testid="plan-unit"
          />
          {form.unit === 'fixed' ? (
            <TagsInput label={t('ui.maintenance.fixedDates')} description={t('ui.maintenance.fixedDatesHint')} value={form.fixedDates} onChange={(fixedDates) => setForm({ ...form, fixedDates })} error={errors.fixedDates ?? errors['fixedDates.0']} data-testid="plan-fixed-dates" />
          ) : (
            <NumberInput label={t('ui.maintenance.every')} min={1} max={366} allowDecimal={false} value={form.every} onChange={(v) => setForm({ ...form, every: Number(v) || 0 })} error={errors.every} data-testid="plan-every" />
          )}
          {form.unit !== 'fixed' && (
            <TextInput label={t('ui.maintenance.startDate')} description={t('ui.maintenance.startDateHint')} placeholder="2027-01-31" value={form.startDate} onChange={(e) => setForm({ ...form, startDate: e.currentTarget.value })} error={errors.startDate} data-testid="plan-start" />
          )}
          <NumberInput label={t('ui.maintenance.leadDays')} description={t('ui.maintenance.leadDaysHint')} min={0} max={90} allowDecimal={false} value={form.leadDays} onChange={(v) => setForm({ ...form, leadDays: Number(v) || 0 })} error={errors.leadDays} data-testid="plan-lead" />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('ui.maintenance.checklistTemplate')}
        </Text>
        {errors.checklist && <Text size="xs" c="red">{errors.checklist}</Text>}
        <Table verticalSpacing={4} fz="sm" data-testid="plan-checklist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.maintenance.checklist.item')}</Table.Th>
              <Table.Th w={160}>{t('ui.maintenance.checklist.kind')}</Table.Th>
              <Table.Th w={100}>{t('ui.maintenance.checklist.unit')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, i) => (
              <Table.Tr key={item.id} data-testid="plan-item">
                <Table.Td>
                  <TextInput size="xs" value={item.label} onChange={(e) => setItem(i, { label: e.currentTarget.value })} error={errors[`checklist.${i}.label`]} aria-label={t('ui.maintenance.checklist.item')} data-testid="plan-item-label" />
                </Table.Td>
                <Table.Td>
                  <Select size="xs" allowDeselect={false} data={CHECK_KINDS.map((k) => ({ value: k, label: t(`ui.maintenance.checklist.kinds.${k}`) }))} value={item.kind} onChange={(v) => v && setItem(i, { kind: v as ChecklistItem['kind'] })} aria-label={t('ui.maintenance.checklist.kind')} data-testid="plan-item-kind" />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" disabled={item.kind !== 'value'} value={item.unit} onChange={(e) => setItem(i, { unit: e.currentTarget.value })} aria-label={t('ui.maintenance.checklist.unit')} data-testid="plan-item-unit" />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" onClick={() => setItems(items.filter((_, j) => j !== i))} aria-label={t('ui.lifecycle.service.removePart')} data-skip-enter>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button size="xs" variant="light" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setItems([...items, { id: newItemId(), label: '', kind: 'pass', unit: '' }])} data-testid="plan-add-item">
          {t('ui.maintenance.addItem')}
        </Button>
        <Textarea label={t('ui.maintenance.notes')} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })} autosize minRows={2} />
        <Checkbox label={t('ui.maintenance.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} data-testid="plan-active" />
        {message && <Alert color="red" role="alert" data-testid="plan-error">{message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('ui.common.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} data-testid="plan-save">{t('ui.common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
