/** 重复报修: the device had another ticket in the 90 days before (tickets.is_repeat, as the statistics count it). */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RepeatBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('ui.history.repeatHint')}>
      <Badge color="grape" variant="light" size="sm" data-testid="repeat-badge">
        {t('ui.history.repeat')}
      </Badge>
    </Tooltip>
  );
}
