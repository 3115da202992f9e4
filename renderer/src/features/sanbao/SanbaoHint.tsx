/** One line at the fee decision: the 三包 right that applies (or was decided) and the rule's words (issue 19). */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api';

export function SanbaoHint({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const a = useApi('sanbao.assess', { ticketId }).data;
  // Without a purchase date no right applies: the fee section stays as short as it was.
  if (!a || (a.purchaseDate === null && !a.recorded)) return null;
  const right = a.recorded?.right ?? a.decision.right;
  return (
    <Text size="sm" c={right === 'paidRepair' ? 'dimmed' : 'orange.9'} mb="xs" data-testid="fees-sanbao">
      {t('ui.sanbao.hint', { right: t(`sanbaoRight.${right}`), rule: t(`sanbaoRule.${a.decision.rule}`, a.decision.params) })}
    </Text>
  );
}
