/** Fee lines on printed slips count a part in its own unit: 0.8 kg of refrigerant, not 0.8 件; pieces keep 件/个. */
import { describe, expect, it } from 'vitest';
import { feeTable } from '../../electron/core/printing/documents';
import { SLIP_LABELS } from '../../electron/core/printing/labels';
import type { FeeCalc, FeeLine, LineInput } from '../../shared/domain/fees';

const line = (over: Partial<FeeLine>): FeeLine => ({
  kind: 'part', description: '制冷剂 R32 (R32)', unitFen: 8_000, quantity: 1, amountFen: 8_000, covered: false, reason: 'outOfWarranty', consumable: false, overrideReason: null, ...over,
});
const calc = (lines: FeeLine[]): FeeCalc => ({
  lines, subtotalFen: 0, coveredFen: 0, chargedFen: 0, discountFen: 0, discountNeedsApproval: false, taxFen: 0, totalFen: 0, suggestReplace: false, modelValueFen: null,
});

describe('fee lines on slips', () => {
  it.each([
    ['zh-CN', 'r32', 0.8, 6_400, { R32: 'kg' }, '0.8 kg × 80.00', '64.00'],
    ['zh-CN', 'CAP', 2, 9_000, { CAP: 'pcs' }, '2 个 × 45.00', '90.00'],
    ['zh-CN', 'OLD', 1, 3_000, {}, '1 件 × 30.00', '30.00'],
    ['en', 'PIPE', 2.5, 5_000, { PIPE: 'm' }, '2.5 m × 20.00', '50.00'],
  ] as const)('%s %s × %s', (language, partNo, quantity, amountFen, units, qtyPrice, amount) => {
    const unitFen = Math.round(amountFen / quantity);
    const lines: LineInput[] = [{ kind: 'part', partNo, quantity }];
    const table = feeTable(SLIP_LABELS[language], lines, calc([line({ quantity, unitFen, amountFen })]), false, units);
    expect(table.rows[0]!.slice(1, 3)).toEqual([qtyPrice, amount]);
  });
});
