import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InputOf } from '../../../../shared/api/contract';
import { AUDIT_ACTIONS } from '../../../../shared/api/data-safety.schema';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { ChangesDiff } from './ChangesDiff';
import { DateField } from '../../components/DateField';

const ENTITIES = [
  'tickets', 'customers', 'devices', 'returned_devices', 'quotes', 'bills', 'payments', 'fee_standards', 'bookings', 'ticket_labour', 'sanbao_cases', 'product_models', 'users', 'settings', 'official_holidays', 'loaners', 'loans', 'defective_items', 'factory_returns', 'factory_return_lines', 'backups',
] as const;
/** Records with a page of their own: the trail's entry opens it. */
const RECORD_PAGES = new Map([['tickets', '/tickets'], ['customers', '/customers'], ['devices', '/devices']]);
const FILTERS = ['actorId', 'entity', 'entityId', 'action', 'from', 'to', 'q'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const PAGE_SIZE = 50;

function toInput(f: Filters, page: number): InputOf<'audit.list'> {
  const num = (v: string) => (/^\d+$/.test(v) ? Number(v) : null);
  return {
    actorId: num(f.actorId),
    entity: f.entity || null,
    entityId: num(f.entityId),
    action: (AUDIT_ACTIONS as readonly string[]).includes(f.action) ? (f.action as (typeof AUDIT_ACTIONS)[number]) : null,
    from: f.from || null,
    to: f.to || null,
    q: f.q.trim() || null,
    page,
    pageSize: PAGE_SIZE,
  };
}

/** The audit trail for the admin: who changed what and when, before and after; filters live in the URL. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSession();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [draft, setDraft] = useState<Filters>(applied);
  const users = useApi('users.list', {});
  const trail = useApi('audit.list', toInput(applied, page));
  const edit = (key: keyof Filters) => (value: string | null) => setDraft((d) => ({ ...d, [key]: value ?? '' }));

  function apply(next: Filters, nextPage = 1) {
    const out = new URLSearchParams();
    for (const k of FILTERS) if (next[k]) out.set(k, next[k]);
    if (nextPage > 1) out.set('page', String(nextPage));
    setParams(out);
  }
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as Filters;
    setDraft(empty);
    apply(empty);
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') apply(draft);
  };
  const data = trail.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="sm" maw={1200}>
      <Title order={3}>{t('ui.dataSafety.audit.title')}</Title>
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <Select
            w={190}
            label={t('ui.dataSafety.audit.user')}
            placeholder={t('ui.dataSafety.audit.anyone')}
            clearable
            searchable
            data={(users.data ?? []).map((u) => ({ value: String(u.id), label: t('ui.dataSafety.audit.userOption', { name: u.displayName, username: u.username }) }))}
            value={draft.actorId || null}
            onChange={edit('actorId')}
            data-testid="audit-user"
          />
          <Select
            w={140}
            label={t('ui.dataSafety.audit.entity')}
            placeholder={t('ui.dataSafety.audit.anyEntity')}
            clearable
            data={ENTITIES.map((e) => ({ value: e, label: t(`ui.dataSafety.audit.entities.${e}`) }))}
            value={draft.entity || null}
            onChange={edit('entity')}
            data-testid="audit-entity"
          />
          <TextInput w={90} label={t('ui.dataSafety.audit.entityId')} inputMode="numeric" value={draft.entityId} onChange={(e) => edit('entityId')(e.currentTarget.value.replace(/\D/g, ''))} onKeyDown={onEnter} data-testid="audit-entity-id" />
          <Select
            w={130}
            label={t('ui.dataSafety.audit.action')}
            placeholder={t('ui.dataSafety.audit.anyAction')}
            clearable
            data={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`ui.dataSafety.audit.actions.${a}`) }))}
            value={draft.action || null}
            onChange={edit('action')}
            data-testid="audit-action"
          />
          <DateField w={150} label={t('ui.dataSafety.audit.from')} value={draft.from} onChange={edit('from')} onKeyDown={onEnter} data-testid="audit-from" />
          <DateField w={150} label={t('ui.dataSafety.audit.to')} value={draft.to} onChange={edit('to')} onKeyDown={onEnter} data-testid="audit-to" />
          <TextInput w={200} label={t('ui.dataSafety.audit.q')} placeholder={t('ui.dataSafety.audit.qHint')} value={draft.q} onChange={(e) => edit('q')(e.currentTarget.value)} onKeyDown={onEnter} data-testid="audit-q" />
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconSearch size={16} />} onClick={() => apply(draft)} data-testid="audit-search">
              {t('ui.dataSafety.audit.search')}
            </Button>
            <Button variant="subtle" onClick={clear}>
              {t('ui.dataSafety.audit.clear')}
            </Button>
          </Group>
        </Group>
      </Paper>
      {trail.error && <Alert color="red">{trail.error.message}</Alert>}
      {data && (
        <Text size="sm" c="dimmed" data-testid="audit-total">
          {t('ui.dataSafety.audit.total', { total: data.total })}
        </Text>
      )}
      <Paper withBorder>
        <Table striped verticalSpacing={6} fz="sm" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('ui.dataSafety.audit.at')}</Table.Th>
              <Table.Th w={120}>{t('ui.dataSafety.audit.user')}</Table.Th>
              <Table.Th w={140}>{t('ui.dataSafety.audit.record')}</Table.Th>
              <Table.Th w={80}>{t('ui.dataSafety.audit.action')}</Table.Th>
              <Table.Th>{t('ui.dataSafety.audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.rows ?? []).map((r) => {
              const label = i18n.exists(`ui.dataSafety.audit.entities.${r.entity}`) ? t(`ui.dataSafety.audit.entities.${r.entity}`) : r.entity;
              return (
                <Table.Tr key={r.id} data-testid="audit-row">
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(r.at, i18n.language, timeZone)}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }} data-testid="audit-actor">
                    {r.actorName ?? t('ui.dataSafety.audit.system')}
                    {r.client && (
                      <Text size="xs" c="dimmed" data-testid="audit-client">
                        {r.client}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    {RECORD_PAGES.has(r.entity) ? (
                      <Anchor component={Link} to={`${RECORD_PAGES.get(r.entity)}/${r.entityId}`} size="sm">
                        {label} #{r.entityId}
                      </Anchor>
                    ) : (
                      `${label} #${r.entityId}`
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Badge size="sm" variant="light" tt="none" color={r.action === 'update' ? 'blue' : r.action === 'create' ? 'green' : 'gray'}>
                      {i18n.exists(`ui.dataSafety.audit.actions.${r.action}`) ? t(`ui.dataSafety.audit.actions.${r.action}`) : r.action}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <ChangesDiff changes={r.changes} action={r.action} entity={r.entity} names={r.names} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {data?.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed">
                    {t('ui.dataSafety.audit.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={(p) => apply(applied, p)} />}
    </Stack>
  );
}
