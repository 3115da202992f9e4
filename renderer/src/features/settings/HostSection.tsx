/**
 * 设置 → 主机模式 (issue 18): the admin's switch for serving the LAN over HTTPS, the idle time that ends a
 * session, and what a desk or phone needs to pair: the addresses, the certificate's fingerprint to compare, the
 * pairing code, the certificate to install on a phone. Below, the paired devices with when and where each was
 * last seen, and a revoke button.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, NumberInput, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HostInfo } from '../../../../shared/domain/lan';
import { formatPairingCode } from '../../../../shared/domain/lan';
import { call } from '../../api/call';
import { FingerprintCode } from '../../components/FingerprintCode';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { SectionTitle } from '../../components/SectionTitle';

export function HostSection() {
  const loaded = useApi('host.info', {});
  useChangeEvents(loaded.reload);
  if (loaded.error) return <Alert color="red">{loaded.error.message}</Alert>;
  if (!loaded.data) return null;
  return <HostForm key={loaded.data.version} info={loaded.data} onChanged={loaded.reload} />;
}

function HostForm({ info, onChanged }: { info: HostInfo; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const [lanEnabled, setLanEnabled] = useState(info.lanEnabled);
  const [idleMinutes, setIdleMinutes] = useState<number | string>(info.idleMinutes);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, timeZone) : '—');

  async function run(work: () => ReturnType<typeof call<'host.update'>>, saved = false) {
    setBusy(true);
    const r = await work();
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error.fields ? Object.values(r.error.fields).join(' ') : r.error.message });
    setMessage(saved ? { ok: true, text: t('ui.lan.saved') } : null);
    onChanged();
  }

  return (
    <Paper withBorder p="md" maw={960} data-testid="host-section">
      <Stack gap="sm">
        <SectionTitle title={t('ui.lan.title')} hint={t('ui.lan.intro')} mb={0} />
        <Switch checked={lanEnabled} onChange={(e) => setLanEnabled(e.currentTarget.checked)} label={t('ui.lan.enabled')} description={t('ui.lan.enabledHint')} data-testid="host-enabled" />
        {!info.lanEnabled && info.urls.length > 0 && (
          <Text size="sm" c="orange" data-testid="host-forced">
            {t('ui.lan.forced')}
          </Text>
        )}
        <NumberInput label={t('ui.lan.idleMinutes')} description={t('ui.lan.idleHint')} value={idleMinutes} onChange={setIdleMinutes} min={5} max={10080} w={320} data-testid="host-idle" />
        {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        <Group>
          <Button loading={busy} onClick={() => void run(() => call('host.update', { lanEnabled, idleMinutes: Number(idleMinutes), version: info.version }), true)} data-testid="host-save">
            {t('ui.lan.save')}
          </Button>
        </Group>
        <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('ui.lan.addresses')}</Table.Th>
              <Table.Td data-testid="host-urls">{info.urls.length > 0 ? info.urls.map((u) => <Code key={u} mr="xs">{u}</Code>) : <Text size="sm" c="dimmed">{t('ui.lan.notListening')}</Text>}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('ui.lan.pairingCode')}</Table.Th>
              <Table.Td>
                <Group gap="sm">
                  <Text fw={700} size="xl" ff="monospace" data-testid="host-code">
                    {formatPairingCode(info.pairingCode)}
                  </Text>
                  <Button size="xs" variant="light" onClick={() => void run(() => call('host.newPairingCode', {}))}>
                    {t('ui.lan.newCode')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
            {info.fingerprint && (
              <Table.Tr>
                <Table.Th>{t('ui.lan.fingerprint')}</Table.Th>
                <Table.Td>
                  <FingerprintCode fingerprint={info.fingerprint} testId="host-fingerprint" />
                  <Text size="xs" c="dimmed">
                    {t('ui.lan.fingerprintHint')}
                  </Text>
                  <Anchor href="/host-certificate.crt" size="sm" download>
                    {t('ui.lan.certificate')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <SectionTitle order={5} title={t('ui.lan.desks')} mb={0} />
        {info.desks.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ui.lan.noDesks')}
          </Text>
        ) : (
          <Table striped data-testid="host-desks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ui.lan.desk')}</Table.Th>
                <Table.Th>{t('ui.lan.pairedAt')}</Table.Th>
                <Table.Th>{t('ui.lan.lastSeen')}</Table.Th>
                <Table.Th>{t('ui.lan.lastAddress')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {info.desks.map((d) => (
                <Table.Tr key={d.id} data-testid="host-desk">
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{when(d.pairedAt)}</Table.Td>
                  <Table.Td>{when(d.lastSeenAt)}</Table.Td>
                  <Table.Td>{d.lastAddress ?? '—'}</Table.Td>
                  <Table.Td>
                    {d.revokedAt ? (
                      <Text size="sm" c="dimmed">
                        {t('ui.lan.revoked', { at: when(d.revokedAt) })}
                      </Text>
                    ) : (
                      <Button size="xs" color="red" variant="light" onClick={() => window.confirm(t('ui.lan.revokeConfirm', { name: d.name })) && void run(() => call('host.revokeDesk', { id: d.id }))}>
                        {t('ui.lan.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
