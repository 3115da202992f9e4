/** 按登记工时填入 (issue 22): the calculator's labour lines take the logged time in their own unit, or one is added at the ticket's product line's rate. */
import { describe, expect, it } from 'vitest';
import { fillLabour, newLine, type DraftLine } from '../../renderer/src/features/fees/fee-draft';
import type { FeeRules, LabourRate } from '../../shared/domain/fees';
import type { TicketLabour } from '../../shared/domain/labour';

const rate = (productLine: string, difficulty: LabourRate['difficulty'], perHourFen: number): LabourRate => ({ productLine, difficulty, perVisitFen: 5_000, perHourFen });
const rules = (...labour: LabourRate[]): FeeRules => ({
  labour, calloutFen: 0, travelPerTripFen: 0, travelPerKmFen: 0, lodgingPerNightFen: 0, mealsPerDayFen: 0, taxRateBp: 0,
  expensesCoveredInWarranty: true, repairWarrantyDays: 90, discountApprovalShareBp: 1000, replaceShareBp: 5000, modelValues: [],
});
// Two visits: 1 h 30 and 45 min.
const logged: TicketLabour = {
  visits: [90, 45].map((minutes, id) => ({ id, version: 1, engineer: { id: 1, name: '张工' }, workedOn: '2026-11-24', startedAt: null, finishedAt: null, minutes, note: '' })),
  totalMinutes: 135,
};
const pick = (lines: DraftLine[]) => lines.map((l) => [l.kind, l.rate, l.unit, l.quantity]);

describe('fillLabour', () => {
  const standard = rules(rate('手机', 'standard', 6_000), rate('家电', 'complex', 12_000), rate('家电', 'standard', 8_000));

  it('sets the hours on a per-hour labour line and the visits on a per-visit one, leaving other lines alone', () => {
    const drafts = [{ ...newLine('labour', standard), unit: 'hour' as const }, { ...newLine('labour', standard), unit: 'visit' as const }, newLine('callout', standard)];
    expect(pick(fillLabour(drafts, standard, logged, '家电')).map((l) => [l[2], l[3]])).toEqual([['hour', '2.25'], ['visit', '2'], ['visit', '1']]);
  });

  it("adds a labour line at the ticket's product line's standard rate, per hour", () => {
    expect(pick(fillLabour([], standard, logged, '家电'))).toEqual([['labour', '家电|standard', 'hour', '2.25']]);
  });

  it("takes the line's only rate, or the first of the standard for a ticket without a known line", () => {
    expect(pick(fillLabour([], rules(rate('家电', 'complex', 8_000)), logged, '家电'))).toEqual([['labour', '家电|complex', 'hour', '2.25']]);
    expect(pick(fillLabour([], standard, logged, null))).toEqual([['labour', '手机|standard', 'hour', '2.25']]);
  });

  it('bills per visit when the standard has no hourly rate', () => {
    expect(pick(fillLabour([], rules(rate('家电', 'standard', 0)), logged, '家电'))).toEqual([['labour', '家电|standard', 'visit', '2']]);
  });

  it('changes nothing without a labour rate', () => {
    expect(fillLabour([], rules(), logged, '家电')).toEqual([]);
  });
});
