import { Button, Group, Input, Paper, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerHit, Salutation } from '../../../../shared/domain/party';
import { TypeAhead } from '../../components/TypeAhead';
import type { FieldErrors } from '../../components/translate-problems';
import type { IntakeDraft, NewCustomerDraft } from './intake-draft';
import { searchCustomers } from '../../api/search-customers';

interface Props {
  draft: IntakeDraft;
  errors: FieldErrors;
  query: string;
  onQuery: (q: string) => void;
  patch: (p: Partial<IntakeDraft>) => void;
  onPicked: () => void;
}

export function CustomerSection({ draft, errors, query, onQuery, patch, onPicked }: Props) {
  const { t } = useTranslation();
  const nameOf = (c: CustomerHit) => `${c.name}${c.salutation && !c.name.endsWith(t(`salutation.${c.salutation}`)) ? t(`salutation.${c.salutation}`) : ''}`;

  function startNew() {
    const digits = /^[\d\s\-+()]+$/.test(query.trim());
    patch({ customer: null, newCustomer: { name: digits ? '' : query.trim(), salutation: '', phone: digits ? query.trim() : '', address: '' } });
  }

  if (draft.customer) {
    const c = draft.customer;
    return (
      <Paper withBorder p="xs" bg="blue.0" data-testid="picked-customer">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {nameOf(c)} · {c.phone}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => patch({ customer: null, contactName: '', contactPhone: '' })}>
            {t('ui.intake.changeCustomer')}
          </Button>
        </Group>
      </Paper>
    );
  }
  if (draft.newCustomer) return <NewCustomerFields value={draft.newCustomer} errors={errors} onChange={(newCustomer) => patch({ newCustomer })} onCancel={() => patch({ newCustomer: null })} />;
  return (
    <TypeAhead
      label={t('ui.intake.customerSearch')}
      placeholder={t('ui.intake.customerSearchPlaceholder')}
      testId="customer-search"
      value={query}
      onChange={onQuery}
      error={errors.customerId}
      load={searchCustomers}
      selectFirst
      keyOf={(c) => String(c.id)}
      render={(c) => `${nameOf(c)}  ${c.phone}${c.contactPerson ? ` · ${c.contactPerson}` : ''}`}
      onPick={(c) => {
        patch({ customer: c, contactName: c.contactPerson || nameOf(c), contactPhone: c.phone });
        onPicked();
      }}
      extra={{ label: query.trim() ? t('ui.intake.newCustomerFor', { q: query.trim() }) : t('ui.intake.newCustomer'), onPick: startNew }}
    />
  );
}

interface NewProps {
  value: NewCustomerDraft;
  errors: FieldErrors;
  onChange: (v: NewCustomerDraft) => void;
  onCancel: () => void;
}

function NewCustomerFields({ value, errors, onChange, onCancel }: NewProps) {
  const { t } = useTranslation();
  const set = (k: 'name' | 'phone' | 'address') => (e: { currentTarget: { value: string } }) => onChange({ ...value, [k]: e.currentTarget.value });
  return (
    <Paper withBorder p="xs" data-testid="new-customer">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('ui.intake.newCustomer')}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onCancel} data-skip-enter>
          {t('ui.common.cancel')}
        </Button>
      </Group>
      <SimpleGrid cols={3} spacing="xs">
        <TextInput label={t('ui.intake.customerName')} value={value.name} onChange={set('name')} error={errors['newCustomer.name']} data-testid="new-customer-name" required autoFocus />
        {/* Radios, not a searchable drop-down: text typed after the name can never end up in 称呼. */}
        <Input.Wrapper label={t('ui.intake.salutation')}>
          <SegmentedControl
            fullWidth
            data={[{ value: '', label: t('ui.intake.salutationNone') }, { value: 'mr', label: t('salutation.mr') }, { value: 'ms', label: t('salutation.ms') }]}
            value={value.salutation}
            onChange={(v) => onChange({ ...value, salutation: v as Salutation })}
            data-testid="new-customer-salutation"
          />
        </Input.Wrapper>
        <TextInput label={t('ui.intake.customerPhone')} value={value.phone} onChange={set('phone')} error={errors['newCustomer.phone']} data-testid="new-customer-phone" required />
      </SimpleGrid>
      <TextInput mt="xs" label={t('ui.intake.address')} value={value.address} onChange={set('address')} error={errors['newCustomer.address']} data-testid="new-customer-address" />
    </Paper>
  );
}
