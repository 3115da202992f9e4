import { describe, expect, it } from 'vitest';
import { agreedParts, calculateFees, decideWarranty, mulDivHalfUp, pricePart, type AgreedPart, type Discount, type FeeRules, type LineInput, type PartPrice, type WarrantyDecision } from '../../shared/domain/fees';
import { ageingBucket } from '../../shared/domain/fee-records';

const RULES: FeeRules = {
  labour: [
    { productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 },
    { productLine: '家电', difficulty: 'complex', perVisitFen: 15_000, perHourFen: 9_000 },
  ],
  calloutFen: 5_000,
  travelPerTripFen: 3_000,
  travelPerKmFen: 250,
  lodgingPerNightFen: 20_000,
  mealsPerDayFen: 6_000,
  taxRateBp: 0,
  expensesCoveredInWarranty: false,
  repairWarrantyDays: 90,
  discountApprovalShareBp: 1_000,
  replaceShareBp: 5_000,
  modelValues: [{ modelId: 7, valueFen: 200_000 }],
};

/** The parts catalogue (备件库存): the one source of part prices. */
const PARTS: PartPrice[] = [
  { partNo: 'CMP-1', name: '压缩机', priceFen: 120_000, consumable: false, active: true },
  { partNo: 'FLT-1', name: '滤网', priceFen: 3_500, consumable: true, active: true },
  { partNo: 'SCR', name: '螺丝', priceFen: 1, consumable: false, active: true },
  { partNo: 'OLD-9', name: '旧款电机', priceFen: 50_000, consumable: false, active: false },
];

const IN: WarrantyDecision = { status: 'in', repeatRepair: false, previousRepairDate: null };
const OUT: WarrantyDecision = { status: 'out', repeatRepair: false, previousRepairDate: null };
const UNKNOWN: WarrantyDecision = { status: 'unknown', repeatRepair: false, previousRepairDate: null };
const REPEAT: WarrantyDecision = { status: 'out', repeatRepair: true, previousRepairDate: '2026-10-01' };

const labour = (quantity = 1, unit: 'visit' | 'hour' = 'visit'): LineInput => ({ kind: 'labour', productLine: '家电', difficulty: 'standard', unit, quantity });
const part = (partNo: string, quantity = 1): LineInput => ({ kind: 'part', partNo, quantity });
const none: Discount = { kind: 'none' };

function calc(lines: LineInput[], decision = OUT, discount: Discount = none, rules: Partial<FeeRules> = {}, modelId: number | null = null) {
  const out = calculateFees({ rules: { ...RULES, ...rules }, parts: PARTS, decision, lines, discount, modelId });
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.value;
}

