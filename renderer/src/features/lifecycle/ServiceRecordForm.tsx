import { useState } from 'react';
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { serviceRecordInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import { PartsEditor, type PartDraft } from './PartsEditor';
import { useActionRunner } from './use-action-runner';
import { useSession } from '../auth/session-context';

/** The engineer writes what was done, what got in the way and which parts went in (added to those already on the ticket). */
export function ServiceRecordForm({ ticket, onDone, onCancel }: { ticket: TicketDetail; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [steps, setSteps] = useState(ticket.progress.serviceSteps);
  const [problems, setProblems] = useState(ticket.progress.serviceProblems);
  const [parts, setParts] = useState<PartDraft[]>([]);
  const { user } = useSession();
  const staff = user.role === 'supervisor' || user.role === 'admin';
  const [stockOverride, setStockOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');

  function submit() {
    const input = { id: ticket.id, version: ticket.version, steps, problems, parts, stockOverride, overrideReason: stockOverride ? overrideReason : '' };
    void runner.run(serviceRecordInput, input, (i) => call('tickets.recordService', i), t('ui.lifecycle.service.save'));
  }

  const onKeyDown = useEnterNavigation(submit);
  return (
    <Stack gap="xs" onKeyDown={onKeyDown} data-testid="service-form">
      <SimpleGrid cols={2} spacing="xs">
        <Textarea label={t('ui.lifecycle.service.steps')} required value={steps} onChange={(e) => setSteps(e.currentTarget.value)} error={runner.fields.steps} autosize minRows={3} data-testid="service-steps" />
        <Textarea label={t('ui.lifecycle.service.problems')} value={problems} onChange={(e) => setProblems(e.currentTarget.value)} error={runner.fields.problems} autosize minRows={3} data-testid="service-problems" />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('ui.lifecycle.service.parts')}
      </Text>
      <PartsEditor parts={parts} onChange={setParts} errors={runner.fields} />
      {staff && parts.some((p) => p.partId !== null) && (
        <Group gap="sm" align="flex-end">
          <Checkbox label={t('ui.lifecycle.service.stockOverride')} checked={stockOverride} onChange={(e) => setStockOverride(e.currentTarget.checked)} data-testid="service-override" />
          {stockOverride && <TextInput size="xs" w={320} label={t('ui.lifecycle.service.overrideReason')} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} error={runner.fields.overrideReason} data-testid="service-override-reason" />}
        </Group>
      )}
      {runner.error && (
        <Alert color="red" role="alert" data-testid="service-error">
          {runner.error}
        </Alert>
      )}
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel} data-testid="service-cancel">
            {t('ui.common.cancel')}
          </Button>
        )}
        <Button onClick={submit} loading={runner.busy} data-testid="service-save">
          {t('ui.lifecycle.service.save')}
        </Button>
      </Group>
    </Stack>
  );
}
