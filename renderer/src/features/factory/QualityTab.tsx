/** The month's quality report for the factory: failures by model, batch, part and fault as bars, plus repeats, exchanges and returns. */
import { useState } from 'react';
import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../shared/domain/time';
import { deskNow } from '../../api/desk-clock';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';

function Bars({ title, rows, blank, testId }: { title: string; rows: { key: string; n: number }[]; blank: string; testId: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} mb={6}>{title}</Text>
      {rows.length === 0 && <Text c="dimmed" size="sm">{t('ui.factory.noData')}</Text>}
      <Stack gap={6}>
        {rows.slice(0, 10).map((r) => (
          <Group key={r.key} gap="xs" wrap="nowrap" data-testid="quality-bar">
            <Text size="sm" w={150} truncate="end" title={r.key || blank}>{r.key || blank}</Text>
            <Progress value={(r.n / max) * 100} style={{ flex: 1 }} size="lg" />
            <Text size="sm" w={40} ta="right">{r.n}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function QualityTab() {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const [month, setMonth] = useState(localDate(deskNow(), timeZone).slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const report = useApi('reports.quality', { month }, valid);
  const q = report.data;
  const figure = (key: string, n: number) => (
    <Paper withBorder p="sm" key={key} data-testid={`quality-${key}`}>
      <Text size="sm" c="dimmed">{t(`ui.factory.${key}`)}</Text>
      <Text fz={26} fw={700}>{n}</Text>
    </Paper>
  );
  return (
    <Stack gap="sm">
      <TextInput label={t('ui.factory.month')} w={160} value={month} onChange={(e) => setMonth(e.currentTarget.value)} placeholder="YYYY-MM" data-testid="quality-month" />
      {report.error && <Alert color="red">{report.error.message}</Alert>}
      {q && (
        <>
          <SimpleGrid cols={4}>{[figure('failures', q.failures), figure('repeats', q.repeats), figure('exchanges', q.exchanges), figure('returns', q.returns)]}</SimpleGrid>
          <SimpleGrid cols={2}>
            <Bars title={t('ui.factory.byModel')} rows={q.byModel} blank={t('ui.factory.noModel')} testId="quality-by-model" />
            <Bars title={t('ui.factory.byBatch')} rows={q.byBatch} blank="—" testId="quality-by-batch" />
            <Bars title={t('ui.factory.byPart')} rows={q.byPart} blank="—" testId="quality-by-part" />
            <Bars title={t('ui.factory.byFault')} rows={q.byFault} blank="—" testId="quality-by-fault" />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
