import { useState } from 'react';
import { Checkbox, NumberInput, SegmentedControl, SimpleGrid, Input, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/api/contract';
import { moveInput, SERVICE_MODES } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { wallToIso } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { ActionModal } from './ActionModal';
import { useActionRunner } from './use-action-runner';
import { DateField } from '../../components/DateField';

type Mode = (typeof SERVICE_MODES)[number];

/** The engineer's diagnosis and plan; core parts or a large estimate send it to the supervisor. */
export function PlanForm({ ticket, onClose, onDone }: { ticket: TicketDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const runner = useActionRunner(onDone);
  const p = ticket.progress;
  const [form, setForm] = useState({
    remoteGuidance: p.remoteGuidance,
    serviceMode: (p.serviceMode ?? 'onsite') as Mode,
    eta: '',
    diagnosis: p.diagnosis,
    rootCause: p.rootCause,
    repairPlan: p.repairPlan,
    partsNeeded: p.partsNeeded,
    touchesCoreParts: p.touchesCoreParts,
    estimateYuan: p.estimateFen / 100,
  });
  const patch = (next: Partial<typeof form>) => setForm((f) => ({ ...f, ...next }));
  const e = runner.fields;

  function submit() {
    const { estimateYuan, eta, ...rest } = form;
    const input: InputOf<'tickets.move'> = { id: ticket.id, version: ticket.version, move: 'submitPlan', ...rest, eta: eta ? wallToIso(eta, timeZone) : null, estimateFen: Math.round(estimateYuan * 100) };
    void runner.run(moveInput, input, (i) => call('tickets.move', i), t('ui.lifecycle.move.submitPlan'));
  }

  return (
    <ActionModal title={t('ui.lifecycle.move.submitPlan')} testId="plan-form" size="xl" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Input.Wrapper label={t('ui.lifecycle.plan.serviceMode')}>
        <SegmentedControl
          fullWidth
          data={SERVICE_MODES.map((m) => ({ value: m, label: t(`ui.lifecycle.plan.mode.${m}`) }))}
          value={form.serviceMode}
          onChange={(v) => patch({ serviceMode: v as Mode })}
          data-testid="plan-mode"
        />
      </Input.Wrapper>
      <Textarea label={t('ui.lifecycle.plan.diagnosis')} required value={form.diagnosis} onChange={(ev) => patch({ diagnosis: ev.currentTarget.value })} error={e.diagnosis} autosize minRows={2} data-autofocus data-testid="plan-diagnosis" />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label={t('ui.lifecycle.plan.rootCause')} value={form.rootCause} onChange={(ev) => patch({ rootCause: ev.currentTarget.value })} error={e.rootCause} data-testid="plan-root-cause" />
        <TextInput label={t('ui.lifecycle.plan.partsNeeded')} value={form.partsNeeded} onChange={(ev) => patch({ partsNeeded: ev.currentTarget.value })} error={e.partsNeeded} data-testid="plan-parts" />
      </SimpleGrid>
      <Textarea label={t('ui.lifecycle.plan.repairPlan')} required value={form.repairPlan} onChange={(ev) => patch({ repairPlan: ev.currentTarget.value })} error={e.repairPlan} autosize minRows={2} data-testid="plan-repair" />
      <Textarea label={t('ui.lifecycle.plan.remoteGuidance')} value={form.remoteGuidance} onChange={(ev) => patch({ remoteGuidance: ev.currentTarget.value })} error={e.remoteGuidance} autosize minRows={1} />
      <SimpleGrid cols={2} spacing="xs">
        <DateField withTime label={t('ui.lifecycle.plan.eta')} value={form.eta} onChange={(value) => patch({ eta: value })} error={e.eta} data-testid="plan-eta" />
        <NumberInput label={t('ui.lifecycle.plan.estimate')} min={0} decimalScale={2} value={form.estimateYuan} onChange={(v) => patch({ estimateYuan: typeof v === 'number' ? v : Number(v) || 0 })} error={e.estimateFen} data-testid="plan-estimate" />
      </SimpleGrid>
      <Checkbox label={t('ui.lifecycle.plan.touchesCoreParts')} checked={form.touchesCoreParts} onChange={(ev) => patch({ touchesCoreParts: ev.currentTarget.checked })} data-testid="plan-core" />
    </ActionModal>
  );
}
