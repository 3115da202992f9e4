/**
 * Importing customers, devices, spare parts or product models from a spreadsheet: choose the kind (or arrive
 * with ?kind=models from the models page) and the file, read the preview (columns recognised, every row's
 * problems), then import — all rows or none. The catalogues (parts, models) are offered to supervisors and the admin.
 */
import { useState } from 'react';
import { Alert, Badge, Button, FileButton, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconTableDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_COLUMNS, IMPORT_KINDS, fieldLabel, type ImportKind, type ImportPreview } from '../../../../shared/domain/imports';
import { call } from '../../api/call';
import { downloadText } from '../../components/download-file';
import { useSession } from '../auth/session-context';

const CATALOGUES: readonly ImportKind[] = ['parts', 'models'];

interface Picked {
  fileName: string;
  dataBase64: string;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const kinds = IMPORT_KINDS.filter((k) => staff || !CATALOGUES.includes(k));
  const asked = useSearchParams()[0].get('kind');
  const [kind, setKind] = useState<ImportKind>(kinds.find((k) => k === asked) ?? 'customers');
  const [file, setFile] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(picked: File | null, as: ImportKind = kind) {
    if (!picked) return;
    const next = { fileName: picked.name, dataBase64: await readBase64(picked) };
    setFile(next);
    await check(next, as);
  }

  async function check(f: Picked, as: ImportKind) {
    setBusy(true);
    setPreview(null);
    const r = await call('imports.preview', { kind: as, ...f });
    setBusy(false);
    setError(r.ok ? null : (r.error.fields?.dataBase64 ?? r.error.message));
    if (r.ok) setPreview(r.value);
  }

  async function run() {
    if (!file) return;
    setBusy(true);
    const r = await call('imports.run', { kind, ...file });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    notifications.show({ color: 'green', message: t('ui.import.done', { count: r.value.imported }) });
    setFile(null);
    setPreview(null);
  }

  function template() {
    const header = Object.values(IMPORT_COLUMNS[kind]).map((aliases) => aliases[0]).join(',');
    downloadText(`${t(`ui.import.kind.${kind}`)}-${t('ui.import.template')}.csv`, `\uFEFF${header}\r\n`, 'text/csv;charset=utf-8');
  }

  const ready = preview !== null && preview.problems.length === 0;
  return (
    <Stack gap="sm" maw={1100}>
      <Title order={3}>{t('ui.import.title')}</Title>
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Group>
            <SegmentedControl
              value={kind}
              onChange={(v) => {
                setKind(v as ImportKind);
                if (file) void check(file, v as ImportKind);
              }}
              data={kinds.map((k) => ({ value: k, label: t(`ui.import.kind.${k}`) }))}
              data-testid="import-kind"
            />
            <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.xls,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel">
              {(props) => (
                <Button {...props} leftSection={<IconFileImport size={16} />} loading={busy} data-testid="import-choose">
                  {t('ui.import.choose')}
                </Button>
              )}
            </FileButton>
            {file && <Text size="sm">{file.fileName}</Text>}
          </Group>
          <Button variant="subtle" leftSection={<IconTableDown size={16} />} onClick={template}>
            {t('ui.import.template')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt="xs">
          {t('ui.import.hint')}
        </Text>
      </Paper>
      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}
      {preview && <PreviewView preview={preview} />}
      {preview && (
        <Group justify="flex-end">
          <Button onClick={() => void run()} disabled={!ready} loading={busy} data-testid="import-run">
            {t('ui.import.run', { count: preview.rows })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function PreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fields = preview.columns.filter((c) => c.field).map((c) => c.field!);
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Group gap="xs">
        <Badge variant="light">{t('ui.import.rows', { count: preview.rows })}</Badge>
        <Badge variant="light" color="green">
          {t('ui.import.valid', { count: preview.valid })}
        </Badge>
        {preview.rows - preview.valid > 0 && (
          <Badge variant="light" color="red">
            {t('ui.import.invalid', { count: preview.rows - preview.valid })}
          </Badge>
        )}
        {preview.columns
          .filter((c) => !c.field)
          .map((c) => (
            <Badge key={c.header} variant="outline" color="gray">
              {t('ui.import.ignored', { header: c.header })}
            </Badge>
          ))}
      </Group>
      {preview.problems.length > 0 && (
        <Paper withBorder>
          <Table fz="sm" data-testid="import-problems">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('ui.import.row')}</Table.Th>
                <Table.Th w={160}>{t('ui.import.column')}</Table.Th>
                <Table.Th>{t('ui.import.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.problems.map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td c="red.8">{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {preview.sample.length > 0 && (
        <Paper withBorder style={{ overflowX: 'auto' }}>
          <Text size="sm" fw={600} p="xs">
            {t('ui.import.sample')}
          </Text>
          <Table fz="sm" data-testid="import-sample">
            <Table.Thead>
              <Table.Tr>
                {fields.map((f) => (
                  <Table.Th key={f}>{t(`import.field.${fieldLabel(preview.kind, f)}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sample.map((row, i) => (
                <Table.Tr key={i}>
                  {fields.map((f) => (
                    <Table.Td key={f}>{shown(row, f, t)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function shown(row: Record<string, unknown>, field: string, t: (k: string) => string): string {
  if (field === 'price') return typeof row.priceFen === 'number' ? (row.priceFen / 100).toFixed(2) : '';
  const v = row[field];
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return t(v ? 'ui.common.yes' : 'ui.common.no');
  if (field === 'kind' && typeof v === 'string') return t(`customerKind.${v}`);
  return v === null || v === undefined ? '' : String(v);
}
