/**
 * 服务记录与配件 on the phone: what was done and what got in the way, and the parts used, each found by
 * its part number (typed, or scanned with the camera) or typed by hand. Saved with tickets.recordService,
 * which issues catalogue parts from stock, as on the desk.
 */
import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { serviceRecordInput } from '../../../../shared/api/lifecycle.schema';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { call } from '../../api/call';
import { quantityText } from '../../components/quantity';
import { EMPTY_PART, type PartDraft } from '../lifecycle/PartsEditor';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { canScan, PartScanner } from './PartScanner';
import { PhonePartCard } from './PhonePartCard';
import { PhoneSection } from './PhoneSection';

export function PhoneRecord({ ticket: d, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState(d.progress.serviceSteps);
  const [problems, setProblems] = useState(d.progress.serviceProblems);
  const [parts, setParts] = useState<PartDraft[]>([]);
  const [partNo, setPartNo] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [onHand, setOnHand] = useState(new Map<number, number>());
  const runner = useActionRunner(() => {
    setParts([]);
    onChanged();
  });

  /** A part number typed or scanned: looked up exactly, as the desk's scanner field does. */
  async function lookUp(text: string) {
    const wanted = text.trim();
    if (!wanted) return;
    const r = await call('parts.get', { partNo: wanted });
    if (!r.ok || !r.value.active) return setNotFound(wanted);
    const part = r.value;
    setNotFound(null);
    setPartNo('');
    setOnHand((before) => new Map(before).set(part.id, part.onHand));
    setParts((before) => [...before, { ...EMPTY_PART, partName: part.name, partModel: part.partNo, unit: part.unit, partId: part.id }]);
  }

  function save() {
    const input = { id: d.id, version: d.version, steps, problems, parts, stockOverride: false, overrideReason: '' };
    void runner.run(serviceRecordInput, input, (i) => call('tickets.recordService', i), t('ui.lifecycle.service.save'));
  }

  return (
    <PhoneSection title={t('ui.phone.record.title')} testId="phone-record">
      <Textarea size="md" label={t('ui.lifecycle.service.steps')} required value={steps} onChange={(e) => setSteps(e.currentTarget.value)} error={runner.fields.steps} autosize minRows={3} data-testid="phone-steps" />
      <Textarea size="md" label={t('ui.lifecycle.service.problems')} value={problems} onChange={(e) => setProblems(e.currentTarget.value)} error={runner.fields.problems} autosize minRows={2} data-testid="phone-problems" />
      {d.progress.parts.length > 0 && (
        <Stack gap={2} data-testid="phone-parts-used">
          <Text size="sm" fw={500}>
            {t('ui.phone.record.usedParts')}
          </Text>
          {d.progress.parts.map((p) => (
            <Text key={p.id} size="sm" data-testid="phone-part-used">
              {p.partName} {p.partModel} × {quantityText(t, p.quantity, p.unit)}
              {p.serial && ` · ${p.serial}`}
            </Text>
          ))}
        </Stack>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp(partNo);
        }}
      >
        <TextInput
          label={t('ui.phone.record.part')}
          size="md"
          value={partNo}
          onChange={(e) => {
            setPartNo(e.currentTarget.value);
            setNotFound(null);
          }}
          error={notFound ? t('ui.parts.notFound', { partNo: notFound }) : undefined}
          autoCapitalize="characters"
          autoCorrect="off"
          enterKeyHint="done"
          data-testid="phone-part-no"
        />
        <Group grow gap="xs" mt="xs">
          <Button type="submit" h={44} variant="light" data-testid="phone-part-add">
            {t('ui.phone.record.add')}
          </Button>
          {canScan() && <PartScanner onScanned={(text) => void lookUp(text)} />}
        </Group>
      </form>
      {parts.length > 0 && (
        <Text size="sm" fw={500}>
          {t('ui.phone.record.newParts')}
        </Text>
      )}
      {parts.map((p, i) => (
        <PhonePartCard
          key={i}
          part={p}
          onHand={p.partId === null ? null : (onHand.get(p.partId) ?? null)}
          errors={runner.fields}
          index={i}
          onChange={(next) => setParts((before) => before.map((x, j) => (j === i ? { ...x, ...next } : x)))}
          onRemove={() => setParts((before) => before.filter((_, j) => j !== i))}
        />
      ))}
      <Button h={44} variant="subtle" leftSection={<IconPlus size={18} />} onClick={() => setParts((before) => [...before, EMPTY_PART])} data-testid="phone-part-hand">
        {t('ui.phone.record.handTyped')}
      </Button>
      {runner.error && (
        <Alert color="red" role="alert" data-testid="phone-record-error">
          {runner.error}
        </Alert>
      )}
      <Button fullWidth h={48} onClick={save} loading={runner.busy} data-testid="phone-record-save">
        {t('ui.lifecycle.service.save')}
      </Button>
    </PhoneSection>
  );
}
