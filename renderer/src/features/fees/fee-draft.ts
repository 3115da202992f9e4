/**
 * The calculator's editable lines: what the clerk types (text), turned into the fee rules' inputs. The totals
 * come from shared/domain/fees' calculateFees, the very function the core runs again on save.
 */
import type { TFunction } from 'i18next';
import { calculateFees, type AgreedPart, type Discount, type FeeCalc, type FeeKind, type FeeLine, type FeeProblem, type FeeRules, type LineInput, type PartPrice, type WarrantyDecision } from '../../../../shared/domain/fees';
import { parseYuan, yuanInput } from '../../../../shared/domain/money';
import { labourQuantity, type TicketLabour } from '../../../../shared/domain/labour';

export type OverrideChoice = 'auto' | 'covered' | 'charged';

export interface DraftLine {
  key: number;
  kind: FeeKind;
  /** Labour: `productLine|difficulty`. */
  rate: string;
  unit: 'visit' | 'hour' | 'trip' | 'km';
  partNo: string;
  description: string;
  /** Other: unit price in yuan as typed. */
  price: string;
  quantity: string;
  override: OverrideChoice;
  reason: string;
}

export interface DiscountDraft {
  kind: Discount['kind'];
  /** Yuan for an amount, percent (two decimals) for a share. */
  value: string;
}

let nextKey = 1;

export function newLine(kind: FeeKind, rules: FeeRules): DraftLine {
  const rate = rules.labour[0];
  return {
    key: nextKey++, kind, rate: rate ? `${rate.productLine}|${rate.difficulty}` : '', unit: kind === 'travel' ? 'trip' : 'visit',
    partNo: '', description: '', price: '', quantity: '1', override: 'auto', reason: '',
  };
}

/**
 * 按登记工时填入: the labour lines take the ticket's logged time in their own unit (hours to two decimals, or the
 * visits). Without a labour line, one is added at the ticket's product line's rate (standard difficulty first),
 * per hour when the standard has an hourly rate, else per visit.
 */
export function fillLabour(drafts: DraftLine[], rules: FeeRules, labour: TicketLabour, productLine: string | null): DraftLine[] {
  const quantityIn = (unit: DraftLine['unit']) => String(labourQuantity(labour, unit === 'hour' ? 'hour' : 'visit'));
  if (drafts.some((d) => d.kind === 'labour')) return drafts.map((d) => (d.kind === 'labour' ? { ...d, quantity: quantityIn(d.unit) } : d));
  const ofLine = rules.labour.filter((r) => r.productLine === productLine);
  const rate = ofLine.find((r) => r.difficulty === 'standard') ?? ofLine[0] ?? rules.labour[0];
  if (!rate) return drafts;
  const unit = rate.perHourFen > 0 ? 'hour' : 'visit';
  return [...drafts, { ...newLine('labour', rules), rate: `${rate.productLine}|${rate.difficulty}`, unit, quantity: quantityIn(unit) }];
}

/** A saved line back into the editor (revising a quote, billing from the accepted quote). */
export function draftOf(line: LineInput): DraftLine {
  const d: DraftLine = {
    key: nextKey++, kind: line.kind, rate: '', unit: 'visit', partNo: '', description: '', price: '', quantity: String(line.quantity),
    override: line.override ? (line.override.covered ? 'covered' : 'charged') : 'auto', reason: line.override?.reason ?? '',
  };
  if (line.kind === 'labour') Object.assign(d, { rate: `${line.productLine}|${line.difficulty}`, unit: line.unit });
  if (line.kind === 'travel') d.unit = line.unit;
  if (line.kind === 'part') d.partNo = line.partNo;
  if (line.kind === 'other') Object.assign(d, { description: line.description, price: yuanInput(line.unitFen) });
  return d;
}

export const discountDraftOf = (d: Discount): DiscountDraft =>
  d.kind === 'amount' ? { kind: 'amount', value: yuanInput(d.fen) } : d.kind === 'share' ? { kind: 'share', value: yuanInput(d.bp) } : { kind: 'none', value: '' };

/** Digits with up to two decimals, else NaN (the rules then refuse it with their own message). */
function quantityOf(text: string): number {
  const s = text.trim();
  return /^\d{1,7}(\.\d{1,2})?$/.test(s) ? Number(s) : Number.NaN;
}

