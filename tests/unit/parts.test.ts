/** Stock rules, table-driven: deltas per movement kind, who may move, shortages and overrides, serials. */
import { describe, expect, it } from 'vitest';
import { checkMovement, isLow, mayMove, quantityFitsUnit, roundQuantity, stockDelta, unitQuantityProblem, MOVEMENT_KINDS, type MovementRequest, type PartUnit } from '../../shared/domain/parts';

const base: MovementRequest = {
  kind: 'receive', quantity: 1, unit: 'pcs', role: 'supervisor', onHand: 5, serialTracked: false, serial: '', serialInStock: 0, serialIssued: false, reason: '', override: false, hasTicket: false,
};
const req = (over: Partial<MovementRequest>): MovementRequest => ({ ...base, ...over });

describe('stock deltas', () => {
  it.each([
    ['receive', 3, 3],
    ['issue', 3, -3],
    ['return', 2, 2],
    ['recover', 4, 0],
    ['scrap', 1, -1],
    ['adjust', -2, -2],
    ['adjust', 7, 7],
    ['repaired', 2, 2],
  ] as const)('%s of %i changes on hand by %i', (kind, q, delta) => {
    expect(stockDelta(kind, q)).toBe(delta);
  });

  it('covers every kind', () => {
    expect(MOVEMENT_KINDS.map((k) => stockDelta(k, 1))).toEqual([1, -1, 1, 0, -1, 1, 1]);
  });
});

describe('who may move stock', () => {
  it.each([
    ['clerk', 'receive', false], ['clerk', 'issue', false], ['clerk', 'return', false],
    ['engineer', 'receive', false], ['engineer', 'issue', true], ['engineer', 'return', true], ['engineer', 'recover', true], ['engineer', 'scrap', false], ['engineer', 'adjust', false],
    ['supervisor', 'receive', true], ['supervisor', 'scrap', true], ['supervisor', 'adjust', true],
    ['admin', 'adjust', true],
    ['clerk', 'repaired', true], ['supervisor', 'repaired', true], ['engineer', 'repaired', false],
  ] as const)('%s %s: %s', (role, kind, allowed) => {
    expect(mayMove(role, kind)).toBe(allowed);
  });
});

