/**
 * Spare-parts stock rules (seed 002: parts used with model, quantity and serial). Pure: the core asks
 * these before writing a movement; on hand is the sum of every movement's signed delta.
 */
import type { Role } from './roles';

/** receive: goods in; issue: to a ticket; return: unused part back from a ticket; recover: old part taken
 * off the customer's device (kept apart, not usable stock); scrap: out of stock for good; adjust: stock-take;
 * repaired: a defective part the supplier repaired and sent back on a 返厂单, usable again. */
export const MOVEMENT_KINDS = ['receive', 'issue', 'return', 'recover', 'scrap', 'adjust', 'repaired'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Moves made by hand through stock.move (issue happens through the ticket's service record). */
export const MANUAL_KINDS = ['receive', 'return', 'recover', 'scrap', 'adjust'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

/**
 * The unit a part is counted in, and how many decimals a quantity in it may have: refrigerant is weighed
 * (0.8 kg), pipe and cable measured (2.5 m), oil poured (0.5 L); pieces, sets and pairs are whole. Two
 * decimals at most, so a fee line's amount stays exact in integer fen (shared/domain/fees `hundredths`).
 */
export const PART_UNITS = ['pcs', 'set', 'pair', 'kg', 'm', 'L'] as const;
export type PartUnit = (typeof PART_UNITS)[number];
export const UNIT_DECIMALS: Record<PartUnit, number> = { pcs: 0, set: 0, pair: 0, kg: 2, m: 2, L: 2 };

/** Whether `quantity` can be counted in `unit`: no more decimals than the unit has (sign not judged here). */
export function quantityFitsUnit(unit: PartUnit, quantity: number): boolean {
  if (!Number.isFinite(quantity)) return false;
  const scaled = quantity * 10 ** UNIT_DECIMALS[unit];
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Sums of decimal quantities drift in binary (9.2 − 0.8 = 8.399999…): every stored quantity is rounded to hundredths. */
export function roundQuantity(quantity: number): number {
  return Math.round(quantity * 100) / 100;
}

/** The `error.stock.*` key that says in words why a quantity does not fit its unit, or null when it does. */
export function unitQuantityProblem(unit: PartUnit, quantity: number): string | null {
  if (quantityFitsUnit(unit, quantity)) return null;
  return UNIT_DECIMALS[unit] === 0 ? 'stock.quantityWhole' : 'stock.quantityDecimals';
}

/** Roles that may override a stock shortage (with a reason), and that may receive, scrap or adjust. */
export const STOCK_KEEPERS: readonly Role[] = ['supervisor', 'admin'];

/** The change a movement makes to usable stock on hand. `quantity` is signed only for adjustments. */
export function stockDelta(kind: MovementKind, quantity: number): number {
  switch (kind) {
    case 'receive':
    case 'return':
    case 'repaired':
      return quantity;
    case 'issue':
    case 'scrap':
      return -quantity;
    case 'recover':
      return 0;
    case 'adjust':
      return quantity;
  }
}

export interface MovementRequest {
  kind: MovementKind;
  quantity: number;
  unit: PartUnit;
  role: Role;
  onHand: number;
  serialTracked: boolean;
  serial: string;
  /** For a serial-tracked part: how many of this serial are in stock now (sum of its deltas). */
  serialInStock: number;
  /** Whether this serial was ever issued (a return must bring back a serial that left on a ticket). */
  serialIssued: boolean;
  reason: string;
  override: boolean;
  /** A ticket is required for issue, return and recover. */
  hasTicket: boolean;
}

export type MovementVerdict = { ok: true; delta: number; onHandAfter: number } | { ok: false; key: string; code: 'VALIDATION' | 'FORBIDDEN' | 'CONFLICT'; params?: Record<string, number | string> };

const refuse = (key: string, code: 'VALIDATION' | 'FORBIDDEN' | 'CONFLICT' = 'CONFLICT', params?: Record<string, number | string>): MovementVerdict => ({ ok: false, key, code, params });

/** Who may make which manual move: engineers bring parts back (return, recover); keepers do the rest. */
export function mayMove(role: Role, kind: MovementKind): boolean {
  // Whoever moves a 返厂单 (the desk) books what its supplier repaired back into stock.
  if (kind === 'repaired') return role !== 'engineer';
  if (kind === 'issue') return role === 'engineer' || STOCK_KEEPERS.includes(role);
  if (kind === 'return' || kind === 'recover') return role === 'engineer' || STOCK_KEEPERS.includes(role);
  return STOCK_KEEPERS.includes(role);
}

/** Checks one movement and gives the new on hand; a refusal names an `error.stock.*` key. */
export function checkMovement(r: MovementRequest): MovementVerdict {
  if (!mayMove(r.role, r.kind)) return refuse('stock.wrongRole', 'FORBIDDEN');
  if (!Number.isFinite(r.quantity) || r.quantity === 0) return refuse('stock.quantity', 'VALIDATION');
  const unitProblem = unitQuantityProblem(r.unit, r.quantity);
  if (unitProblem) return refuse(unitProblem, 'VALIDATION', { decimals: UNIT_DECIMALS[r.unit] });
  if (r.kind !== 'adjust' && r.quantity < 0) return refuse('stock.quantity', 'VALIDATION');
  if ((r.kind === 'issue' || r.kind === 'return' || r.kind === 'recover') && !r.hasTicket) return refuse('stock.ticketRequired', 'VALIDATION');
  if ((r.kind === 'scrap' || r.kind === 'adjust') && r.reason.trim() === '') return refuse('stock.reasonRequired', 'VALIDATION');
  if (r.override) {
    if (!STOCK_KEEPERS.includes(r.role)) return refuse('stock.overrideNeedsSupervisor', 'FORBIDDEN');
    if (r.reason.trim() === '') return refuse('stock.reasonRequired', 'VALIDATION');
  }
  if (r.serialTracked) {
    if (r.serial === '') return refuse('stock.serialRequired', 'VALIDATION');
    if (Math.abs(r.quantity) !== 1) return refuse('stock.serialOne', 'VALIDATION');
    const delta = stockDelta(r.kind, r.quantity);
    if (r.kind === 'return' && !r.serialIssued) return refuse('stock.serialNotIssued', 'CONFLICT', { serial: r.serial });
    if (delta > 0 && r.serialInStock > 0) return refuse('stock.serialInStock', 'CONFLICT', { serial: r.serial });
    if (delta < 0 && r.serialInStock < 1 && !r.override) return refuse('stock.serialNotInStock', 'CONFLICT', { serial: r.serial });
  }
  const delta = stockDelta(r.kind, r.quantity);
  const onHandAfter = roundQuantity(r.onHand + delta);
  if (onHandAfter < 0 && !r.override) return refuse('stock.short', 'CONFLICT', { onHand: r.onHand, wanted: -delta });
  return { ok: true, delta, onHandAfter };
}

/** A part is low when on hand falls below its minimum (a minimum of 0 never warns). */
export function isLow(onHand: number, minimum: number): boolean {
  return onHand < minimum;
}

/** A catalogue part as the API returns it. */
export interface Part {
  id: number;
  version: number;
  partNo: string;
  name: string;
  models: string[];
  priceFen: number;
  unit: PartUnit;
  consumable: boolean;
  serialTracked: boolean;
  minStock: number;
  location: string;
  active: boolean;
  onHand: number;
  low: boolean;
}

export interface StockMovement {
  id: number;
  partId: number;
  partNo: string;
  partName: string;
  unit: PartUnit;
  kind: MovementKind;
  quantity: number;
  delta: number;
  onHandAfter: number;
  serial: string;
  ticket: { id: number; number: string } | null;
  reason: string;
  override: boolean;
  at: string;
  actorName: string;
}
