import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Center, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TicketLabour } from '../../../../shared/domain/labour';
import { agreedParts, type AgreedPart, type Discount, type FeeRules, type LineInput, type PartPrice, type WarrantyDecision } from '../../../../shared/domain/fees';
import type { WarrantyStatus } from '../../../../shared/domain/warranty';
import { call } from '../../api/call';
import { useApi } from '../../api/use-api';
import { useSession } from '../auth/session-context';
import { FeeCalculator } from './FeeCalculator';
import { discountDraftOf, draftOf, evaluate, type DiscountDraft, type DraftLine } from './fee-draft';
import { billConsent } from '../../../../shared/api/fees.schema';
import { checkInput, type FieldErrors } from '../../components/translate-problems';
import { BillConsentFields } from './BillConsentFields';
import { usePartPrices } from './use-part-prices';
import { billConsentInput, EMPTY_BILL_CONSENT } from './bill-consent-draft';

const DESK = ['clerk', 'supervisor', 'admin'];

const loading = (
  <Center p="xl">
    <Loader size="sm" />
  </Center>
);

/**
 * 费用计算: standalone ("how much will it cost?" on the phone: warranty and model picked by hand) or for a
 * ticket (`?ticket=ID`: its device's warranty decision; saves a quote revision, or with `&mode=bill` the bill).
 */
export default function CalculatorPage() {
  const [params] = useSearchParams();
  const ticketId = Number(params.get('ticket'));
  if (Number.isInteger(ticketId) && ticketId > 0) return <TicketCalculator ticketId={ticketId} mode={params.get('mode') === 'bill' ? 'bill' : 'quote'} />;
  return <PhoneCalculator />;
}