describe('checkMovement', () => {
  it.each<[string, Partial<MovementRequest>, string | number]>([
    ['receive adds', { kind: 'receive', quantity: 4 }, 9],
    ['issue takes', { kind: 'issue', quantity: 5, role: 'engineer', hasTicket: true }, 0],
    ['issue beyond stock is refused', { kind: 'issue', quantity: 6, role: 'engineer', hasTicket: true }, 'stock.short'],
    ['a supervisor override without a reason is refused', { kind: 'issue', quantity: 6, hasTicket: true, override: true }, 'stock.reasonRequired'],
    ['a supervisor override with a reason goes below zero', { kind: 'issue', quantity: 6, hasTicket: true, override: true, reason: '急修，先用后补' }, -1],
    ['an engineer cannot override', { kind: 'issue', quantity: 6, role: 'engineer', hasTicket: true, override: true, reason: 'x' }, 'stock.overrideNeedsSupervisor'],
    ['issue needs a ticket', { kind: 'issue', quantity: 1 }, 'stock.ticketRequired'],
    ['return needs a ticket', { kind: 'return', quantity: 1, role: 'engineer' }, 'stock.ticketRequired'],
    ['recover changes nothing', { kind: 'recover', quantity: 2, role: 'engineer', hasTicket: true }, 5],
    ['scrap needs a reason', { kind: 'scrap', quantity: 1 }, 'stock.reasonRequired'],
    ['scrap with a reason', { kind: 'scrap', quantity: 2, reason: '受潮' }, 3],
    ['adjust down to zero', { kind: 'adjust', quantity: -5, reason: '盘点' }, 0],
    ['adjust below zero is refused', { kind: 'adjust', quantity: -6, reason: '盘点' }, 'stock.short'],
    ['adjust by zero is refused', { kind: 'adjust', quantity: 0, reason: '盘点' }, 'stock.quantity'],
    ['a negative receive is refused', { kind: 'receive', quantity: -1 }, 'stock.quantity'],
    ['a fractional quantity of pieces is refused in words', { kind: 'receive', quantity: 1.5 }, 'stock.quantityWhole'],
    ['a fractional pair is refused', { kind: 'receive', quantity: 0.5, unit: 'pair' }, 'stock.quantityWhole'],
    ['kg take two decimals, not three', { kind: 'receive', quantity: 0.125, unit: 'kg' }, 'stock.quantityDecimals'],
    ['half a kilogram is received', { kind: 'receive', quantity: 0.5, unit: 'kg' }, 5.5],
    ['a stock-take finds 0.25 m missing', { kind: 'adjust', quantity: -0.25, unit: 'm', reason: '盘点' }, 4.75],
    ['an engineer cannot receive', { kind: 'receive', role: 'engineer' }, 'stock.wrongRole'],
    ['a clerk cannot issue', { kind: 'issue', role: 'clerk', hasTicket: true }, 'stock.wrongRole'],
    ['serial-tracked needs a serial', { serialTracked: true }, 'stock.serialRequired'],
    ['serial-tracked moves one at a time', { serialTracked: true, serial: 'SN1', quantity: 2 }, 'stock.serialOne'],
    ['a serial already in stock cannot be received again', { serialTracked: true, serial: 'SN1', serialInStock: 1 }, 'stock.serialInStock'],
    ['a new serial is received', { serialTracked: true, serial: 'SN1' }, 6],
    ['a serial not in stock cannot be issued', { kind: 'issue', role: 'engineer', hasTicket: true, serialTracked: true, serial: 'SN9' }, 'stock.serialNotInStock'],
    ['a serial in stock is issued', { kind: 'issue', role: 'engineer', hasTicket: true, serialTracked: true, serial: 'SN1', serialInStock: 1 }, 4],
    ['a serial never issued cannot be returned', { kind: 'return', role: 'engineer', hasTicket: true, serialTracked: true, serial: 'SN1' }, 'stock.serialNotIssued'],
    ['an issued serial comes back', { kind: 'return', role: 'engineer', hasTicket: true, serialTracked: true, serial: 'SN1', serialIssued: true }, 6],
    ['a recovered old part keeps its serial, stock unchanged', { kind: 'recover', role: 'engineer', hasTicket: true, serialTracked: true, serial: 'OLD-7' }, 5],
  ])('%s', (_name, over, expected) => {
    const v = checkMovement(req(over));
    if (typeof expected === 'number') expect(v).toEqual({ ok: true, delta: roundQuantity(expected - 5), onHandAfter: expected });
    else expect(v.ok === false && v.key).toBe(expected);
  });
});

describe('units', () => {
  it.each<[PartUnit, number, string | null]>([
    ['pcs', 1, null], ['pcs', 2, null], ['pcs', 0.8, 'stock.quantityWhole'], ['set', 1.5, 'stock.quantityWhole'],
    ['kg', 0.8, null], ['kg', 0.85, null], ['kg', 0.855, 'stock.quantityDecimals'], ['m', 2.5, null], ['L', 1.25, null], ['L', 0.001, 'stock.quantityDecimals'],
    ['kg', Number.NaN, 'stock.quantityDecimals'], ['kg', 3, null],
  ])('%s %s: %s', (unit, quantity, problem) => {
    expect(unitQuantityProblem(unit, quantity)).toBe(problem);
    expect(quantityFitsUnit(unit, quantity)).toBe(problem === null);
  });

  it('keeps on hand exact through many decimal issues (no binary drift)', () => {
    let onHand = 10;
    for (let i = 0; i < 12; i++) {
      const v = checkMovement(req({ kind: 'issue', quantity: 0.8, unit: 'kg', role: 'engineer', hasTicket: true, onHand }));
      if (!v.ok) throw new Error(v.key);
      onHand = v.onHandAfter;
    }
    expect(onHand).toBe(0.4);
    expect([roundQuantity(0.1 + 0.2), roundQuantity(9.2 - 0.8), roundQuantity(2)]).toEqual([0.3, 8.4, 2]);
  });
});

describe('low stock', () => {
  it.each([
    [0, 0, false], [1, 2, true], [2, 2, false], [-1, 0, true], [10, 3, false],
  ])('on hand %i, minimum %i: low %s', (onHand, min, low) => {
    expect(isLow(onHand, min)).toBe(low);
  });
});
