import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/call';
import { downloadBase64, XLSX_TYPE } from '../../components/download-file';
import type { Period } from './period';

/** The month-end button: the core builds the workbook (in the UI's language) and the browser saves it. */
export function ExportWorkbookButton({ period }: { period: Period }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function exportWorkbook() {
    setBusy(true);
    const r = await call('reports.monthlyWorkbook', period);
    setBusy(false);
    if (r.ok) downloadBase64(r.value.fileName, r.value.dataBase64, XLSX_TYPE);
    else notifications.show({ color: 'red', title: t('ui.stats.exportFailed'), message: r.error.message });
  }

  return (
    <Button leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void exportWorkbook()} data-testid="export-workbook">
      {t('ui.stats.export')}
    </Button>
  );
}
