/** "Export" on a list: the core writes every row of the current filter as .xlsx or CSV, the browser saves it. */
import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../shared/api/contract';
import { call } from '../api/call';
import { downloadBase64, XLSX_TYPE } from './download-file';

type ExportMethod = 'tickets.export' | 'returns.export' | 'receivables.export';

export function ExportMenu<M extends ExportMethod>({ method, input }: { method: M; input: Omit<InputOf<M>, 'format'> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function run(format: 'xlsx' | 'csv') {
    setBusy(true);
    const r = await call(method, { ...input, format } as InputOf<M>);
    setBusy(false);
    if (r.ok) downloadBase64(r.value.fileName, r.value.dataBase64, format === 'csv' ? 'text/csv;charset=utf-8' : XLSX_TYPE);
    else notifications.show({ color: 'red', title: t('ui.export.failed'), message: r.error.message });
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconDownload size={16} />} loading={busy} data-testid="export-list">
          {t('ui.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('ui.export.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void run('csv')} data-testid="export-csv">
          {t('ui.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
