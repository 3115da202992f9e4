/** 产品型号: the catalogue intake picks from, for the supervisor and the admin: search, add, edit, import. */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { ProductModel } from '../../../../shared/domain/party';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';
import { ModelFormModal } from './ModelFormModal';

type Dialog = { model: ProductModel | null } | null;

function matches(m: ProductModel, q: string): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || [m.code, m.name, m.productLine].some((v) => v.toLowerCase().includes(needle));
}

export default function ModelsPage() {
  const { user } = useSession();
  return user.role === 'supervisor' || user.role === 'admin' ? <ModelsCatalogue /> : <Navigate to="/tickets" replace />;
}

function ModelsCatalogue() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const models = useApi('models.list', {});
  const all = models.data ?? [];
  const shown = all.filter((m) => matches(m, q));
  const productLines = [...new Set(all.map((m) => m.productLine))].sort();

  function saved(model: ProductModel) {
    setDialog(null);
    models.reload();
    notifications.show({ color: 'green', message: t('ui.masterData.models.saved', { code: model.code }) });
  }

  return (
    <Stack gap="sm" maw={1100}>
      <Group justify="space-between">
        <Title order={3}>{t('ui.masterData.models.title')}</Title>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/import?kind=models" leftSection={<IconFileImport size={16} />} data-testid="models-import">
            {t('ui.masterData.models.import')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ model: null })} data-testid="models-add">
            {t('ui.masterData.models.add')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm">
        <TextInput
          w={360}
          leftSection={<IconSearch size={16} />}
          placeholder={t('ui.masterData.models.search')}
          aria-label={t('ui.masterData.models.search')}
          value={q}
          autoFocus
          onChange={(e) => setQ(e.currentTarget.value)}
          data-testid="models-search"
        />
        <Text size="sm" c="dimmed">
          {t('ui.masterData.models.count', { count: all.length, lines: productLines.length })}
        </Text>
      </Group>
      {models.error && <Alert color="red">{models.error.message}</Alert>}
      <Paper withBorder>
        <Table striped highlightOnHover fz="sm" data-testid="models-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.masterData.models.code')}</Table.Th>
              <Table.Th>{t('ui.masterData.models.name')}</Table.Th>
              <Table.Th>{t('ui.masterData.models.productLine')}</Table.Th>
              <Table.Th>{t('ui.masterData.models.warrantyMonths')}</Table.Th>
              <Table.Th>{t('ui.masterData.models.state')}</Table.Th>
              <Table.Th w={60} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((m) => (
              <Table.Tr key={m.id} data-testid="model-row">
                <Table.Td fw={600}>{m.code}</Table.Td>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.productLine}</Table.Td>
                <Table.Td>{t('ui.masterData.models.months', { count: m.warrantyMonths })}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={m.active ? 'green' : 'gray'}>
                    {t(m.active ? 'ui.masterData.models.activeBadge' : 'ui.masterData.models.inactiveBadge')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDialog({ model: m })} data-testid="model-edit">
                    {t('ui.common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {models.data && shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {all.length === 0 ? t('ui.masterData.models.empty') : t('ui.masterData.models.noMatch')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {dialog && <ModelFormModal model={dialog.model} productLines={productLines} onClose={() => setDialog(null)} onDone={saved} />}
    </Stack>
  );
}
