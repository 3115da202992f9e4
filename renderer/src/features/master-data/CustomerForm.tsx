/** A customer's contact data, corrected in place by the desk (optimistic: a stale copy is reloaded, never overwritten). */
import { useState } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { customerUpdateInput } from '../../../../shared/api/master-data.schema';
import { CUSTOMER_KINDS, SALUTATIONS, type Customer, type CustomerKind, type Salutation } from '../../../../shared/domain/party';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { checkInput, type FieldErrors } from '../../components/translate-problems';

type Draft = Omit<Customer, 'id' | 'version'>;

function draftOf(c: Customer): Draft {
  const { id: _id, version: _version, ...fields } = c;
  return fields;
}

/** `canFlag`: the key-account flag and its note are a supervisor's or the admin's to set (the desk sees them). */
export function CustomerForm({ customer, canEdit, canFlag, onSaved }: { customer: Customer; canEdit: boolean; canFlag: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Draft>(() => draftOf(customer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setForm((f) => ({ ...f, [key]: value }));
  const label = (field: string) => t(`import.field.${field}`);

  async function save() {
    if (!canEdit) return;
    const input = { ...form, id: customer.id, version: customer.version };
    const problems = checkInput(customerUpdateInput, input, t);
    setErrors(problems ?? {});
    setMessage(null);
    if (problems) return;
    setBusy(true);
    const r = await call('customers.update', input);
    setBusy(false);
    if (r.ok) {
      notifications.show({ color: 'green', message: t('ui.masterData.customer.saved') });
      return onSaved();
    }
    setErrors(r.error.fields ?? {});
    setMessage(r.error.code === 'CONFLICT' ? t('ui.masterData.customer.conflict') : r.error.message);
    if (r.error.code === 'CONFLICT') onSaved();
  }

  const onKeyDown = useEnterNavigation(() => void save());
  return (
    <Stack gap="xs" onKeyDown={onKeyDown} data-testid="customer-form">
      <Fieldset variant="unstyled" disabled={!canEdit}>
        <SimpleGrid cols={3} spacing="xs">
          <TextInput label={label('name')} required value={form.name} error={errors.name} onChange={(e) => set('name')(e.currentTarget.value)} data-testid="customer-name" />
          <Select
            label={label('kind')}
            data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customerKind.${k}`) }))}
            value={form.kind}
            onChange={(v) => set('kind')((v ?? 'individual') as CustomerKind)}
            allowDeselect={false}
          />
          <Select
            label={label('salutation')}
            data={SALUTATIONS.map((s) => ({ value: s, label: s ? t(`salutation.${s}`) : t('ui.common.none') }))}
            value={form.salutation}
            onChange={(v) => set('salutation')((v ?? '') as Salutation)}
            allowDeselect={false}
          />
          <TextInput label={label('phone')} required value={form.phone} error={errors.phone} onChange={(e) => set('phone')(e.currentTarget.value)} data-testid="customer-phone" />
          <TextInput label={label('phone2')} value={form.phone2} error={errors.phone2} onChange={(e) => set('phone2')(e.currentTarget.value)} />
          <TextInput label={label('contactPerson')} value={form.contactPerson} error={errors.contactPerson} onChange={(e) => set('contactPerson')(e.currentTarget.value)} />
          <TextInput label={label('address')} value={form.address} error={errors.address} onChange={(e) => set('address')(e.currentTarget.value)} style={{ gridColumn: 'span 2' }} data-testid="customer-address" />
          <TextInput label={label('email')} value={form.email} error={errors.email} onChange={(e) => set('email')(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea label={label('notes')} mt="xs" autosize minRows={1} maxRows={4} value={form.notes} error={errors.notes} onChange={(e) => set('notes')(e.currentTarget.value)} />
      </Fieldset>
      <Fieldset variant="unstyled" disabled={!canEdit || !canFlag}>
        <Group align="flex-end" gap="sm">
          <Checkbox label={label('keyAccount')} checked={form.keyAccount} onChange={(e) => set('keyAccount')(e.currentTarget.checked)} error={errors.keyAccount} data-testid="customer-key-account" />
          {(form.keyAccount || form.keyAccountNote) && (
            <TextInput
              style={{ flex: 1 }}
              label={t('ui.masterData.customer.keyAccountNote')}
              value={form.keyAccountNote}
              error={errors.keyAccountNote}
              onChange={(e) => set('keyAccountNote')(e.currentTarget.value)}
              data-testid="customer-key-account-note"
            />
          )}
        </Group>
      </Fieldset>
      {message && (
        <Alert color="red" role="alert">
          {message}
        </Alert>
      )}
      {canEdit && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={busy} data-testid="customer-save">
            {t('ui.common.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