function PhoneCalculator() {
  const { t } = useTranslation();
  const { user } = useSession();
  const standard = useApi('fees.standard.get', { date: null });
  const models = useApi('models.list', {});
  const catalogue = usePartPrices();
  const [status, setStatus] = useState<WarrantyStatus>('out');
  const [modelId, setModelId] = useState<number | null>(null);
  const error = standard.error ?? catalogue.error;
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!standard.data || !catalogue.parts) return loading;
  const current = standard.data.current;
  const decision: WarrantyDecision = { status, repeatRepair: false, previousRepairDate: null };
  return (
    <Stack gap="sm" maw={1400} data-testid="fee-calculator">
      <Title order={3}>{t('ui.fees.calc.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('ui.fees.calc.phoneHint')}
      </Text>
      {!current ? (
        <Alert color="yellow">{t('ui.fees.calc.noStandard')}</Alert>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Group gap="lg" align="flex-end">
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {t('ui.fees.calc.warranty')}
                </Text>
                <SegmentedControl value={status} onChange={(v) => setStatus(v as WarrantyStatus)} data={(['in', 'out', 'unknown'] as const).map((s) => ({ value: s, label: t(`ui.fees.warranty.${s}`) }))} data-testid="calc-warranty" />
              </Stack>
              <Select
                label={t('ui.fees.calc.model')}
                w={280}
                searchable
                clearable
                placeholder={t('ui.fees.calc.noModel')}
                data={(models.data ?? []).map((m) => ({ value: String(m.id), label: `${m.code} ${m.name}` }))}
                value={modelId === null ? null : String(modelId)}
                onChange={(v) => setModelId(v ? Number(v) : null)}
                data-testid="calc-model"
              />
              <Text size="sm" c="dimmed">
                {t('ui.fees.calc.standardFrom', { date: current.effectiveFrom })}
              </Text>
            </Group>
          </Paper>
          <CalculatorBody rules={current.rules} parts={catalogue.parts} agreed={NONE_AGREED} decision={decision} modelId={modelId} initialLines={[]} initialDiscount={{ kind: 'none' }} canOverride={user.role === 'supervisor' || user.role === 'admin'} />
        </>
      )}
    </Stack>
  );
}

function TicketCalculator({ ticketId, mode }: { ticketId: number; mode: 'quote' | 'bill' }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const ticket = useApi('tickets.get', { id: ticketId });
  const fees = useApi('quotes.get', { ticketId });
  const preview = useApi('fees.calculate', { ticketId, lines: [] });
  const catalogue = usePartPrices();
  const models = useApi('models.list', {});
  const [consent, setConsent] = useState(EMPTY_BILL_CONSENT);
  const [consentErrors, setConsentErrors] = useState<FieldErrors>({});
  const accepted = fees.data?.quotes.find((q) => q.status === 'accepted') ?? null;
  const latest = fees.data?.quotes[0] ?? null;
  // A bill keeps the accepted quote's prices: the standard in force on the quote's date, and its part prices.
  const standardDate = mode === 'bill' && accepted ? accepted.serviceDate : null;
  const standard = useApi('fees.standard.get', { date: standardDate }, fees.data !== null);
  const agreed = useMemo(() => (mode === 'bill' && accepted ? agreedParts(accepted.lines, accepted.calc) : NONE_AGREED), [mode, accepted]);
  const error = ticket.error ?? fees.error ?? standard.error ?? catalogue.error ?? (preview.error?.code === 'CONFLICT' ? null : preview.error);
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!ticket.data || !fees.data || !standard.data || !catalogue.parts || !models.data || (!preview.data && !preview.error)) return loading;
  const modelId = ticket.data.model?.id;
  const logged = { labour: ticket.data.labour, productLine: models.data.find((m) => m.id === modelId)?.productLine ?? null };
  const rules = standard.data.current?.rules;
  const from = mode === 'bill' ? accepted : latest;
  const decision: WarrantyDecision | undefined = mode === 'bill' && accepted ? accepted.decision : preview.data?.decision;
  const canSave = DESK.includes(user.role);
  // Without a quote the customer accepted, the bill carries the customer's consent itself (seed 001).
  const consentOnBill = mode === 'bill' && !accepted;

  async function save(lines: LineInput[], discount: Discount, note: string): Promise<string | null> {
    const withConsent = consentOnBill ? billConsentInput(consent) : null;
    const problems = withConsent ? checkInput(billConsent, withConsent, t) : null;
    setConsentErrors(problems ?? {});
    if (problems) return t('error.VALIDATION');
    const r = mode === 'bill' ? await call('bills.create', { ticketId, lines, discount, note, consent: withConsent }) : await call('quotes.create', { ticketId, lines, discount, note });
    if (!r.ok) return r.error.message;
    notifications.show({ color: 'teal', message: t('ui.fees.calc.saved') });
    void navigate(`/tickets/${ticketId}`);
    return null;
  }

  return (
    <Stack gap="sm" maw={1400} data-testid="fee-calculator">
      <Anchor component={Link} to={`/tickets/${ticketId}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('ui.fees.calc.backToTicket')}
        </Group>
      </Anchor>
      <Title order={3}>{t('ui.fees.calc.forTicket', { number: ticket.data.number })}</Title>
      {!rules || !decision ? (
        <Alert color="yellow">{t('ui.fees.calc.noStandard')}</Alert>
      ) : (
        <>
          <Paper withBorder p="sm">
            <Group gap="lg">
              <Text size="sm" fw={600} data-testid="calc-decision">
                {t('ui.fees.calc.decision', { status: t(`ui.fees.warranty.${decision.status}`) })}
                {decision.repeatRepair ? t('ui.fees.calc.repeat', { date: decision.previousRepairDate }) : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {t('ui.fees.calc.standardFrom', { date: standard.data.current!.effectiveFrom })}
              </Text>
              {mode === 'bill' && accepted && (
                <Text size="sm" c="dimmed">
                  {t('ui.fees.calc.billFromQuote', { revision: accepted.revision })}
                </Text>
              )}
            </Group>
          </Paper>
          <CalculatorBody
            rules={rules}
            parts={catalogue.parts}
            agreed={agreed}
            decision={decision}
            modelId={ticket.data.model?.id ?? null}
            initialLines={from?.lines ?? []}
            initialDiscount={from?.discount ?? { kind: 'none' }}
            canOverride={user.role === 'supervisor' || user.role === 'admin'}
            save={canSave ? { label: mode === 'bill' ? t('ui.fees.calc.saveBill') : t('ui.fees.calc.saveQuote'), run: save } : undefined}
            extra={canSave && consentOnBill ? <BillConsentFields value={consent} onChange={setConsent} errors={consentErrors} /> : undefined}
            logged={logged}
          />
        </>
      )}
    </Stack>
  );
}

const NONE_AGREED: AgreedPart[] = [];

interface BodyProps {
  rules: FeeRules;
  parts: PartPrice[];
  agreed: AgreedPart[];
  decision: WarrantyDecision;
  modelId: number | null;
  initialLines: LineInput[];
  initialDiscount: Discount;
  canOverride: boolean;
  save?: { label: string; run: (lines: LineInput[], discount: Discount, note: string) => Promise<string | null> };
  /** Shown with the save button (the bill's consent fields). */
  extra?: ReactNode;
  /** A ticket's logged labour time (按登记工时填入). */
  logged?: { labour: TicketLabour; productLine: string | null };
}

function CalculatorBody({ rules, parts, agreed, decision, modelId, initialLines, initialDiscount, canOverride, save, extra, logged }: BodyProps) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<DraftLine[]>(() => initialLines.map(draftOf));
  const [discount, setDiscount] = useState<DiscountDraft>(() => discountDraftOf(initialDiscount));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const result = useMemo(() => evaluate(t, { rules, parts, agreed, decision, drafts, discount, modelId }), [t, rules, parts, agreed, decision, drafts, discount, modelId]);
  const ready = result.calc !== null && drafts.length > 0 && result.discountError === null;

  async function submit() {
    if (!save || !ready || busy) return;
    setBusy(true);
    setError(await save.run(result.lines, result.discount, note));
    setBusy(false);
  }

  return (
    <Stack gap="sm">
      <FeeCalculator rules={rules} parts={parts} agreed={agreed} drafts={drafts} onDrafts={setDrafts} discount={discount} onDiscount={setDiscount} result={result} canOverride={canOverride} onSubmit={() => void submit()} logged={logged} />
      {save && (
        <Paper withBorder p="sm">
          {extra}
          <Group align="flex-end" justify="space-between" mt={extra ? 'sm' : undefined}>
            <Textarea label={t('ui.fees.calc.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={500} w={480} data-testid="calc-note" />
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void submit()} disabled={!ready} loading={busy} data-testid="calc-save">
              {save.label}
            </Button>
          </Group>
          {error && (
            <Alert color="red" mt="xs" role="alert" data-testid="calc-error">
              {error}
            </Alert>
          )}
        </Paper>
      )}
    </Stack>
  );
}
