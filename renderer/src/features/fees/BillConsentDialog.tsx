import { useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { billConsentInput as schema } from '../../../../shared/api/fees.schema';
import type { Bill } from '../../../../shared/domain/fee-records';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { BillConsentFields } from './BillConsentFields';
import { billConsentInput, EMPTY_BILL_CONSENT } from './bill-consent-draft';

/** Records the customer's consent on a bill that has none yet (a bill from before the rule): payments wait for it. */
export function BillConsentDialog({ bill, onClose, onDone }: { bill: Bill; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [draft, setDraft] = useState(EMPTY_BILL_CONSENT);
  const title = t('ui.fees.ticket.billConsent');
  function submit() {
    const input = { id: bill.id, version: bill.version, ...billConsentInput(draft) };
    void runner.run(schema, input, (i) => call('bills.consent', i), title);
  }
  return (
    <ActionModal title={title} testId="bill-consent-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {t('ui.fees.calc.total')}: <b>{formatMoney(bill.calc.totalFen)}</b>
      </Text>
      <BillConsentFields value={draft} onChange={setDraft} errors={runner.fields} />
    </ActionModal>
  );
}
