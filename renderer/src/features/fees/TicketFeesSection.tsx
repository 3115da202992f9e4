import { useState } from 'react';
import { SanbaoHint } from '../sanbao/SanbaoHint';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconCash, IconCheck, IconFileInvoice, IconPrinter, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Bill, Quote, TicketFees } from '../../../../shared/domain/fee-records';
import type { TicketDetail } from '../../../../shared/domain/ticket';
import { formatDifference, formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useChangeEvents } from '../../api/use-change-events';
import { formatDateTime as formatInZone } from '../../components/format-time';
import { useSession } from '../auth/session-context';
import { PrintPreviewModal, type PrintRequest } from '../printing/PrintPreviewModal';
import { AcknowledgeDialog, PaymentDialog, QuoteConsentDialog } from './FeeDialogs';
import { FeeLinesView } from './FeeLinesView';
import { BillConsentDialog } from './BillConsentDialog';
import { BillConsentStatus } from './BillConsentStatus';

const DESK = ['clerk', 'supervisor', 'admin'];

/** An instant in the desk's time zone, in the UI's language. */
function useDateTime(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  const { timeZone } = useSession();
  return (iso) => formatInZone(iso, i18n.language, timeZone);
}
type Dialog = { kind: 'consent'; quote: Quote } | { kind: 'payment'; bill: Bill } | { kind: 'ack'; bill: Bill } | { kind: 'billConsent'; bill: Bill } | null;