describe('totals by case (fen): subtotal / covered / discount / tax / total', () => {
  it.each<[string, LineInput[], WarrantyDecision, Discount, Partial<FeeRules>, [number, number, number, number, number]]>([
    ['in warranty with a consumable part: only the consumable is charged', [labour(), part('CMP-1'), part('FLT-1')], IN, none, {}, [131_500, 128_000, 0, 0, 3_500]],
    ['out of warranty with two nights lodging and two days meals', [labour(), { kind: 'lodging', quantity: 2 }, { kind: 'meals', quantity: 2 }, { kind: 'travel', unit: 'trip', quantity: 2 }], OUT, none, {}, [66_000, 0, 0, 0, 66_000]],
    ['in warranty: expenses charged when the rule says so', [labour(), { kind: 'callout', quantity: 1 }, { kind: 'meals', quantity: 1 }], IN, none, {}, [19_000, 8_000, 0, 0, 11_000]],
    ['in warranty: expenses covered when the rule says so', [labour(), { kind: 'callout', quantity: 1 }, { kind: 'meals', quantity: 1 }], IN, none, { expensesCoveredInWarranty: true }, [19_000, 19_000, 0, 0, 0]],
    ['unknown warranty is charged like out', [labour(), part('CMP-1')], UNKNOWN, none, {}, [128_000, 0, 0, 0, 128_000]],
    ['repeat repair inside the window: parts and labour covered', [labour(), part('CMP-1'), part('FLT-1')], REPEAT, none, {}, [131_500, 128_000, 0, 0, 3_500]],
    ['other lines are always charged', [{ kind: 'other', description: '加急费', unitFen: 2_000, quantity: 1 }], IN, none, {}, [2_000, 0, 0, 0, 2_000]],
    ['labour by the hour with a half hour', [labour(1.5, 'hour')], OUT, none, {}, [7_500, 0, 0, 0, 7_500]],
    ['travel by km', [{ kind: 'travel', unit: 'km', quantity: 37 }], OUT, none, {}, [9_250, 0, 0, 0, 9_250]],
    ['discount as an amount', [labour()], OUT, { kind: 'amount', fen: 500 }, {}, [8_000, 0, 500, 0, 7_500]],
    ['discount as a share (10%)', [labour()], OUT, { kind: 'share', bp: 1_000 }, {}, [8_000, 0, 800, 0, 7_200]],
    ['tax 13% on the discounted total', [labour()], OUT, { kind: 'amount', fen: 1_000 }, { taxRateBp: 1_300 }, [8_000, 0, 1_000, 910, 7_910]],
    ['tax rounds half up: 3.75 yuan at 6% = 0.225 → 0.23', [{ kind: 'other', description: 'x', unitFen: 125, quantity: 3 }], OUT, none, { taxRateBp: 600 }, [375, 0, 0, 23, 398]],
    ['tax rounds down below half: 0.10 yuan at 13% = 0.013 → 0.01', [{ kind: 'other', description: 'x', unitFen: 10, quantity: 1 }], OUT, none, { taxRateBp: 1_300 }, [10, 0, 0, 1, 11]],
    ['share discount rounds half up once on the total: 0.05 at 50%', [{ kind: 'other', description: 'x', unitFen: 5, quantity: 1 }], OUT, { kind: 'share', bp: 5_000 }, {}, [5, 0, 3, 0, 2]],
    ['a fraction of a fen per line rounds half up: 0.5 × 1 fen → 1 fen', [part('SCR', 0.5)], OUT, none, {}, [1, 0, 0, 0, 1]],
    ['very large but allowed quantity: 10 000 km', [{ kind: 'travel', unit: 'km', quantity: 10_000 }], OUT, none, {}, [2_500_000, 0, 0, 0, 2_500_000]],
    ['covered lines are not taxed', [labour(), part('FLT-1')], IN, none, { taxRateBp: 1_300 }, [11_500, 8_000, 0, 455, 3_955]],
    ['no lines: everything zero', [], OUT, none, {}, [0, 0, 0, 0, 0]],
  ])('%s', (_name, lines, decision, discount, rules, [subtotal, covered, disc, tax, total]) => {
    const v = calc(lines, decision, discount, rules);
    expect([v.subtotalFen, v.coveredFen, v.discountFen, v.taxFen, v.totalFen]).toEqual([subtotal, covered, disc, tax, total]);
  });
});

describe('per-line coverage and its reason', () => {
  it.each<[string, LineInput, WarrantyDecision, boolean, string]>([
    ['in warranty part', part('CMP-1'), IN, true, 'warranty'],
    ['in warranty consumable', part('FLT-1'), IN, false, 'consumable'],
    ['repeat repair consumable still charged', part('FLT-1'), REPEAT, false, 'consumable'],
    ['repeat repair labour', labour(), REPEAT, true, 'repeatRepair'],
    ['out of warranty labour', labour(), OUT, false, 'outOfWarranty'],
    ['unknown warranty labour', labour(), UNKNOWN, false, 'unknownWarranty'],
    ['in warranty lodging (rule: charged)', { kind: 'lodging', quantity: 1 }, IN, false, 'expenses'],
    ['goodwill: supervisor covers an out-of-warranty part', { ...part('CMP-1'), override: { covered: true, reason: '老客户善意' } }, OUT, true, 'override'],
    ['override to charge a covered line', { ...labour(), override: { covered: false, reason: '人为损坏' } }, IN, false, 'override'],
    ['override agreeing with the rule changes nothing', { ...labour(), override: { covered: true, reason: '同意' } }, IN, true, 'warranty'],
  ])('%s', (_name, line, decision, covered, reason) => {
    const [l] = calc([line], decision).lines;
    expect([l!.covered, l!.reason]).toEqual([covered, reason]);
  });
});

describe('warranty decision with the repair-warranty window (90 days)', () => {
  it.each<[string, string | null, boolean]>([
    ['previous repair 30 days ago', '2026-10-25', true],
    ['previous repair exactly 90 days ago', '2026-08-26', true],
    ['previous repair 91 days ago', '2026-08-25', false],
    ['no previous repair', null, false],
    ['previous repair after the service date (data error)', '2026-12-01', false],
  ])('%s → repeat %s', (_name, previous, repeat) => {
    const d = decideWarranty('out', '2026-11-24', previous, 90);
    expect(d.repeatRepair).toBe(repeat);
    expect(d.status).toBe('out');
  });

  it('warranty ending on the service date still covers that day (the device keeps its own end date)', () => {
    // warrantyStatusAt treats the end date as inclusive; the fee rules take the status as decided.
    const d = decideWarranty('in', '2026-11-24', '2026-11-01', 90);
    expect(calc([labour()], d).coveredFen).toBe(8_000);
    expect(d.status).toBe('in');
  });
});

