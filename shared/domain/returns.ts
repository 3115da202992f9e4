/**
 * The returned-device register (返修登记表, seed 003 §4.4): states, who may move a record where, the
 * overdue rule, and the register's defaults (slip numbering, condition checklists per product line).
 * Pure: the renderer shows the allowed moves from here, the core enforces the same table.
 */
import type { Role } from './roles';
import type { TicketStatus } from './ticket';

export const RETURN_STATES = [
  'received',
  'inspecting',
  'waiting_quote',
  'repairing',
  'waiting_parts',
  'repaired',
  'unrepairable',
  'returned',
  'scrapped',
] as const;
export type ReturnState = (typeof RETURN_STATES)[number];

/** The record is closed: the device left the depot (handed back or scrapped with consent). */
export const CLOSED_RETURN_STATES: readonly ReturnState[] = ['returned', 'scrapped'];
/** Work is finished: the device waits for pickup, so an expected date no longer runs late. */
export const AWAITING_PICKUP: readonly ReturnState[] = ['repaired', 'unrepairable'];

export const RETURN_MOVES = [
  'startInspection',
  'requestQuote',
  'quoteApproved',
  'quoteDeclined',
  'startRepair',
  'waitForParts',
  'partsArrived',
  'finishRepair',
  'declareUnrepairable',
  'scrap',
] as const;
export type ReturnMove = (typeof RETURN_MOVES)[number];

interface ReturnRule {
  from: readonly ReturnState[];
  to: ReturnState;
  roles: readonly Role[];
  /** A written reason is required (kept on the timeline); for `scrap`, how the customer consented. */
  reason?: true;
}

const WORKSHOP: readonly Role[] = ['engineer', 'supervisor', 'admin'];
const EVERYONE: readonly Role[] = ['clerk', 'engineer', 'supervisor', 'admin'];

export const RETURN_RULES: Record<ReturnMove, ReturnRule> = {
  startInspection: { from: ['received'], to: 'inspecting', roles: WORKSHOP },
  requestQuote: { from: ['inspecting'], to: 'waiting_quote', roles: WORKSHOP },
  // The customer's answer to the quote usually reaches the desk, so clerks record it too.
  quoteApproved: { from: ['waiting_quote'], to: 'repairing', roles: EVERYONE },
  quoteDeclined: { from: ['waiting_quote'], to: 'unrepairable', roles: EVERYONE, reason: true },
  startRepair: { from: ['inspecting'], to: 'repairing', roles: WORKSHOP },
  waitForParts: { from: ['repairing'], to: 'waiting_parts', roles: WORKSHOP },
  partsArrived: { from: ['waiting_parts'], to: 'repairing', roles: EVERYONE },
  finishRepair: { from: ['repairing'], to: 'repaired', roles: WORKSHOP },
  declareUnrepairable: { from: ['inspecting', 'repairing', 'waiting_parts'], to: 'unrepairable', roles: WORKSHOP, reason: true },
  scrap: { from: ['unrepairable'], to: 'scrapped', roles: ['clerk', 'supervisor', 'admin'], reason: true },
};

export type ReturnRefusal = 'wrongState' | 'wrongRole' | 'reasonRequired';

/** Why a move is refused, or null when it may happen. */
export function returnRefusal(move: ReturnMove, state: ReturnState, role: Role, reason: string): ReturnRefusal | null {
  const rule = RETURN_RULES[move];
  if (!rule.roles.includes(role)) return 'wrongRole';
  if (!rule.from.includes(state)) return 'wrongState';
  if (rule.reason && reason.trim() === '') return 'reasonRequired';
  return null;
}

/** The moves a user may make on a record now (the buttons the register shows). */
export function availableReturnMoves(state: ReturnState, role: Role): ReturnMove[] {
  return RETURN_MOVES.filter((m) => returnRefusal(m, state, role, 'x') === null);
}

/** Only a finished device can be handed back; a scrapped one never leaves. */
export const canHandBack = (state: ReturnState): boolean => AWAITING_PICKUP.includes(state);

