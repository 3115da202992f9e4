/** The coloured badges beside a customer's name: a key account (with its note), money owed (to receivables). */
import { Anchor, Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../../shared/domain/money';
import type { CustomerHistory } from '../../../../shared/domain/related';

export function CustomerFlags({ history }: { history: CustomerHistory }) {
  const { t } = useTranslation();
  const c = history.customer;
  if (!c) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="customer-flags">
      {c.keyAccount && (
        <Tooltip label={c.keyAccountNote || t('ui.history.panel.keyAccount')} disabled={!c.keyAccountNote}>
          <Badge color="orange" variant="filled" size="sm" data-testid="key-account-badge">
            {t('ui.history.panel.keyAccount')}
          </Badge>
        </Tooltip>
      )}
      {history.balanceFen > 0 && (
        <Tooltip label={t('ui.history.panel.owesBills', { count: history.openBills })}>
          <Anchor component={Link} to="/fees/receivables" underline="never">
            <Badge color="red" variant="filled" size="sm" data-testid="owes-badge">
              {t('ui.history.panel.owes', { amount: formatMoney(history.balanceFen) })}
            </Badge>
          </Anchor>
        </Tooltip>
      )}
    </Group>
  );
}
