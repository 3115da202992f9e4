import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Switch, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../../shared/domain/parts';
import { STOCK_KEEPERS } from '../../../../shared/domain/parts';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { useSession } from '../auth/session-context';
import { MovementsModal } from './MovementsModal';
import { PartFormModal } from './PartFormModal';
import { PartsCatalogueTable } from './PartsTable';
import { StockMoveModal } from './StockMoveModal';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'move' | 'history'; part: Part } | null;

/** The parts catalogue with stock on hand; `low` shows only parts below their minimum (the supervisor's warning list). */
export default function PartsPage({ low = false }: { low?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const keeper = STOCK_KEEPERS.includes(user.role);
  const [q, setQ] = useState('');
  const [lowOnly, setLowOnly] = useState(low);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const parts = useApi('parts.list', { q: q.trim(), lowOnly: low || lowOnly, includeInactive: keeper && !low });
  useChangeEvents(parts.reload);
  const done = () => {
    setDialog(null);
    parts.reload();
  };

  /** A scanner types the part number and Enter: open that part's movement dialog (or its history for a clerk). */
  async function scanned() {
    const partNo = q.trim();
    if (!partNo) return;
    const r = await call('parts.get', { partNo });
    if (!r.ok) {
      setNotFound(partNo);
      return;
    }
    setNotFound(null);
    setDialog({ kind: user.role === 'clerk' ? 'history' : 'move', part: r.value });
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{low ? t('ui.parts.lowTitle') : t('ui.parts.title')}</Title>
          {low && <Badge color="red" leftSection={<IconAlertTriangle size={12} />} data-testid="low-count">{parts.data?.length ?? 0}</Badge>}
        </Group>
        {keeper && !low && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })} data-testid="add-part-catalogue">
            {t('ui.parts.add')}
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <TextInput
          w={360}
          leftSection={<IconSearch size={16} />}
          placeholder={t('ui.parts.searchPlaceholder')}
          aria-label={t('ui.parts.search')}
          value={q}
          autoFocus
          onChange={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) void scanned();
          }}
          data-testid="parts-search"
        />
        {!low && <Switch label={t('ui.parts.lowOnly')} checked={lowOnly} onChange={(e) => setLowOnly(e.currentTarget.checked)} data-testid="parts-low-only" />}
      </Group>
      {notFound && <Alert color="yellow" data-testid="parts-not-found">{t('ui.parts.notFound', { partNo: notFound })}</Alert>}
      {parts.error && <Alert color="red">{parts.error.message}</Alert>}
      <Paper withBorder>
        <PartsCatalogueTable
          parts={parts.data ?? []}
          mayEdit={keeper}
          mayMove={user.role !== 'clerk'}
          onMove={(part) => setDialog({ kind: 'move', part })}
          onEdit={(part) => setDialog({ kind: 'edit', part })}
          onHistory={(part) => setDialog({ kind: 'history', part })}
        />
      </Paper>
      {dialog?.kind === 'create' && <PartFormModal part={null} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'edit' && <PartFormModal part={dialog.part} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'move' && <StockMoveModal part={dialog.part} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'history' && <MovementsModal part={dialog.part} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
