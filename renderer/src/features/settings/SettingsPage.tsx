import { useState } from 'react';
import { Alert, Stack } from '@mantine/core';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';
import { SettingsForm, type SettingsTab } from './SettingsForm';
import { HostSection } from './HostSection';

export default function SettingsPage() {
  const { refresh } = useSession();
  const loaded = useApi('settings.get', {});
  const [tab, setTab] = useState<SettingsTab>('desk');
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!loaded.data) return null;
  return (
    <Stack gap="lg">
      <SettingsForm
        key={loaded.data.version}
        initial={loaded.data}
        tab={tab}
        onTab={setTab}
        onSaved={() => {
          loaded.reload();
          refresh();
        }}
      />
      <HostSection />
    </Stack>
  );
}
