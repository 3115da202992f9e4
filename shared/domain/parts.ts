/**
 * Spare-parts stock rules (seed 002: parts used with model, quantity and serial). Pure: the core asks
 * these before writing a movement; on hand is the sum of every movement's signed delta.
 */
import type { Role } from './roles';

/** receive: goods in; issue: to a ticket; return: unused part back from a ticket; recover: old part taken
 * off the customer's device (kept apart, not usable stock); scrap: out of stock for good; adjust: stock-take. */
export const MOVEMENT_KINDS = ['receive', 'issue', 'return', 'recover', 'scrap', 'adjust'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** Moves made by hand through stock.move (issue happens through the ticket's service record). */
export const MANUAL_KINDS = ['receive', 'return', 'recover', 'scrap', 'adjust'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

/** Roles that may override a stock shortage (with a reason), and that may receive, scrap or adjust. */
export const STOCK_KEEPERS: readonly Role[] = ['supervisor', 'admin'];

/** The change a movement makes to usable stock on hand. `quantity` is signed only for adjustments. */
export function stockDelta(kind: MovementKind, quantity: number): number {
  switch (kind) {
    case 'receive':
    case 'return':
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
  if (kind === 'issue') return role === 'engineer' || STOCK_KEEPERS.includes(role);
  if (kind === 'return' || kind === 'recover') return role === 'engineer' || STOCK_KEEPERS.includes(role);
  return STOCK_KEEPERS.includes(role);
}

/** Checks one movement and gives the new on hand; a refusal names an `error.stock.*` key. */
export function checkMovement(r: MovementRequest): MovementVerdict {
  if (!mayMove(r.role, r.kind)) return refuse('stock.wrongRole', 'FORBIDDEN');
  if (!Number.isInteger(r.quantity) || r.quantity === 0) return refuse('stock.quantity', 'VALIDATION');
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
  const onHandAfter = r.onHand + delta;
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
