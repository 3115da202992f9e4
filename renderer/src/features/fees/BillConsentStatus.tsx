import { Alert, Button, Group, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Bill } from '../../../../shared/domain/fee-records';
import { formatMoney } from '../../../../shared/domain/money';

interface Props {
  bill: Bill;
  /** Desk roles may record consent. */
  desk: boolean;
  formatDateTime: (iso: string | null) => string;
  onRecord: () => void;
}

/** What the bill's charge stands on: the accepted quote, consent recorded on the bill, or nothing yet (payments wait). */
export function BillConsentStatus({ bill, desk, formatDateTime, onRecord }: Props) {
  const { t } = useTranslation();
  if (bill.consentFrom === 'quote') {
    return (
      <Text size="xs" c="teal.8" data-testid="bill-consent">
        {t('ui.fees.ticket.billConsentFromQuote')}
      </Text>
    );
  }
  if (bill.consentFrom === 'bill') {
    return (
      <Text size="xs" c="teal.8" data-testid="bill-consent">
        {t('ui.fees.ticket.billConsentedAt', { at: formatDateTime(bill.consentAt), channel: t(`ui.lifecycle.consent.channels.${bill.consentChannel}`) })}
      </Text>
    );
  }
  if (bill.calc.totalFen === 0) return null;
  return (
    <Alert color="orange" p="xs" data-testid="bill-consent-missing">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {bill.differenceFen !== null && bill.differenceFen > 0
            ? t('ui.fees.ticket.billAboveQuote', { amount: formatMoney(bill.differenceFen) })
            : t('ui.fees.ticket.billConsentMissing')}
        </Text>
        {desk && (
          <Button size="compact-sm" leftSection={<IconSignature size={14} />} onClick={onRecord} data-testid="bill-consent-record">
            {t('ui.fees.ticket.billConsent')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
