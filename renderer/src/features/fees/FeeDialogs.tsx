import { useState } from 'react';
import { Select, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS } from '../../../../shared/api/lifecycle.schema';
import { acknowledgeInput, paymentInput, PAYMENT_METHODS, quoteConsentInput } from '../../../../shared/api/fees.schema';
import type { Bill, Quote } from '../../../../shared/domain/fee-records';
import { formatMoney, parseYuan, yuanInput } from '../../../../shared/domain/money';
import { call } from '../../api/call';
import { ActionModal } from '../lifecycle/ActionModal';
import { SignaturePad } from '../lifecycle/SignaturePad';
import { useActionRunner } from '../lifecycle/use-action-runner';
import { DateField } from '../../components/DateField';

type Channel = (typeof CONSENT_CHANNELS)[number];
type Method = (typeof PAYMENT_METHODS)[number];
interface DialogProps {
  onClose: () => void;
  onDone: () => void;
}

/** The customer accepts the quote: how (on site with a drawn signature, phone, online, e-mail) and when (now). */
export function QuoteConsentDialog({ quote, onClose, onDone }: DialogProps & { quote: Quote }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [channel, setChannel] = useState<Channel>('onsite');
  const [signature, setSignature] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const title = t('ui.fees.ticket.consent');
  function submit() {
    const input = { id: quote.id, version: quote.version, channel, signature: channel === 'onsite' ? signature : null, note };
    void runner.run(quoteConsentInput, input, (i) => call('quotes.consent', i), title);
  }
  return (
    <ActionModal title={`${title} · ${t('ui.fees.ticket.revision', { revision: quote.revision })}`} testId="quote-consent-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {t('ui.fees.calc.total')}: <b data-testid="consent-total">{formatMoney(quote.calc.totalFen)}</b>
      </Text>
      <Select
        label={t('ui.fees.ticket.consentChannel')}
        data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`ui.lifecycle.consent.channels.${c}`) }))}
        value={channel}
        allowDeselect={false}
        onChange={(v) => v && setChannel(v as Channel)}
        data-autofocus
        data-testid="quote-consent-channel"
      />
      {channel === 'onsite' && <SignaturePad value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.fees.ticket.signatureHint')} />}
      <Textarea label={t('ui.lifecycle.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={runner.fields.note} autosize minRows={1} />
    </ActionModal>
  );
}

/** A payment: method, amount in yuan (the balance by default; less is a partial payment), receipt or invoice number. */
export function PaymentDialog({ bill, onClose, onDone }: DialogProps & { bill: Bill }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [method, setMethod] = useState<Method>('cash');
  const [amount, setAmount] = useState(yuanInput(bill.balanceFen));
  const [receiptNo, setReceiptNo] = useState('');
  const title = t('ui.fees.ticket.recordPayment');
  const fen = parseYuan(amount);
  function submit() {
    // A typo is refused by the schema (amountFen must be a positive integer), with the field's own message.
    const input = { billId: bill.id, method, amountFen: fen ?? Number.NaN, receiptNo };
    void runner.run(paymentInput, input, (i) => call('payments.record', i), title);
  }
  return (
    <ActionModal title={title} testId="payment-form" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {t('ui.fees.ticket.balance')}: <b>{formatMoney(bill.balanceFen)}</b>
      </Text>
      <Select
        label={t('ui.fees.ticket.method')}
        data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`ui.fees.payMethod.${m}`) }))}
        value={method}
        allowDeselect={false}
        onChange={(v) => v && setMethod(v as Method)}
        data-autofocus
        data-testid="payment-method"
      />
      <TextInput
        label={t('ui.fees.ticket.amount')}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        inputMode="decimal"
        error={fen === null && amount.trim() !== '' ? t('ui.fees.calc.badMoney') : runner.fields.amountFen}
        description={fen !== null ? formatMoney(fen) : undefined}
        data-testid="payment-amount"
      />
      <TextInput label={t('ui.fees.ticket.receiptNo')} value={receiptNo} onChange={(e) => setReceiptNo(e.currentTarget.value)} maxLength={40} error={runner.fields.receiptNo} data-testid="payment-receipt-no" />
    </ActionModal>
  );
}

/** 发票收讫回执: the customer leaves with a balance and signs for it, with the date they promise to pay. */
export function AcknowledgeDialog({ bill, onClose, onDone }: DialogProps & { bill: Bill }) {
  const { t } = useTranslation();
  const runner = useActionRunner(onDone);
  const [signature, setSignature] = useState<string | null>(null);
  const [promised, setPromised] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const title = t('ui.fees.ticket.acknowledge');
  function submit() {
    const input = { billId: bill.id, version: bill.version, signature: signature ?? '', promisedDate: promised, note };
    void runner.run(acknowledgeInput, input, (i) => call('payments.acknowledgeBalance', i), title);
  }
  return (
    <ActionModal title={title} testId="ack-form" size="lg" busy={runner.busy} error={runner.error} onSubmit={submit} onClose={onClose}>
      <Text size="sm">
        {t('ui.fees.ticket.ackHint')} {t('ui.fees.ticket.balance')}: <b>{formatMoney(bill.balanceFen)}</b>
      </Text>
      <DateField w={180} label={t('ui.fees.ticket.promisedDate')} value={promised ?? ''} onChange={(value) => setPromised(value || null)} error={runner.fields.promisedDate} data-autofocus data-testid="ack-promised" />
      <SignaturePad value={signature} onChange={setSignature} error={runner.fields.signature ? t('ui.lifecycle.signature.required') : undefined} hint={t('ui.fees.ticket.signatureHint')} />
      <Textarea label={t('ui.lifecycle.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
    </ActionModal>
  );
}