describe('refusals, with a reason per field', () => {
  it.each<[string, LineInput[], Discount, string, string]>([
    ['zero quantity', [labour(0)], none, 'lines.0.quantity', 'fees.quantityNotPositive'],
    ['negative quantity', [labour(), part('CMP-1', -1)], none, 'lines.1.quantity', 'fees.quantityNotPositive'],
    ['not a number', [labour(Number.NaN)], none, 'lines.0.quantity', 'fees.quantityNotPositive'],
    ['absurd quantity', [part('CMP-1', 1_000_000)], none, 'lines.0.quantity', 'fees.quantityTooLarge'],
    ['quantity with three decimals', [labour(1.125, 'hour')], none, 'lines.0.quantity', 'fees.quantityPrecision'],
    ['line over a million yuan', [part('CMP-1', 1_000)], none, 'lines.0.quantity', 'fees.amountTooLarge'],
    ['part not in the catalogue', [part('NOPE')], none, 'lines.0', 'fees.unknownPart'],
    ['part inactive in the catalogue', [labour(), part('OLD-9')], none, 'lines.1', 'fees.inactivePart'],
    ['part line without a part chosen', [part('')], none, 'lines.0', 'fees.choosePart'],
    ['no labour rate for the difficulty', [{ kind: 'labour', productLine: '家电', difficulty: 'basic', unit: 'visit', quantity: 1 }], none, 'lines.0', 'fees.noLabourRate'],
    ['negative other price', [{ kind: 'other', description: 'x', unitFen: -100, quantity: 1 }], none, 'lines.0', 'fees.priceNegative'],
    ['override without a reason', [{ ...labour(), override: { covered: true, reason: ' ' } }], none, 'lines.0.override.reason', 'fees.overrideReason'],
    ['negative discount', [labour()], { kind: 'amount', fen: -1 }, 'discount', 'fees.discountNegative'],
    ['discount above the charge', [labour()], { kind: 'amount', fen: 8_001 }, 'discount', 'fees.discountTooLarge'],
    ['share above 100%', [labour()], { kind: 'share', bp: 10_001 }, 'discount', 'fees.discountTooLarge'],
    ['too many lines', Array.from({ length: 101 }, () => labour()), none, 'lines', 'fees.tooManyLines'],
  ])('%s', (_name, lines, discount, path, key) => {
    const out = calculateFees({ rules: RULES, parts: PARTS, decision: OUT, lines, discount, modelId: null });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]).toMatchObject({ path, key });
  });
});

describe('discount approval above the configured share (10%)', () => {
  it.each<[Discount, boolean]>([
    [{ kind: 'share', bp: 1_000 }, false],
    [{ kind: 'share', bp: 1_001 }, true],
    [{ kind: 'amount', fen: 800 }, false],
    [{ kind: 'amount', fen: 801 }, true],
    [none, false],
  ])('%j needs approval: %s', (discount, needs) => expect(calc([labour()], OUT, discount).discountNeedsApproval).toBe(needs));
});

describe('repair or replace (50% of the model value 2000 yuan)', () => {
  it.each<[string, LineInput[], number | null, boolean]>([
    ['compressor 1200 + labour 80 > 1000: replace', [labour(), part('CMP-1')], 7, true],
    ['labour only: repair', [labour()], 7, false],
    ['model without a value: no suggestion', [labour(), part('CMP-1')], 8, false],
    ['no model: no suggestion', [labour(), part('CMP-1')], null, false],
  ])('%s', (_name, lines, modelId, replace) => expect(calc(lines, OUT, none, {}, modelId).suggestReplace).toBe(replace));

  it('counts covered lines too: the repair costs the same whoever pays', () => {
    expect(calc([labour(), part('CMP-1')], IN, none, {}, 7).suggestReplace).toBe(true);
  });
});