/** 费用 on the ticket: quote revisions with consent, the bill with its difference from the quote, payments, balance. */
export function TicketFeesSection({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const fees = useApi('quotes.get', { ticketId: ticket.id });
  useChangeEvents(fees.reload);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [print, setPrint] = useState<PrintRequest | null>(null);
  const desk = DESK.includes(user.role);
  const finished = ticket.status === 'closed' || ticket.status === 'cancelled';
  const data: TicketFees | null = fees.data;
  const done = () => {
    setDialog(null);
    fees.reload();
  };

  return (
    <Paper withBorder p="sm" data-testid="ticket-fees">
      <Group justify="space-between" mb={data && data.quotes.length === 0 && !data.bill ? 0 : 'xs'}>
        <Group gap="xs">
          <Title order={5}>{t('ui.fees.ticket.title')}</Title>
          {data && data.quotes.length === 0 && !data.bill && (
            <Text size="sm" c="dimmed" data-testid="fees-none">
              {t('ui.fees.ticket.none')}
            </Text>
          )}
        </Group>
        {desk && data && !data.bill && !finished && (
          <Group gap="xs">
            <Button component={Link} to={`/fees/calculator?ticket=${ticket.id}`} size="xs" variant="light" leftSection={<IconCalculator size={14} />} data-testid="new-quote">
              {data.quotes.length ? t('ui.fees.ticket.reviseQuote') : t('ui.fees.ticket.newQuote')}
            </Button>
            <Button component={Link} to={`/fees/calculator?ticket=${ticket.id}&mode=bill`} size="xs" variant="light" leftSection={<IconFileInvoice size={14} />} data-testid="create-bill">
              {t('ui.fees.ticket.createBill')}
            </Button>
          </Group>
        )}
      </Group>
      <SanbaoHint key={ticket.events.length} ticketId={ticket.id} />
      {fees.error && <Alert color="red">{fees.error.message}</Alert>}
      {data && (
        <Stack gap="sm">
          {data.quotes.map((q, i) => (
            <QuoteCard key={q.id} quote={q} expanded={i === 0} canConsent={desk && i === 0 && q.status === 'pending' && !data.bill} onConsent={() => setDialog({ kind: 'consent', quote: q })} onPrint={() => setPrint({ document: 'quote', id: q.id })} />
          ))}
          {data.bill && (
            <BillCard
              bill={data.bill}
              payments={data.payments}
              desk={desk}
              staff={user.role === 'supervisor' || user.role === 'admin'}
              onPay={() => setDialog({ kind: 'payment', bill: data.bill! })}
              onAck={() => setDialog({ kind: 'ack', bill: data.bill! })}
              onConsent={() => setDialog({ kind: 'billConsent', bill: data.bill! })}
              onPrint={(paymentId) => setPrint({ document: 'paymentReceipt', id: paymentId })}
              onApproved={fees.reload}
            />
          )}
        </Stack>
      )}
      {dialog?.kind === 'consent' && <QuoteConsentDialog quote={dialog.quote} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'payment' && <PaymentDialog bill={dialog.bill} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'ack' && <AcknowledgeDialog bill={dialog.bill} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'billConsent' && <BillConsentDialog bill={dialog.bill} onClose={() => setDialog(null)} onDone={done} />}
      {print && <PrintPreviewModal opened onClose={() => setPrint(null)} request={print} />}
    </Paper>
  );
}

const STATUS_COLOR = { pending: 'yellow', accepted: 'teal', superseded: 'gray' } as const;

function QuoteCard({ quote, expanded, canConsent, onConsent, onPrint }: { quote: Quote; expanded: boolean; canConsent: boolean; onConsent: () => void; onPrint: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Stack gap={4} data-testid="quote" data-status={quote.status} data-revision={quote.revision}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('ui.fees.ticket.revision', { revision: quote.revision })}
          </Text>
          <Badge size="sm" variant="light" color={STATUS_COLOR[quote.status]} tt="none" data-testid="quote-status">
            {t(`ui.fees.quoteStatus.${quote.status}`)}
          </Badge>
          <Text size="sm" fw={600} data-testid="quote-total">
            {formatMoney(quote.calc.totalFen)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(quote.createdAt)}
          </Text>
        </Group>
        <Group gap={4}>
          {canConsent && (
            <Button size="compact-sm" leftSection={<IconSignature size={14} />} onClick={onConsent} data-testid="quote-consent">
              {t('ui.fees.ticket.consent')}
            </Button>
          )}
          <Button size="compact-sm" variant="default" leftSection={<IconPrinter size={14} />} onClick={onPrint} data-testid="quote-print">
            {t('ui.fees.ticket.print')}
          </Button>
        </Group>
      </Group>
      {quote.consentAt && (
        <Text size="xs" c="teal.8" data-testid="quote-consented">
          {t('ui.fees.ticket.consentedAt', { at: formatDateTime(quote.consentAt), channel: t(`ui.lifecycle.consent.channels.${quote.consentChannel}`) })}
        </Text>
      )}
      {expanded && <FeeLinesView lines={quote.lines} calc={quote.calc} taxLabel={t('ui.fees.ticket.tax')} />}
    </Stack>
  );
}

interface BillProps {
  bill: Bill;
  payments: TicketFees['payments'];
  desk: boolean;
  staff: boolean;
  onPay: () => void;
  onAck: () => void;
  onConsent: () => void;
  onPrint: (paymentId: number) => void;
  onApproved: () => void;
}

