import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Divider, Grid, Group, Kbd, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconClockHour4, IconPlus, IconRecycle, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type AgreedPart, type FeeKind, type FeeRules, type PartPrice } from '../../../../shared/domain/fees';
import { formatMoney } from '../../../../shared/domain/money';
import { useEnterNavigation } from '../../components/use-enter-navigation';
import type { TicketLabour } from '../../../../shared/domain/labour';
import { fillLabour, newLine, type DiscountDraft, type DraftLine, type Evaluated } from './fee-draft';
import { useDuration } from '../labour/duration';

/** The add buttons and their shortcuts (Alt+1…7), most used first. */
const ADD_ORDER: FeeKind[] = ['labour', 'part', 'callout', 'travel', 'lodging', 'meals', 'other'];

interface Props {
  rules: FeeRules;
  /** The parts catalogue (备件库存): the picker lists its active parts with their prices. */
  parts: PartPrice[];
  /** On a bill, the accepted quote's parts at the price the customer agreed to. */
  agreed: AgreedPart[];
  drafts: DraftLine[];
  onDrafts: (next: DraftLine[]) => void;
  discount: DiscountDraft;
  onDiscount: (next: DiscountDraft) => void;
  result: Evaluated;
  /** Supervisors and admins may cover or charge a line against the rules (goodwill), with a reason. */
  canOverride: boolean;
  /** Ctrl+Enter. */
  onSubmit?: () => void;
  /** For a ticket: its logged labour time and product line, for 按登记工时填入. */
  logged?: { labour: TicketLabour; productLine: string | null };
}

/**
 * The fee calculator: lines on the left (Alt+1…7 adds one, Enter moves on), totals on the right, all
 * recomputed on every keystroke by shared/domain/fees (the same function the core runs on save).
 */
