/** On the customer's page: whether they receive each channel's messages; a change records when and who recorded it. */
import { Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ConsentState } from '../../../../shared/domain/messaging';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

export function ConsentSection({ customerId, canEdit }: { customerId: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const consent = useApi('messaging.consent.get', { customerId }, canEdit);
  if (!canEdit || !consent.data) return null;
  const set = async (c: ConsentState, receives: boolean) => {
    const r = await call('messaging.consent.set', { customerId, channel: c.channel, optedOut: !receives });
    if (!r.ok) notifications.show({ color: 'red', message: r.error.message });
    consent.reload();
  };
  const note = (c: ConsentState) => {
    if (!c.at) return t('ui.messaging.consent.never');
    const words = { at: formatDateTime(c.at, i18n.language, timeZone), by: c.by ?? '' };
    return c.optedOut ? t('ui.messaging.consent.optedOut', words) : t('ui.messaging.consent.optedIn', words);
  };
  return (
    <Paper withBorder p="sm" data-testid="customer-consent">
      <SectionTitle title={t('ui.messaging.consent.title')} />
      <Stack gap={6}>
        {consent.data.map((c) => (
          <Group key={c.channel} gap="md">
            <Switch
              checked={!c.optedOut}
              onChange={(e) => void set(c, e.currentTarget.checked)}
              label={t('ui.messaging.consent.receives', { channel: t(`messageChannel.${c.channel}`) })}
              data-testid={`consent-${c.channel}`}
            />
            <Text size="xs" c={c.optedOut ? 'red.7' : 'dimmed'} data-testid={`consent-${c.channel}-note`}>
              {note(c)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