function BillCard({ bill, payments, desk, staff, onPay, onAck, onConsent, onPrint, onApproved }: BillProps) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const pendingApproval = bill.calc.discountNeedsApproval && !bill.discountApprovedAt;
  // No money is taken on a bill the customer has not agreed to (seed 001); the core refuses it too.
  const mayCollect = desk && bill.balanceFen > 0 && !pendingApproval && (bill.consentFrom !== null || bill.calc.totalFen === 0);
  async function approve() {
    const r = await call('bills.approveDiscount', { id: bill.id, version: bill.version });
    notifications.show(r.ok ? { color: 'teal', message: t('ui.lifecycle.done', { what: t('ui.fees.ticket.approveDiscount') }) } : { color: 'red', message: r.error.message });
    onApproved();
  }
  return (
    <Stack gap={6} data-testid="bill">
      <Group justify="space-between">
        <Title order={6}>{t('ui.fees.ticket.bill')}</Title>
        <Group gap={4}>
          {staff && pendingApproval && (
            <Button size="compact-sm" color="orange" leftSection={<IconCheck size={14} />} onClick={() => void approve()} data-testid="approve-discount">
              {t('ui.fees.ticket.approveDiscount')}
            </Button>
          )}
          {mayCollect && (
            <Button size="compact-sm" leftSection={<IconCash size={14} />} onClick={onPay} data-testid="record-payment">
              {t('ui.fees.ticket.recordPayment')}
            </Button>
          )}
          {mayCollect && !bill.ackAt && (
            <Button size="compact-sm" variant="light" leftSection={<IconSignature size={14} />} onClick={onAck} data-testid="acknowledge-balance">
              {t('ui.fees.ticket.acknowledge')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="lg">
        {bill.quoteTotalFen !== null && <Fact label={t('ui.fees.ticket.quoteTotal')} value={formatMoney(bill.quoteTotalFen)} testId="bill-quote-total" />}
        <Fact label={t('ui.fees.ticket.billTotal')} value={formatMoney(bill.calc.totalFen)} testId="bill-total" />
        {bill.differenceFen !== null && <Fact label={t('ui.fees.ticket.difference')} value={formatDifference(bill.differenceFen)} testId="bill-difference" color={bill.differenceFen > 0 ? 'orange.8' : undefined} />}
        <Fact label={t('ui.fees.ticket.paid')} value={formatMoney(bill.paidFen)} testId="bill-paid" />
        <Fact label={t('ui.fees.ticket.balance')} value={formatMoney(bill.balanceFen)} testId="bill-balance" color={bill.balanceFen > 0 ? 'red.7' : 'teal.8'} />
      </Group>
      <BillConsentStatus bill={bill} desk={desk} formatDateTime={formatDateTime} onRecord={onConsent} />
      {pendingApproval && (
        <Alert color="orange" p="xs" data-testid="discount-pending">
          {t('ui.fees.ticket.discountPending')}
        </Alert>
      )}
      {bill.discountApprovedAt && (
        <Text size="xs" c="dimmed">
          {t('ui.fees.ticket.discountApproved', { at: formatDateTime(bill.discountApprovedAt) })}
        </Text>
      )}
      {bill.ackAt && (
        <Text size="xs" c="teal.8" data-testid="bill-acknowledged">
          {t('ui.fees.ticket.acknowledged', { at: formatDateTime(bill.ackAt), promise: bill.ackPromisedDate ? t('ui.fees.ticket.promise', { date: bill.ackPromisedDate }) : '' })}
        </Text>
      )}
      <FeeLinesView lines={bill.lines} calc={bill.calc} taxLabel={t('ui.fees.ticket.tax')} />
      <Text size="sm" fw={600}>
        {t('ui.fees.ticket.payments')}
      </Text>
      {payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ui.fees.ticket.noPayments')}
        </Text>
      ) : (
        <Table verticalSpacing={2} fz="sm" data-testid="payments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.fees.ticket.paidAt')}</Table.Th>
              <Table.Th>{t('ui.fees.ticket.method')}</Table.Th>
              <Table.Th ta="right">{t('ui.fees.calc.amount')}</Table.Th>
              <Table.Th>{t('ui.fees.ticket.receiptNo')}</Table.Th>
              <Table.Th>{t('ui.fees.ticket.takenBy')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {payments.map((p) => (
              <Table.Tr key={p.id} data-testid="payment">
                <Table.Td>{formatDateTime(p.paidAt)}</Table.Td>
                <Table.Td>{t(`ui.fees.payMethod.${p.method}`)}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.amountFen)}</Table.Td>
                <Table.Td>{p.receiptNo}</Table.Td>
                <Table.Td>{p.takenByName}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="default" leftSection={<IconPrinter size={12} />} onClick={() => onPrint(p.id)} data-testid="payment-print">
                    {t('ui.fees.ticket.printReceipt')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Fact({ label, value, testId, color }: { label: string; value: string; testId: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="md" fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
