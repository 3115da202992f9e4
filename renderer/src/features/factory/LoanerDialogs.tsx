/** The loaner dialogs: a new unit for the pool, lending one to a ticket's customer, and taking it back. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOANER_CONDITIONS, depositProblem, type Loan, type Loaner, type LoanerCondition } from '../../../../shared/domain/factory';
import { localDate } from '../../../../shared/domain/time';
import { call } from '../../api/call';
import { deskNow } from '../../api/desk-clock';
import { useApi } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { useSession } from '../auth/session-context';
import { toFen, yuan } from '../parts/money';
import { useSubmit } from './use-submit';

interface Props {
  onClose: () => void;
}

function Footer({ busy, onClose, onSave, testId }: { busy: boolean; onClose: () => void; onSave: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>{t('ui.factory.cancel')}</Button>
      <Button loading={busy} onClick={onSave} data-testid={testId}>{t('ui.factory.save')}</Button>
    </Group>
  );
}

export function NewLoanerModal({ onClose, onDone }: Props & { onDone: () => void }) {
  const { t } = useTranslation();
  const models = useApi('models.list', {});
  const [serial, setSerial] = useState('');
  const [modelId, setModelId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const s = useSubmit();
  const save = async () => {
    if (await s.submit(() => call('loaners.create', { serial, modelId: modelId ? Number(modelId) : null, note }))) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={t('ui.factory.addLoaner')}>
      <Stack>
        <TextInput label={t('ui.factory.serial')} required value={serial} onChange={(e) => setSerial(e.currentTarget.value)} error={s.errors.serial} data-autofocus data-testid="loaner-serial" />
        <Select label={t('ui.factory.model')} clearable searchable value={modelId} onChange={setModelId} data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))} data-testid="loaner-model" />
        <TextInput label={t('ui.factory.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Footer busy={s.busy} onClose={onClose} onSave={() => void save()} testId="loaner-save" />
      </Stack>
    </Modal>
  );
}

/** Lends a unit: from the pool (the unit chosen, the ticket typed) or from a ticket (the ticket known, the unit picked). */
export function LendModal({ loaner, ticketNumber, onClose, onDone }: Props & { loaner?: Loaner; ticketNumber?: string; onDone: (loanId: number) => void }) {
  const { t } = useTranslation();
  const { timeZone } = useSession();
  const pool = useApi('loaners.list', { show: 'all' }, !loaner);
  const [loanerId, setLoanerId] = useState<string | null>(loaner ? String(loaner.id) : null);
  const [number, setNumber] = useState(ticketNumber ?? '');
  const [deposit, setDeposit] = useState('');
  const [dueOn, setDueOn] = useState(localDate(new Date(deskNow().getTime() + 7 * 86_400_000), timeZone));
  const s = useSubmit();
  const save = async () => {
    if (!loanerId) return s.setErrors({ loanerId: t('validation.required') });
    const ticket = await call('tickets.get', { number: number.trim() });
    if (!ticket.ok) return s.setErrors({ ticketId: t('ui.factory.ticketNotFound', { number: number.trim() }) });
    const loan = await s.submit(() => call('loaners.lend', { loanerId: Number(loanerId), ticketId: ticket.value.id, depositFen: toFen(deposit), dueOn }));
    if (loan) onDone(loan.id);
  };
  const available = (pool.data ?? []).filter((l) => l.state === 'available');
  return (
    <Modal opened onClose={onClose} title={loaner ? t('ui.factory.lendTitle', { serial: loaner.serial }) : t('ui.factory.lendOnTicket', { number: ticketNumber ?? '' })}>
      <Stack>
        {!loaner && (
          <Select
            label={t('ui.factory.loaner')} required searchable value={loanerId} onChange={setLoanerId} error={s.errors.loanerId} data-autofocus
            data={available.map((l) => ({ value: String(l.id), label: [l.serial, l.modelCode, t(`ui.factory.condition.${l.condition}`)].filter(Boolean).join(' · ') }))}
            nothingFoundMessage={t('ui.factory.noneAvailable')} data-testid="lend-loaner"
          />
        )}
        <TextInput label={t('ui.factory.ticketNumber')} required readOnly={ticketNumber !== undefined} value={number} onChange={(e) => setNumber(e.currentTarget.value)} error={s.errors.ticketId} data-autofocus={Boolean(loaner)} data-testid="lend-ticket" />
        <TextInput label={t('ui.factory.deposit')} inputMode="decimal" value={deposit} onChange={(e) => setDeposit(e.currentTarget.value)} error={s.errors.depositFen} data-testid="lend-deposit" />
        <DateField label={t('ui.factory.dueOn')} value={dueOn} onChange={setDueOn} error={s.errors.dueOn} data-testid="lend-due" />
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Footer busy={s.busy} onClose={onClose} onSave={() => void save()} testId="lend-save" />
      </Stack>
    </Modal>
  );
}

export function GiveBackModal({ loaner, loan, onClose, onDone }: Props & { loaner: Loaner; loan: Loan; onDone: () => void }) {
  const { t } = useTranslation();
  const [condition, setCondition] = useState<LoanerCondition>('good');
  const [refund, setRefund] = useState(yuan(loan.depositFen));
  const [keptReason, setKeptReason] = useState('');
  const s = useSubmit();
  const save = async () => {
    const refundFen = toFen(refund);
    // The same rule as the core's, so the field says it before the save.
    const problem = depositProblem(loan.depositFen, refundFen, keptReason);
    if (problem) return s.setErrors({ [problem === 'loan.refundTooHigh' ? 'refundFen' : 'keptReason']: t(`error.${problem}`, { deposit: yuan(loan.depositFen) }) });
    if (await s.submit(() => call('loaners.giveBack', { loanId: loan.id, condition, refundFen, keptReason }))) onDone();
  };
  return (
    <Modal opened onClose={onClose} title={t('ui.factory.giveBackTitle', { serial: loaner.serial, number: loan.number })}>
      <Stack>
        <Select
          label={t('ui.factory.conditionLabel')} value={condition} allowDeselect={false} onChange={(v) => setCondition((v ?? 'good') as LoanerCondition)}
          data={LOANER_CONDITIONS.map((c) => ({ value: c, label: t(`ui.factory.condition.${c}`) }))} data-testid="back-condition"
        />
        <TextInput label={t('ui.factory.refund')} inputMode="decimal" value={refund} onChange={(e) => setRefund(e.currentTarget.value)} error={s.errors.refundFen} data-testid="back-refund" />
        <TextInput label={t('ui.factory.keptReason')} description={t('ui.factory.keptHint')} value={keptReason} onChange={(e) => setKeptReason(e.currentTarget.value)} error={s.errors.keptReason} data-testid="back-reason" />
        {s.message && <Alert color="red" role="alert">{s.message}</Alert>}
        <Footer busy={s.busy} onClose={onClose} onSave={() => void save()} testId="back-save" />
      </Stack>
    </Modal>
  );
}