/** The expected completion date has passed while work is still going on. */
export function isOverdue(state: ReturnState, expectedDate: string | null, today: string): boolean {
  if (!expectedDate || CLOSED_RETURN_STATES.includes(state) || AWAITING_PICKUP.includes(state)) return false;
  return expectedDate < today;
}

/** Whole days between two calendar dates (YYYY-MM-DD), for "days in depot". */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

export interface Accessory {
  name: string;
  quantity: number;
}

/** Accessories handed over but not ticked back (by name, with the missing quantity). */
export function missingAccessories(handedOver: readonly Accessory[], returned: readonly Accessory[]): Accessory[] {
  const back = new Map<string, number>();
  for (const a of returned) back.set(a.name, (back.get(a.name) ?? 0) + a.quantity);
  const out: Accessory[] = [];
  for (const a of handedOver) {
    const got = back.get(a.name) ?? 0;
    back.set(a.name, Math.max(0, got - a.quantity));
    if (got < a.quantity) out.push({ name: a.name, quantity: a.quantity - got });
  }
  return out;
}

export const DEFAULT_RETURN_PATTERN = 'RMA{YYYYMMDD}{SEQ:4}';

/** The condition checklist used when a product line has none of its own. */
export const DEFAULT_CHECKLIST_KEY = '*';

export interface ReturnsSettings {
  /** Slip number pattern (same tokens as ticket numbers). */
  numberPattern: string;
  /** Condition-on-receipt items per product line; `*` for every other line. */
  checklists: Record<string, string[]>;
  /** Days after check-in when the repair is expected done, unless the clerk enters a date. */
  defaultRepairDays: number;
}

export const DEFAULT_RETURNS_SETTINGS: ReturnsSettings = {
  numberPattern: DEFAULT_RETURN_PATTERN,
  checklists: {
    [DEFAULT_CHECKLIST_KEY]: ['外壳破损', '屏幕划痕/破裂', '外观划痕', '缺少螺丝', '进水痕迹', '标签/封条缺失', '无法开机'],
  },
  defaultRepairDays: 7,
};

/** The checklist for a product line. */
export function checklistFor(settings: ReturnsSettings, productLine: string): string[] {
  return settings.checklists[productLine] ?? settings.checklists[DEFAULT_CHECKLIST_KEY] ?? [];
}

export interface ConditionItem {
  item: string;
  /** Ticked: the defect is present on receipt. */
  checked: boolean;
}

export interface ReturnEvent {
  id: number;
  at: string;
  actorName: string;
  kind: string;
  fromState: ReturnState | null;
  toState: ReturnState | null;
  note: string | null;
  data: unknown;
}

export interface ReturnRow {
  id: number;
  number: string;
  state: ReturnState;
  ticketNumber: string;
  customerName: string;
  modelName: string;
  serial: string;
  receivedAt: string;
  expectedDate: string | null;
  daysInDepot: number;
  overdue: boolean;
}

export interface ReturnDetail extends ReturnRow {
  version: number;
  ticketId: number;
  customerId: number;
  customerPhone: string;
  modelId: number;
  modelCode: string;
  productLine: string;
  deviceId: number | null;
  condition: ConditionItem[];
  conditionNotes: string;
  accessories: Accessory[];
  faultStated: string;
  photoIds: number[];
  receivedById: number;
  receivedByName: string;
  pickup: null | {
    at: string;
    by: string;
    delegate: boolean;
    idNote: string;
    accessoriesBack: Accessory[];
    note: string;
    signatureId: number;
  };
  events: ReturnEvent[];
  moves: ReturnMove[];
  /** The linked ticket as the record's page needs it (one process, nothing entered twice). */
  ticketLink: TicketLink;
}

export interface TicketLink {
  status: TicketStatus;
  /** Handing the device back now accepts the ticket: the customer's satisfaction is asked with the signature. */
  handBackAccepts: boolean;
  /** What the ticket's bill still asks for (fen); hand-back warns when above 0. */
  openBalanceFen: number;
  /** The ticket's latest quote while it waits for the customer's consent (客户同意报价 records it). */
  pendingQuote: { id: number; version: number; totalFen: number } | null;
}
