/**
 * Hand-back: who collects (the customer or a delegate with an ID note), accessories ticked back, a drawn signature.
 * A repaired device's ticket is accepted by it (satisfaction asked here); an unpaid balance is shown and confirmed.
 */
import { useState } from 'react';
import { Alert, Checkbox, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SATISFACTION } from '../../../../shared/api/lifecycle.schema';
import { handBackInput } from '../../../../shared/api/returns.schema';
import { formatMoney } from '../../../../shared/domain/money';
import { missingAccessories, type ReturnDetail } from '../../../../shared/domain/returns';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { SignaturePad } from '../lifecycle/SignaturePad';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { carrying } from './ticket-carried';

interface Props {
  rec: ReturnDetail;
  onClose: () => void;
  onDone: () => void;
}

export function HandBackModal({ rec, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [pickedUpBy, setPickedUpBy] = useState(rec.customerName);
  const [delegate, setDelegate] = useState(false);
  const [idNote, setIdNote] = useState('');
  const [back, setBack] = useState(rec.accessories.map((a) => ({ ...a, ticked: false })));
  const [note, setNote] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [satisfaction, setSatisfaction] = useState<(typeof SATISFACTION)[number] | null>(null);
  const [balanceConfirmed, setBalanceConfirmed] = useState(false);
  const { handBackAccepts, openBalanceFen } = rec.ticketLink;
  const accessoriesBack = back.filter((a) => a.ticked).map((a) => ({ name: a.name, quantity: a.quantity }));
  const missing = missingAccessories(rec.accessories, accessoriesBack);
  const label = t('ui.returns.handBackForm.title');

  const submit = () =>
    void runner.run(
      handBackInput,
      { id: rec.id, version: rec.version, pickedUpBy, delegate, idNote: delegate ? idNote : '', accessoriesBack, note, signature: signature ?? '', satisfaction, balanceConfirmed },
      carrying(t, rec.ticketLink.status, (i) => call('returns.handBack', i)),
      label,
    );

  return (
    <ActionModal title={`${label} · ${rec.number}`} testId="hand-back-dialog" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose} size="lg" submitColor="green">
      {openBalanceFen > 0 && (
        <Alert color="orange" p="xs" data-testid="hand-back-balance">
          <Text size="sm" fw={600}>
            {t('ui.returns.handBackForm.balance', { amount: formatMoney(openBalanceFen) })}
          </Text>
          <Checkbox
            mt={6}
            label={t('ui.returns.handBackForm.balanceConfirm')}
            checked={balanceConfirmed}
            onChange={(e) => setBalanceConfirmed(e.currentTarget.checked)}
            error={runner.fields.balanceConfirmed}
            data-testid="hand-back-balance-confirm"
          />
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput autoFocus required label={t('ui.returns.handBackForm.pickedUpBy')} value={pickedUpBy} onChange={(e) => setPickedUpBy(e.currentTarget.value)} error={runner.fields.pickedUpBy} w={220} data-testid="hand-back-by" />
        <Switch label={t('ui.returns.handBackForm.delegate')} checked={delegate} onChange={(e) => setDelegate(e.currentTarget.checked)} mb={8} data-testid="hand-back-delegate" />
      </Group>
      {delegate && <TextInput required label={t('ui.returns.handBackForm.idNote')} value={idNote} onChange={(e) => setIdNote(e.currentTarget.value)} error={runner.fields.idNote} data-testid="hand-back-id-note" />}
      {rec.accessories.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('ui.returns.handBackForm.accessoriesBack')}
          </Text>
          {back.map((a, i) => (
            <Group key={i} gap="sm" data-testid="hand-back-accessory">
              <Checkbox
                label={`${a.name} × ${rec.accessories[i]?.quantity ?? a.quantity}`}
                checked={a.ticked}
                onChange={(e) => {
                  const ticked = e.currentTarget.checked;
                  setBack((list) => list.map((x, j) => (j === i ? { ...x, ticked } : x)));
                }}
                w={220}
                data-testid="hand-back-tick"
              />
              {a.ticked && (rec.accessories[i]?.quantity ?? 1) > 1 && (
                <NumberInput
                  size="xs"
                  w={80}
                  min={1}
                  max={rec.accessories[i]?.quantity ?? 1}
                  value={a.quantity}
                  onChange={(v) => {
                    const quantity = typeof v === 'number' ? v : 1;
                    setBack((list) => list.map((x, j) => (j === i ? { ...x, quantity } : x)));
                  }}
                  aria-label={t('ui.returns.form.quantity')}
                />
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Textarea
        label={t('ui.returns.handBackForm.note')}
        required={missing.length > 0}
        autosize
        minRows={1}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={runner.fields.note}
        data-testid="hand-back-note"
      />
      {handBackAccepts && (
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Select
            required
            label={t('ui.returns.handBackForm.satisfaction')}
            data={SATISFACTION.map((v) => ({ value: v, label: t(`ui.lifecycle.satisfaction.${v}`) }))}
            value={satisfaction}
            onChange={(v) => setSatisfaction(v as (typeof SATISFACTION)[number] | null)}
            error={runner.fields.satisfaction}
            w={180}
            data-testid="hand-back-satisfaction"
          />
          <Text size="xs" c="dimmed" mb={8} data-testid="hand-back-accepts">
            {t('ui.returns.handBackForm.accepts')}
          </Text>
        </Group>
      )}
      <SignaturePad value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.returns.handBackForm.signature')} />
    </ActionModal>
  );
}