export function FeeCalculator({ rules, parts, agreed, drafts, onDrafts, discount, onDiscount, result, canOverride, onSubmit, logged }: Props) {
  const { t } = useTranslation();
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const onKeyDown = useEnterNavigation(onSubmit ?? (() => undefined));

  function add(kind: FeeKind) {
    const line = newLine(kind, rules);
    setFocusKey(line.key);
    onDrafts([...drafts, line]);
  }
  const update = (key: number, patch: Partial<DraftLine>) => onDrafts(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  const remove = (key: number) => onDrafts(drafts.filter((d) => d.key !== key));

  useHotkeys(ADD_ORDER.map((kind, i) => [`alt+${i + 1}`, () => add(kind)] as [string, () => void]), []);

  const rates = rules.labour.map((r) => ({ value: `${r.productLine}|${r.difficulty}`, label: `${r.productLine} · ${t(`ui.fees.difficulty.${r.difficulty}`)}` }));
  const partChoices = partOptions(parts, agreed, drafts, t('ui.fees.calc.consumable'));
  const calc = result.calc;

  function itemCell(d: DraftLine) {
    const auto = focusKey === d.key;
    switch (d.kind) {
      case 'labour':
        return (
          <Group gap={4} wrap="nowrap">
            <Select size="xs" w={170} data={rates} value={d.rate || null} onChange={(v) => v && update(d.key, { rate: v })} allowDeselect={false} aria-label={t('ui.fees.calc.rate')} autoFocus={auto} data-testid="line-rate" />
            <Select size="xs" w={96} data={(['visit', 'hour'] as const).map((u) => ({ value: u, label: t(`ui.fees.unit.${u}`) }))} value={d.unit} onChange={(v) => v && update(d.key, { unit: v as 'visit' })} allowDeselect={false} aria-label={t('ui.fees.calc.unit')} data-testid="line-unit" />
          </Group>
        );
      case 'travel':
        return (
          <Select size="xs" w={120} data={(['trip', 'km'] as const).map((u) => ({ value: u, label: t(`ui.fees.unit.${u}`) }))} value={d.unit} onChange={(v) => v && update(d.key, { unit: v as 'trip' })} allowDeselect={false} aria-label={t('ui.fees.calc.unit')} autoFocus={auto} data-testid="line-unit" />
        );
      case 'part':
        return (
          <Select size="xs" w={260} searchable limit={50} data={partChoices} value={d.partNo || null} onChange={(v) => update(d.key, { partNo: v ?? '' })} placeholder={t('ui.fees.calc.partSearch')} aria-label={t('ui.fees.calc.part')} autoFocus={auto} nothingFoundMessage="—" data-testid="line-part" />
        );
      case 'other':
        return (
          <TextInput size="xs" w={200} value={d.description} onChange={(e) => update(d.key, { description: e.currentTarget.value })} placeholder={t('ui.fees.calc.description')} aria-label={t('ui.fees.calc.description')} autoFocus={auto} maxLength={80} data-testid="line-description" />
        );
      default:
        return null;
    }
  }

  return (
    <Grid gap="sm" onKeyDown={onKeyDown}>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Paper withBorder p="sm">
          <Group gap={6} mb="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {t('ui.fees.calc.addLine')}
            </Text>
            {ADD_ORDER.map((kind, i) => (
              <Button key={kind} size="compact-sm" variant="light" leftSection={<IconPlus size={12} />} rightSection={<Kbd size="xs">Alt+{i + 1}</Kbd>} onClick={() => add(kind)} data-testid={`add-${kind}`} data-skip-enter>
                {t(`ui.fees.add.${kind}`)}
              </Button>
            ))}
            {logged && <FillLabourButton logged={logged} rules={rules} onFill={() => onDrafts(fillLabour(drafts, rules, logged.labour, logged.productLine))} />}
          </Group>
          <Table verticalSpacing={4} horizontalSpacing={6} data-testid="fee-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th colSpan={2}>{t('ui.fees.calc.item')}</Table.Th>
                <Table.Th w={80}>{t('ui.fees.calc.quantity')}</Table.Th>
                <Table.Th ta="right">{t('ui.fees.calc.price')}</Table.Th>
                <Table.Th ta="right">{t('ui.fees.calc.amount')}</Table.Th>
                <Table.Th>{t('ui.fees.calc.coverage')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drafts.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed">
                      {t('ui.fees.calc.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {drafts.map((d, i) => {
                const line = calc?.lines[i];
                const errors = result.lineErrors[i] ?? [];
                return (
                  <Table.Tr key={d.key} data-testid="fee-line" data-kind={d.kind}>
                    <Table.Td>
                      <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                        {t(`ui.fees.kind.${d.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {itemCell(d)}
                        {errors.map((e) => (
                          <Text key={e} size="xs" c="red" data-testid="line-error">
                            {e}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" w={72} value={d.quantity} onChange={(e) => update(d.key, { quantity: e.currentTarget.value })} aria-label={t('ui.fees.calc.quantity')} error={errors.length > 0} inputMode="decimal" autoFocus={focusKey === d.key && !['labour', 'travel', 'part', 'other'].includes(d.kind)} data-testid="line-qty" />
                    </Table.Td>
                    <Table.Td ta="right">
                      {d.kind === 'other' ? (
                        <TextInput size="xs" w={90} value={d.price} onChange={(e) => update(d.key, { price: e.currentTarget.value })} aria-label={t('ui.fees.calc.unitPrice')} inputMode="decimal" styles={{ input: { textAlign: 'right' } }} data-testid="line-price" />
                      ) : (
                        <Text size="sm">{line ? formatMoney(line.unitFen) : '—'}</Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={600} data-testid="line-amount">
                        {line ? formatMoney(line.amountFen) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {line && (
                          <Tooltip label={t(`ui.fees.reason.${line.reason}`)}>
                            <Badge size="sm" variant="light" color={line.covered ? 'teal' : 'orange'} tt="none" data-testid="line-coverage">
                              {line.covered ? t('ui.fees.calc.covered') : t('ui.fees.calc.charged')}
                            </Badge>
                          </Tooltip>
                        )}
                        {line && (
                          <Text size="xs" c="dimmed" maw={130}>
                            {t(`ui.fees.reason.${line.reason}`)}
                          </Text>
                        )}
                        {canOverride && (
                          <Select size="xs" w={120} data={(['auto', 'covered', 'charged'] as const).map((o) => ({ value: o, label: t(`ui.fees.calc.override${o[0]!.toUpperCase()}${o.slice(1)}`) }))} value={d.override} onChange={(v) => v && update(d.key, { override: v as DraftLine['override'] })} allowDeselect={false} aria-label={t('ui.fees.calc.override')} data-testid="line-override" />
                        )}
                        {canOverride && d.override !== 'auto' && (
                          <TextInput size="xs" w={120} value={d.reason} onChange={(e) => update(d.key, { reason: e.currentTarget.value })} placeholder={t('ui.fees.calc.overrideReason')} aria-label={t('ui.fees.calc.overrideReason')} maxLength={200} />
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" onClick={() => remove(d.key)} aria-label={t('ui.fees.calc.remove')} data-skip-enter>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <FeeTotals rules={rules} result={result} discount={discount} onDiscount={onDiscount} />
      </Grid.Col>
    </Grid>
  );
}

/**
 * The part picker's choices: the catalogue's active parts with their price, the accepted quote's parts at the agreed
 * price (a bill), and any part a saved line names that is neither (so the line shows why it is refused).
 */
function partOptions(parts: PartPrice[], agreed: AgreedPart[], drafts: DraftLine[], consumable: string) {
  const flag = (c: boolean) => (c ? `（${consumable}）` : '');
  const options = new Map<string, string>();
  for (const a of agreed) {
    const name = parts.find((p) => p.partNo === a.partNo)?.name ?? a.description;
    options.set(a.partNo, `${a.partNo}  ${name} · ${formatMoney(a.unitFen)}${flag(a.consumable)}`);
  }
  for (const p of parts) if (p.active && !options.has(p.partNo)) options.set(p.partNo, `${p.partNo}  ${p.name} · ${formatMoney(p.priceFen)}${flag(p.consumable)}`);
  for (const d of drafts) if (d.kind === 'part' && d.partNo && !options.has(d.partNo)) options.set(d.partNo, d.partNo);
  return [...options].map(([value, label]) => ({ value, label }));
}

/** 按登记工时填入, with what it fills (or why it cannot) on hover. */
function FillLabourButton({ logged, rules, onFill }: { logged: NonNullable<Props['logged']>; rules: FeeRules; onFill: () => void }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { visits, totalMinutes } = logged.labour;
  const why = visits.length === 0 ? t('ui.labour.fillNone') : rules.labour.length === 0 ? t('ui.labour.fillNoRate') : null;
  return (
    <Tooltip label={why ?? t('ui.labour.fillHint', { duration: duration(totalMinutes), visits: visits.length })}>
      <Button size="compact-sm" variant="outline" leftSection={<IconClockHour4 size={12} />} onClick={onFill} disabled={why !== null} data-testid="fill-labour" data-skip-enter>
        {t('ui.labour.fill')}
      </Button>
    </Tooltip>
  );
}

function Row({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size={strong ? 'md' : 'sm'} fw={strong ? 700 : 400}>
        {label}
      </Text>
      <Text size={strong ? 'xl' : 'sm'} fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

function FeeTotals({ rules, result, discount, onDiscount }: { rules: FeeRules; result: Evaluated; discount: DiscountDraft; onDiscount: (d: DiscountDraft) => void }) {
  const { t } = useTranslation();
  const c = result.calc;
  const money = (fen: number | undefined) => (fen === undefined ? '—' : formatMoney(fen));
  const minus = (fen: number | undefined) => (fen === undefined ? '—' : fen > 0 ? `-${formatMoney(fen)}` : formatMoney(0));
  return (
    <Paper withBorder p="sm" data-testid="fee-totals">
      <Stack gap={6}>
        <Row label={t('ui.fees.calc.subtotal')} value={money(c?.subtotalFen)} testId="fee-subtotal" />
        <Row label={t('ui.fees.calc.coveredTotal')} value={minus(c?.coveredFen)} testId="fee-covered" />
        <Row label={t('ui.fees.calc.chargedTotal')} value={money(c?.chargedFen)} testId="fee-charged" />
        <Divider />
        <Group gap={6} wrap="nowrap" align="flex-start">
          <SegmentedControl
            size="xs"
            value={discount.kind}
            onChange={(v) => onDiscount({ kind: v as DiscountDraft['kind'], value: v === 'none' ? '' : discount.value })}
            data={[
              { value: 'none', label: t('ui.fees.calc.discountNone') },
              { value: 'amount', label: t('ui.fees.calc.discountAmount') },
              { value: 'share', label: t('ui.fees.calc.discountShare') },
            ]}
            data-testid="discount-kind"
          />
          {discount.kind !== 'none' && (
            <TextInput size="xs" w={90} value={discount.value} onChange={(e) => onDiscount({ ...discount, value: e.currentTarget.value })} aria-label={t('ui.fees.calc.discountValue')} inputMode="decimal" error={result.discountError ?? undefined} data-testid="discount-value" />
          )}
        </Group>
        {discount.kind === 'none' && result.discountError && (
          <Text size="xs" c="red">
            {result.discountError}
          </Text>
        )}
        <Row label={t('ui.fees.calc.discount')} value={minus(c?.discountFen)} testId="fee-discount" />
        <Row label={t('ui.fees.calc.tax', { rate: rules.taxRateBp / 100 })} value={money(c?.taxFen)} testId="fee-tax" />
        <Divider />
        <Row label={t('ui.fees.calc.total')} value={money(c?.totalFen)} testId="fee-total" strong />
        {c?.discountNeedsApproval && (
          <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="discount-approval">
            {t('ui.fees.calc.discountApproval', { share: rules.discountApprovalShareBp / 100 })}
          </Alert>
        )}
        {c?.suggestReplace && c.modelValueFen !== null && (
          <Alert color="grape" icon={<IconRecycle size={16} />} p="xs" data-testid="replace-hint">
            {t('ui.fees.calc.replace', { cost: formatMoney(c.subtotalFen), value: formatMoney(c.modelValueFen), share: rules.replaceShareBp / 100 })}
          </Alert>
        )}
        {!c && (
          <Text size="xs" c="red">
            {t('ui.fees.calc.problems')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
