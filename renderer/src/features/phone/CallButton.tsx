/** Tap to call: a tel: link as a full-width button (the phone's dialer opens with the number). */
import { Button } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { telHref } from './phone-day';

export function CallButton({ phone }: { phone: string }) {
  const { t } = useTranslation();
  if (!phone.trim()) return null;
  return (
    <Button component="a" href={telHref(phone)} fullWidth h={48} variant="light" color="teal" leftSection={<IconPhone size={20} />} data-testid="phone-call">
      {t('ui.phone.call', { phone })}
    </Button>
  );
}