describe('integer fen against floating point', () => {
  it('floating point drifts where integer fen does not', () => {
    let yuan = 0;
    for (let i = 0; i < 10; i++) yuan += 0.1;
    expect(yuan).not.toBe(1); // 0.9999999999999999
    const lines = Array.from({ length: 10 }, () => ({ kind: 'other' as const, description: 'x', unitFen: 10, quantity: 1 }));
    expect(calc(lines).totalFen).toBe(100);
    // 3 × 1.25 yuan at 6%: floats round 0.225 down to 0.22; the rule rounds half up to 0.23.
    let total = 0;
    for (let i = 0; i < 3; i++) total += 1.25;
    expect(Math.round(total * 0.06 * 100)).toBe(22);
    expect(mulDivHalfUp(375, 600, 10_000)).toBe(23);
  });

  it('sums 100 lines of 0.01 yuan × 1.15 without losing a fen', () => {
    const lines = Array.from({ length: 100 }, () => ({ kind: 'other' as const, description: 'x', unitFen: 1, quantity: 1.15 }));
    // each line 1.15 fen rounds half up to 1 fen; the documented rule is per line, so 100 fen
    expect(calc(lines).subtotalFen).toBe(100);
  });

  it.each([[0, 'd0_30'], [30, 'd0_30'], [31, 'd31_60'], [60, 'd31_60'], [61, 'd61_90'], [90, 'd61_90'], [91, 'over90']] as const)('ageing %i days → %s', (days, bucket) =>
    expect(ageingBucket(days)).toBe(bucket));
});

describe('a part line is priced from the catalogue; on a bill the accepted quote\'s price wins', () => {
  const quoted: AgreedPart[] = [{ partNo: 'CMP-1', description: '压缩机 (CMP-1)', unitFen: 110_000, consumable: false }];
  it.each<[string, string, PartPrice[], AgreedPart[], { unitFen: number; consumable: boolean; description: string } | string]>([
    ['catalogue price, name and flag', 'CMP-1', PARTS, [], { unitFen: 120_000, consumable: false, description: '压缩机 (CMP-1)' }],
    ['consumable flag from the catalogue', 'FLT-1', PARTS, [], { unitFen: 3_500, consumable: true, description: '滤网 (FLT-1)' }],
    ['part number in other case and spaces', ' cmp-1 ', PARTS, [], { unitFen: 120_000, consumable: false, description: '压缩机 (CMP-1)' }],
    ['the catalogue price changed since the quote: the quote\'s price wins', 'CMP-1', PARTS, quoted, { unitFen: 110_000, consumable: false, description: '压缩机 (CMP-1)' }],
    ['a part the quote did not have: the catalogue price', 'FLT-1', PARTS, quoted, { unitFen: 3_500, consumable: true, description: '滤网 (FLT-1)' }],
    ['quoted, then taken out of the catalogue: the agreed price still holds', 'OLD-9', PARTS, [{ partNo: 'OLD-9', description: '旧款电机 (OLD-9)', unitFen: 48_000, consumable: false }], { unitFen: 48_000, consumable: false, description: '旧款电机 (OLD-9)' }],
    ['inactive part, not quoted: refused', 'OLD-9', PARTS, quoted, 'fees.inactivePart'],
    ['unknown part: refused', 'NOPE', PARTS, quoted, 'fees.unknownPart'],
  ])('%s', (_name, partNo, parts, agreed, expected) => {
    expect(pricePart(partNo, parts, agreed)).toEqual(expected);
  });

  it('the agreed prices are read from a stored quote (input and computed lines by index)', () => {
    const lines = [labour(), part('CMP-1', 2), part('FLT-1')];
    const quote = calc(lines, OUT);
    expect(agreedParts(lines, quote)).toEqual([
      { partNo: 'CMP-1', description: '压缩机 (CMP-1)', unitFen: 120_000, consumable: false },
      { partNo: 'FLT-1', description: '滤网 (FLT-1)', unitFen: 3_500, consumable: true },
    ]);
  });

  it('a bill after a price rise keeps the quote\'s total; a new quote takes the new price', () => {
    const lines = [labour(), part('CMP-1')];
    const quote = calc(lines, OUT);
    const risen = PARTS.map((p) => (p.partNo === 'CMP-1' ? { ...p, priceFen: 130_000 } : p));
    const bill = calculateFees({ rules: RULES, parts: risen, agreed: agreedParts(lines, quote), decision: OUT, lines, discount: none, modelId: null });
    const requote = calculateFees({ rules: RULES, parts: risen, decision: OUT, lines, discount: none, modelId: null });
    expect(bill.ok && bill.value.totalFen).toBe(quote.totalFen);
    expect(requote.ok && requote.value.totalFen).toBe(quote.totalFen + 10_000);
  });

  it('the refusal names the part', () => {
    const out = calculateFees({ rules: RULES, parts: PARTS, decision: OUT, lines: [part('OLD-9')], discount: none, modelId: null });
    expect(out.ok ? null : out.problems[0]).toMatchObject({ key: 'fees.inactivePart', params: { partNo: 'OLD-9' } });
  });
});