function lineInput(d: DraftLine): LineInput | 'badMoney' {
  const quantity = quantityOf(d.quantity);
  const override = d.override === 'auto' ? null : { covered: d.override === 'covered', reason: d.reason.trim() };
  const base = { quantity, override };
  switch (d.kind) {
    case 'labour': {
      const [productLine = '', difficulty = 'standard'] = d.rate.split('|');
      return { ...base, kind: 'labour', productLine, difficulty: difficulty as 'standard', unit: d.unit === 'hour' ? 'hour' : 'visit' };
    }
    case 'travel':
      return { ...base, kind: 'travel', unit: d.unit === 'km' ? 'km' : 'trip' };
    case 'part':
      return { ...base, kind: 'part', partNo: d.partNo };
    case 'other': {
      const unitFen = parseYuan(d.price);
      return unitFen === null ? 'badMoney' : { ...base, kind: 'other', description: d.description.trim(), unitFen };
    }
    default:
      return { ...base, kind: d.kind };
  }
}

export function discountInput(d: DiscountDraft): Discount | 'badMoney' {
  if (d.kind === 'none') return { kind: 'none' };
  const n = parseYuan(d.value);
  if (n === null) return 'badMoney';
  return d.kind === 'amount' ? { kind: 'amount', fen: n } : { kind: 'share', bp: n };
}

export interface Evaluated {
  lines: LineInput[];
  discount: Discount;
  calc: FeeCalc | null;
  /** Messages per line index, and for the discount. */
  lineErrors: Record<number, string[]>;
  discountError: string | null;
}

/** Every keystroke: the draft → inputs → calculateFees; refusals become messages on their line. */
export interface EvaluateArgs {
  rules: FeeRules;
  /** The parts catalogue's prices, and on a bill the accepted quote's (they win). */
  parts: PartPrice[];
  agreed: AgreedPart[];
  decision: WarrantyDecision;
  drafts: DraftLine[];
  discount: DiscountDraft;
  modelId: number | null;
}

export function evaluate(t: TFunction, args: EvaluateArgs): Evaluated {
  const lineErrors: Record<number, string[]> = {};
  const push = (i: number, msg: string) => (lineErrors[i] ??= []).push(msg);
  const lines: LineInput[] = [];
  args.drafts.forEach((d, i) => {
    const input = lineInput(d);
    if (input === 'badMoney') push(i, t('ui.fees.calc.badMoney'));
    else lines.push(input);
  });
  const discountIn = discountInput(args.discount);
  let discountError = discountIn === 'badMoney' ? t('ui.fees.calc.badMoney') : null;
  const discount: Discount = discountIn === 'badMoney' ? { kind: 'none' } : discountIn;
  if (Object.keys(lineErrors).length) return { lines, discount, calc: null, lineErrors, discountError };
  const out = calculateFees({ rules: args.rules, parts: args.parts, agreed: args.agreed, decision: args.decision, lines, discount, modelId: args.modelId });
  if (out.ok) return { lines, discount, calc: out.value, lineErrors, discountError };
  for (const p of out.problems) {
    const msg = problemText(t, p);
    const m = /^lines\.(\d+)/.exec(p.path);
    if (m) push(Number(m[1]), msg);
    else discountError = msg;
  }
  return { lines, discount, calc: null, lineErrors, discountError };
}

export const problemText = (t: TFunction, p: FeeProblem): string => t(`error.${p.key}`, p.params);

/** How a saved line reads on screen: 人工费（空调·复杂）, 压缩机 (CMP-1)（易损件）… */
export function lineTitle(t: TFunction, input: LineInput | undefined, line: FeeLine): string {
  if (input?.kind === 'labour') return `${t('ui.fees.kind.labour')}（${input.productLine}·${t(`ui.fees.difficulty.${input.difficulty}`)}）`;
  if (line.kind === 'part') return `${line.description}${line.consumable ? `（${t('ui.fees.calc.consumable')}）` : ''}`;
  if (line.kind === 'other') return line.description;
  return t(`ui.fees.kind.${line.kind}`);
}

/** 2.5 小时 × ¥90.00 */
export function quantityText(t: TFunction, input: LineInput | undefined, line: FeeLine, money: (fen: number) => string): string {
  const unit = input?.kind === 'labour' || input?.kind === 'travel' ? input.unit : line.kind;
  return `${line.quantity} ${t(`ui.fees.qtyUnit.${unit}`)} × ${money(line.unitFen)}`;
}
